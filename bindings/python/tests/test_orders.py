"""Tests of the Python binding's order lifecycle calls (order.h): a cash-on-delivery order captured and refunded in
two steps to exactly its total, refunds refused with their reasons, a customer cancelling their unpaid order, an
unpaid bank transfer expired by the sweep, fulfilment: an order shipped in two parcels, delivered and completed
(with its outbox events), goods handed over at once, and shipping refused with its reasons; the staff's order
search by status, email and placement time, page by page; a German receipt within a narrow printer's width; an
invoice that adds up exactly; the addresses an order keeps; and totals the shopper saw that no longer hold.

The conftest validates every document against docs/schema/.
"""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

import commerce
from commerce import Money
from conftest import ADMIN_PASSWORD, GERMANY, MANUAL_CLOCK

CENT = Decimal("0.01")


def eur(text):
    return Money(Decimal(text), "EUR")


# Addresses in Germany, where the shop's carts are priced; the engine writes "" for a member not given.
BERLIN = {"name": "Alice Liddell", "line1": "Unter den Linden 1", "city": "Berlin", "postal_code": "10117",
          "country": "DE"}
HAMBURG = {"name": "Liddell GmbH", "company": "Liddell GmbH", "line1": "Jungfernstieg 7", "city": "Hamburg",
           "postal_code": "20354", "country": "DE", "phone": "+49 40 123456"}
EMPTY_ADDRESS = dict.fromkeys(("name", "company", "line1", "line2", "city", "region", "postal_code", "country",
                               "phone"), "")


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
        self.alice = self.customer("alice@example.com")

    def customer(self, email):
        """The session of a new customer."""
        self.engine.register_user(email, ADMIN_PASSWORD)
        return self.engine.login(email, ADMIN_PASSWORD)

    def place(self, kind, quantity, shopper=None, shipping_method=None, **request):
        """The order of ``quantity`` soaps by ``shopper`` (Alice by default) shipped to Germany (by
        ``shipping_method`` when given), paid by a manual payment of that kind; ``request`` adds members to the
        request (addresses, expected totals)."""
        shopper = shopper or self.alice
        cart = self.engine.create_cart(shopper, "EUR")
        self.engine.add_item(shopper, cart["id"], self.soap, quantity)
        changes = {"shipping_address": {"country": "DE"}}
        if shipping_method:
            changes["shipping_method"] = shipping_method
        self.engine.update_cart(shopper, cart, changes)
        return self.engine.place_order(shopper, cart["id"], {"payment": {"method": "manual", "kind": kind},
                                                             **request})

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


def test_staff_search_every_order_by_status_email_and_time_page_by_page(shop):
    engine, staff = shop.engine, shop.staff()
    first = shop.place("cash", 1)
    engine.advance_time(timedelta(minutes=30))
    unpaid = shop.place("cash_on_delivery", 1)
    engine.advance_time(timedelta(minutes=30))
    carol = shop.customer("carol@example.com")
    carols = shop.place("cash", 2, shopper=carol)

    def ids(page):
        return [order["id"] for order in page["items"]]

    newest_first = [carols["id"], unpaid["id"], first["id"]]
    assert ids(engine.search_orders(staff)) == newest_first  # no query: every order
    paid = engine.search_orders(staff, {"status": "paid"})
    assert ids(paid) == [carols["id"], first["id"]] and paid["next"] is None
    alices = engine.search_orders(staff, {"status": ["paid", "pending_payment"], "email": "Alice@Example.com"})
    assert ids(alices) == [unpaid["id"], first["id"]]  # the email is normalized
    later = engine.search_orders(staff, {"from": datetime(2026, 11, 6, 21, 40, tzinfo=timezone.utc),
                                         "to": "2026-11-06T22:30:00Z"})  # a datetime, or RFC 3339 text; to is exclusive
    assert ids(later) == [carols["id"], unpaid["id"]]

    seen, query = [], {"limit": 1}
    while True:
        page = engine.search_orders(staff, query)
        assert len(page["items"]) == 1
        seen += ids(page)
        if page["next"] is None:
            break
        query["after"] = page["next"]
    assert seen == newest_first

    with pytest.raises(commerce.Forbidden):
        engine.search_orders(shop.alice, {"email": "alice@example.com"})  # not even for their own orders
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.search_orders(staff, {"status": ["paid", "lost_at_sea"]})
    assert (refused.value.details["field"], refused.value.details["reason"]) == ("status", "unknown_status")


