"""Tests of the Python binding's order lifecycle calls (order.h): a cash-on-delivery order captured and refunded in
two steps to exactly its total, refunds refused with their reasons, a customer cancelling their unpaid order, an
unpaid bank transfer expired by the sweep, and fulfilment: an order shipped in two parcels, delivered and completed
(with its outbox events), goods handed over at once, and shipping refused with its reasons.

The conftest validates every document against docs/schema/.
"""

from datetime import timedelta
from decimal import Decimal

import pytest

import commerce
from commerce import Money
from conftest import ADMIN_PASSWORD, GERMANY, MANUAL_CLOCK

CENT = Decimal("0.01")


def eur(text):
    return Money(Decimal(text), "EUR")


@pytest.fixture
def engine_config():
    # bank transfers expire after an hour here (the engine's default is three days)
    return {**MANUAL_CLOCK, "orders": {"unpaid_expire_after_minutes": 60}}


class Shop:
    """A shop with German VAT, a soap at 3.33 EUR with 10 on hand and a customer, Alice."""

    def __init__(self, engine, admin):
        self.engine, self.admin = engine, admin
        engine.set_tax_definition(admin, GERMANY)
        self.soap = engine.create_product(admin, {"sku": "SOAP", "title": "Soap", "prices": [eur("3.33")],
                                                  "stock": 10})
        engine.register_user("alice@example.com", ADMIN_PASSWORD)
        self.alice = engine.login("alice@example.com", ADMIN_PASSWORD)

    def place(self, kind, quantity):
        """Alice's order of ``quantity`` soaps shipped to Germany, paid by a manual payment of that kind."""
        cart = self.engine.create_cart(self.alice, "EUR")
        self.engine.add_item(self.alice, cart["id"], self.soap, quantity)
        self.engine.update_cart(self.alice, cart, {"shipping_address": {"country": "DE"}})
        return self.engine.place_order(self.alice, cart["id"], {"payment": {"method": "manual", "kind": kind}})

    def on_hand(self):
        return self.engine.stock_level(self.soap["variants"][0])["on_hand"]

    def staff(self):
        """The session of Bob, a staff member: "orders.manage" without being an administrator."""
        bob = self.engine.register_user("bob@example.com", ADMIN_PASSWORD)
        self.engine.set_roles(self.admin, bob["id"], ["staff"])
        return self.engine.login("bob@example.com", ADMIN_PASSWORD)


@pytest.fixture
def shop(admin_engine):
    return Shop(*admin_engine)


def test_a_cash_on_delivery_order_is_captured_then_refunded_to_exactly_its_total(shop):
    engine, admin = shop.engine, shop.admin
    order = shop.place("cash_on_delivery", 3)
    assert (order["status"], order["payment_status"]) == ("pending_payment", "pending")
    assert [event["kind"] for event in order["timeline"]] == ["placed"]
    line = order["lines"][0]
    assert line["total"] == eur("11.89") and line["tax"] == eur("1.90")  # 9.99 + 19% VAT

    order = engine.capture_payment(admin, order)
    assert (order["status"], order["payment_status"]) == ("paid", "captured")
    assert [(event["kind"], event["to"]) for event in order["timeline"]] == [
        ("placed", "pending_payment"), ("payment_status", "captured"), ("status", "paid")]
    [capture] = order["payment"]["transactions"]
    assert (capture["operation"], capture["status"], capture["raw_status"]) == ("capture", "succeeded", "recorded")
    assert capture["amount"] == order["total"] == order["payment"]["captured"]

    before = shop.on_hand()
    order = engine.refund_order(admin, order["id"], {"lines": [{"line": 0, "quantity": 1, "restock": True}],
                                                     "reason": "damaged"})
    assert order["payment_status"] == "partially_refunded" and order["lines"][0]["refunded_quantity"] == 1
    first = order["refunds"][0]
    share = (line["total"].amount / line["quantity"]).quantize(CENT)  # 11.89 / 3 = 3.9633...
    assert first["amount"] == eur(share) == eur("3.96")
    assert first["tax"] == eur("0.63") and first["reason"] == "damaged"
    assert [(part["line"], part["quantity"], part["restocked"]) for part in first["lines"]] == [(0, 1, True)]
    assert shop.on_hand() == before + 1

    order = engine.refund_order(admin, order, '{"lines": [{"line": 0, "quantity": 2}]}')  # JSON text, too
    assert order["payment_status"] == "refunded" and shop.on_hand() == before + 1  # not restocked
    assert sum((refund["amount"].amount for refund in order["refunds"]), Decimal(0)) == order["total"].amount
    assert order["payment"]["refunded"] == order["total"]


