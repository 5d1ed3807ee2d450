"""Tests of the Python binding's price lists and customer groups (pricing.h, customer_group.h): a trade group
whose members' carts take an override price by quantity, a sale on the clock, and bad input refused with a
stable code that changes nothing.

The conftest validates every document against docs/schema/.
"""

from decimal import Decimal

import pytest

import commerce
from commerce import Money

START = 1794000000000
PASSWORD = "correct horse battery"
DAY_MS = 24 * 3600 * 1000


def eur(text):
    return Money(Decimal(text), "EUR")


@pytest.fixture
def shop(admin_engine):
    engine, admin = admin_engine
    bolt = engine.create_product(admin, {"sku": "BOLT", "title": "Bolt", "prices": [eur("1.00")], "stock": 500})
    return engine, admin, bolt["variants"][0]["id"]


def price(variant, amount, min_quantity=1):
    return {"variant_id": variant, "price": eur(amount), "min_quantity": min_quantity}


def test_a_trade_group_buys_at_its_override_price_by_quantity(shop):
    engine, admin, bolt = shop
    buyer = engine.register_user("buyer@example.com", PASSWORD)
    session = engine.login("buyer@example.com", PASSWORD)
    group = engine.create_customer_group(admin, {"id": "trade", "name": "Trade", "tax_exempt": True})
    assert group["type"] == "customer_group" and group["member_count"] == 0
    group = engine.change_customer_group_members(admin, "trade", add=[buyer])
    assert group["member_count"] == 1
    assert engine.customer_group_members(admin, group)["items"][0]["user_id"] == buyer["id"]
    assert [g["id"] for g in engine.list_customer_groups(admin, {"member": buyer["id"]})["items"]] == ["trade"]

    created = engine.create_price_list(admin, {"id": "trade-2026", "name": "Trade", "type": "override",
                                               "customer_groups": ["trade"],
                                               "prices": [price(bolt, "0.80"), price(bolt, "0.70", 100)]})
    assert created["type"] == "price_list" and created["price_count"] == 2

    cart = engine.create_cart(session, "EUR")
    cart = engine.add_item(session, cart["id"], bolt, 10)
    assert cart["items"][0]["unit_price"] == eur("0.80")
    assert cart["items"][0]["catalog_unit_price"] == eur("1.00")
    assert cart["items"][0]["price_list_id"] == "trade-2026"
    cart = engine.update_item(session, cart["id"], bolt, 100)
    assert cart["subtotal"] == eur("70.00")

    guest = engine.create_cart(None, "EUR")
    guest = engine.add_item(None, guest["id"], bolt, 100)
    assert guest["subtotal"] == eur("100.00") and guest["items"][0]["price_list_id"] is None

    engine.set_price_list_status(admin, "trade-2026", "archived")
    assert engine.get_cart(session, cart["id"])["subtotal"] == eur("100.00")


def test_a_sale_starts_and_ends_on_the_clock(shop):
    engine, admin, bolt = shop
    engine.create_price_list(admin, {"id": "festive", "name": "Festive", "starts_at": START + DAY_MS,
                                     "ends_at": START + 2 * DAY_MS, "prices": [price(bolt, "0.50")]})
    cart = engine.add_item(None, engine.create_cart(None, "EUR")["id"], bolt, 1)
    assert cart["items"][0]["unit_price"] == eur("1.00")
    engine.advance_time(DAY_MS)
    assert engine.get_cart(None, cart["id"])["items"][0]["unit_price"] == eur("0.50")
    engine.advance_time(DAY_MS)
    assert engine.get_cart(None, cart["id"])["items"][0]["unit_price"] == eur("1.00")


def test_bad_input_is_refused_and_changes_nothing(shop):
    engine, admin, bolt = shop
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.create_price_list(admin, {"id": "x", "name": "X", "prices": [price(bolt, "-1.00")]})
    assert refused.value.details["reason"] == "negative"
    with pytest.raises(commerce.NotFound):
        engine.create_price_list(admin, {"id": "x", "name": "X", "prices": [price("no-such-variant", "1.00")]})
    assert engine.list_price_lists(admin)["items"] == []
    engine.create_price_list(admin, {"id": "x", "name": "X", "prices": [price(bolt, "0.90")]})
    with pytest.raises(commerce.Conflict):
        engine.update_price_list(admin, "x", {"name": "X", "prices": []}, 9)
    assert engine.get_price_list(admin, "x")["prices"][0]["price"] == eur("0.90")
    engine.create_customer_group(admin, {"id": "x", "name": "X"})
    with pytest.raises(commerce.Exists):
        engine.create_customer_group(admin, {"id": "x", "name": "Again"})
    with pytest.raises(commerce.InvalidArgument):
        engine.create_customer_group(admin, {"id": "Not An Id", "name": "X"})
    with pytest.raises(commerce.NotFound):
        engine.change_customer_group_members(admin, "x", add=["no-such-user"])
    assert engine.get_customer_group(admin, "x")["member_count"] == 0
    engine.delete_customer_group(admin, "x")
    with pytest.raises(commerce.NotFound):
        engine.get_customer_group(admin, "x")