def test_a_german_receipt_fits_a_narrow_printer(shop):
    engine = shop.engine
    engine.update_product(shop.admin, shop.soap, {"title": "Lavender soap with shea butter and oat milk"})
    order = shop.place("cash", 3)
    assert order["total"] == eur("11.89")
    receipt = engine.order_receipt(shop.alice, order, {"locale": "de-DE", "width": 32})
    assert (receipt["order_id"], receipt["number"], receipt["locale"], receipt["width"]) == (
        order["id"], order["number"], "de-DE", 32)
    text = receipt["text"]
    lines = text.splitlines()
    assert text.endswith("\n") and order["number"] in lines[0]
    assert all(len(line) <= 32 for line in lines), lines  # len counts code points: "€" is one
    [total] = [line for line in lines if line.startswith("TOTAL")]
    assert total.endswith("11,89\u00a0€")  # the German way: a decimal comma, the sign after a no-break space
    assert any(line.startswith("3 x Lavender soap") and line.endswith("9,99\u00a0€") for line in lines)  # cut

    assert engine.order_receipt(shop.admin, order["id"])["width"] == 42  # staff; the default width
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.order_receipt(shop.alice, order, {"locale": "no such locale"})
    assert refused.value.details == {"field": "locale", "reason": "unknown_locale"}
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.order_receipt(shop.alice, order, {"width": 12})
    assert refused.value.details["field"] == "width"
    with pytest.raises(commerce.NotFound):
        engine.order_receipt(shop.customer("carol@example.com"), order)  # someone else's order


def test_an_invoice_adds_up_exactly_and_formats_every_amount(shop):
    engine = shop.engine
    engine.set_shipping_definition(shop.admin, {"methods": [
        {"id": "dhl", "name": "DHL", "countries": ["DE"], "rates": [{"type": "flat", "amount": eur("4.90")}]}]})
    order = shop.place("cash", 3, shipping_method="dhl", shipping_address=BERLIN, billing_address=HAMBURG)
    invoice = engine.order_invoice(shop.alice, order, {"locale": "de-DE"})
    assert (invoice["order_id"], invoice["number"], invoice["locale"], invoice["currency"]) == (
        order["id"], order["number"], "de-DE", "EUR")
    assert invoice["ship_to"] == {**EMPTY_ADDRESS, **BERLIN} and invoice["bill_to"] == {**EMPTY_ADDRESS, **HAMBURG}

    def exact(money):
        return Decimal(money["amount"])

    shipping = invoice["shipping"]
    assert exact(shipping["total"]) > 0 and exact(shipping["net"]) + exact(shipping["tax"]) == exact(shipping["total"])
    charged = sum((exact(line["total"]) for line in invoice["lines"]), exact(shipping["total"]))
    assert charged == exact(invoice["total"]) == order["total"].amount
    assert sum((exact(tax["amount"]) for tax in invoice["taxes"]), Decimal(0)) == exact(invoice["tax_total"])
    [line] = invoice["lines"]
    assert (line["sku"], line["quantity"], exact(line["unit_price"])) == ("SOAP", 3, Decimal("3.33"))
    assert exact(line["net"]) + exact(line["tax"]) == exact(line["total"])

    def amounts(value):
        if isinstance(value, dict):
            if "amount" in value and "currency" in value:
                yield value
            else:
                for member in value.values():
                    yield from amounts(member)
        elif isinstance(value, list):
            for member in value:
                yield from amounts(member)

    every = list(amounts(invoice))
    assert len(every) == 5 + 3 + 1 + 5  # the line's, the shipping's, the tax's and the totals
    for money in every:
        assert money["currency"] == "EUR"
        assert money["formatted"] == money["amount"].replace(".", ",") + "\u00a0€", money
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.order_invoice(shop.alice, order, {"locale": "de-DE", "width": 32})  # a receipt's option
    assert refused.value.details["field"] == "width"


def test_an_order_keeps_its_shipping_and_billing_addresses(shop):
    engine = shop.engine
    assert shop.place("cash", 1)["shipping_address"] is None  # none given
    order = shop.place("cash", 1, shipping_address=BERLIN, billing_address=HAMBURG)
    assert order["shipping_address"] == {**EMPTY_ADDRESS, **BERLIN}
    assert order["billing_address"] == {**EMPTY_ADDRESS, **HAMBURG}
    assert engine.get_order(shop.alice, order["id"])["billing_address"] == order["billing_address"]

    booked = engine.add_address(shop.alice, HAMBURG)
    order = shop.place("cash", 1, shipping_address={"address_id": booked["id"]})  # from the address book
    assert order["shipping_address"] == order["billing_address"] == {**EMPTY_ADDRESS, **HAMBURG}  # billing: the same

    with pytest.raises(commerce.InvalidArgument) as refused:
        shop.place("cash", 1, shipping_address={**BERLIN, "country": "AT"})  # the cart was priced for Germany
    assert refused.value.details["reason"] == "not_the_priced_address"
    with pytest.raises(commerce.InvalidArgument) as refused:
        shop.place("cash", 1, shipping_address=BERLIN, billing_address={"city": "Hamburg", "country": "DE"})
    assert refused.value.details["field"] == "billing_address.line1"


def test_totals_the_shopper_saw_that_changed_refuse_the_order(shop):
    engine = shop.engine
    with pytest.raises(commerce.Conflict) as refused:
        shop.place("cash", 3, expected={"total": eur("9.99")})  # the price without the VAT
    assert refused.value.details["reason"] == "totals_changed"
    assert refused.value.details["changes"] == [{"field": "total", "expected": eur("9.99"), "actual": eur("11.89")}]
    assert engine.search_orders(shop.admin)["items"] == [] and shop.on_hand() == 10  # nothing was placed
    order = shop.place("cash", 3, expected={"total": eur("11.89"), "subtotal": eur("9.99"), "tax_total": eur("1.90")})
    assert order["total"] == eur("11.89")