def test_refunds_are_refused_with_their_reasons_and_change_nothing(shop):
    engine, admin = shop.engine, shop.admin
    order = shop.place("cash", 1)
    with pytest.raises(commerce.IllegalState) as refused:
        engine.refund_order(admin, order, {"amount": Decimal("100.00")})
    assert refused.value.details["reason"] == "exceeds_captured"
    assert refused.value.details["refundable"] == order["total"]
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.refund_order(admin, order, {"lines": [{"line": 5, "quantity": 1}]})
    assert refused.value.details == {"field": "lines[0].line", "reason": "unknown_line"}
    with pytest.raises(commerce.Forbidden):
        engine.refund_order(shop.alice, order, {"amount": "1.00"})
    with pytest.raises(TypeError):
        engine.refund_order(admin, order, {"amount": 1.0})  # money is never a float
    with pytest.raises(TypeError):
        engine.refund_order(admin, order, None)  # the request is required
    with pytest.raises(commerce.IllegalState):
        engine.capture_payment(admin, order)  # cash is captured when the order is placed
    unchanged = engine.get_order(admin, order["id"])
    assert unchanged["refunds"] == [] and unchanged["payment_status"] == "captured"


def test_a_customer_cancels_their_unpaid_order_and_the_stock_comes_back(shop):
    engine = shop.engine
    order = shop.place("cash_on_delivery", 2)
    assert shop.on_hand() == 8
    order = engine.cancel_order(shop.alice, order, {"note": "changed my mind"})
    assert (order["status"], order["payment_status"], order["payment"]["status"]) == ("cancelled", "voided", "voided")
    assert order["timeline"][-1]["note"] == "changed my mind"
    assert shop.on_hand() == 10
    with pytest.raises(commerce.IllegalState):
        engine.cancel_order(shop.alice, order)
    with pytest.raises(commerce.IllegalState):
        engine.capture_payment(shop.admin, order, {"reference": "late"})


def test_the_sweep_cancels_a_bank_transfer_left_unpaid_past_its_time(shop):
    engine = shop.engine
    order = shop.place("bank_transfer", 1)
    assert order["expires_at"] == "2026-11-06T22:20:00.000Z"  # an hour after it was placed
    assert engine.sweep_orders() == {"type": "order_sweep", "schema_version": 1, "expired": 0}
    engine.advance_time(timedelta(minutes=61))
    assert engine.sweep_orders(limit=100)["expired"] == 1
    order = engine.get_order(shop.alice, order["id"])
    assert (order["status"], order["payment_status"]) == ("cancelled", "voided")
    last = order["timeline"][-1]
    assert last["actor_id"] is None and last["note"] == "payment not received in time"
    assert shop.on_hand() == 10
    with pytest.raises(commerce.InvalidArgument):
        engine.sweep_orders(0)


def test_an_order_is_shipped_in_two_parcels_delivered_and_completed(shop):
    engine, staff = shop.engine, shop.staff()
    order = shop.place("cash", 3)
    assert order["fulfillment_status"] == "not_fulfilled" and order["shipments"] == []
    assert (order["lines"][0]["shipped_quantity"], order["lines"][0]["digital"]) == (0, False)
    order = engine.ship_order(staff, order, {"lines": [{"line": 0, "quantity": 1}], "carrier": "DHL",
                                             "tracking_number": "JD0001",
                                             "tracking_url": "https://dhl.example/JD0001"})
    assert (order["status"], order["fulfillment_status"]) == ("partially_shipped", "partially_shipped")
    [first] = order["shipments"]
    assert (first["status"], first["carrier"], first["tracking_number"]) == ("shipped", "DHL", "JD0001")
    assert first["lines"] == [{"line": 0, "quantity": 1}] and first["delivered_at"] is None
    assert order["lines"][0]["shipped_quantity"] == 1

    order = engine.ship_order(staff, order["id"])  # the rest, untracked
    assert (order["status"], order["fulfillment_status"]) == ("shipped", "shipped")
    second = order["shipments"][1]
    assert second["lines"] == [{"line": 0, "quantity": 2}] and second["carrier"] is None
    assert order["lines"][0]["shipped_quantity"] == 3

    order = engine.update_shipment(staff, order, first, {"status": "out_for_delivery"})  # the shipment document
    assert order["shipments"][0]["status"] == "out_for_delivery" and order["shipments"][0]["out_for_delivery_at"]
    order = engine.update_shipment(staff, order, first["id"], '{"status": "delivered"}')  # its id, JSON text
    assert order["shipments"][0]["status"] == "delivered" and order["shipments"][0]["delivered_at"]
    assert (order["status"], order["fulfillment_status"]) == ("shipped", "shipped")  # one parcel is still out
    order = engine.update_shipment(staff, order, second, {"status": "delivered"})
    assert (order["status"], order["fulfillment_status"]) == ("delivered", "delivered")

    order = engine.complete_order(staff, order, {"note": "all arrived"})
    assert (order["status"], order["fulfillment_status"]) == ("completed", "delivered")
    last = order["timeline"][-1]
    assert (last["kind"], last["to"], last["note"]) == ("status", "completed", "all arrived")
    events = engine.fetch_outbox({"topics": ["shipment.", "order.delivered", "order.completed"]})["events"]
    assert [event["topic"] for event in events] == [
        "shipment.shipped", "shipment.shipped", "shipment.out_for_delivery", "shipment.delivered",
        "shipment.delivered", "order.delivered", "order.completed"]
    parcel = events[0]["payload"]
    assert (parcel["shipment_id"], parcel["tracking_url"], parcel["email"]) == (
        first["id"], "https://dhl.example/JD0001", "alice@example.com")
    assert parcel["lines"] == [{"line": 0, "quantity": 1, "sku": "SOAP", "title": "Soap"}]
    assert events[-1]["payload"]["status"] == "completed" and events[-1]["payload"]["amount"] is None


def test_goods_handed_over_are_shipped_and_delivered_at_once(shop):
    engine = shop.engine
    order = engine.ship_order(shop.admin, shop.place("cash", 2), {"handed_over": True})
    assert (order["status"], order["fulfillment_status"]) == ("delivered", "delivered")
    [parcel] = order["shipments"]
    assert parcel["status"] == "delivered" and parcel["lines"] == [{"line": 0, "quantity": 2}]
    assert parcel["delivered_at"] == parcel["shipped_at"] and parcel["out_for_delivery_at"] is None
    assert engine.complete_order(shop.admin, order)["status"] == "completed"


def test_shipping_is_refused_with_its_reasons_and_changes_nothing(shop):
    engine, admin = shop.engine, shop.admin
    order = shop.place("cash", 2)
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.ship_order(admin, order, {"tracking_url": "ftp://x"})
    assert refused.value.details == {"field": "tracking_url", "reason": "format"}
    with pytest.raises(commerce.Forbidden):
        engine.ship_order(shop.alice, order)  # a customer cannot ship their own order
    with pytest.raises(commerce.IllegalState) as refused:
        engine.complete_order(admin, order)
    assert (refused.value.details["reason"], refused.value.details["current"]) == ("not_delivered", "paid")
    unchanged = engine.get_order(admin, order["id"])
    assert unchanged["shipments"] == [] and unchanged["fulfillment_status"] == "not_fulfilled"

    order = engine.ship_order(admin, order)
    order = engine.update_shipment(admin, order, order["shipments"][0], {"status": "delivered"})
    with pytest.raises(commerce.IllegalState) as refused:
        engine.update_shipment(admin, order, order["shipments"][0], {"status": "out_for_delivery"})  # a step back
    assert refused.value.details["field"] == "shipment.status"
    assert (refused.value.details["current"], refused.value.details["requested"]) == ("delivered", "out_for_delivery")
    with pytest.raises(TypeError):
        engine.update_shipment(admin, order, order["shipments"][0], None)  # the request is required
    assert engine.get_order(admin, order["id"])["shipments"] == order["shipments"]
