"""Tests of the Python binding's currency calls (currency.h): settings, rates with effective times, a cart priced
from the base currency with a display total, conversion at a past rate, the sales report, and bad input refused
with a stable code.

The conftest validates every document against docs/schema/.
"""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

import commerce
from commerce import Money

START = datetime(2026, 11, 6, 21, 20, tzinfo=timezone.utc)


@pytest.fixture
def shop(admin_engine):
    return admin_engine


def test_a_cart_in_a_presentment_currency_is_priced_from_the_base_price(shop):
    engine, admin = shop
    settings = engine.set_currency_settings(admin, {"base": "EUR", "presentment": [
        {"currency": "USD", "charm": {"step": "1", "ending": "0.99"}},
        {"currency": "JPY", "rounding_increment": "10"}]})
    assert settings["type"] == "currency_settings" and settings["version"] == 1
    rate = engine.set_exchange_rate(admin, {"base": "EUR", "quote": "USD", "rate": Decimal("1.0850"),
                                            "effective_at": START - timedelta(days=1)})
    assert rate["rate"] == "1.0850" and rate["effective_at"] == "2026-11-05T21:20:00.000Z"
    engine.set_exchange_rate(admin, {"base": "EUR", "quote": "JPY", "rate": "162.37"})
    lamp = engine.create_product(admin, {"sku": "LAMP", "title": "Lamp", "stock": 5,
                                         "prices": [Money("10.00", "EUR")]})
    mug = engine.create_product(admin, {"sku": "MUG", "title": "Mug", "stock": 5,
                                        "prices": [Money("10.00", "EUR"), Money("9.50", "USD")]})

    cart = engine.create_cart(None, "USD")
    engine.add_item(None, cart["id"], lamp, 1)
    cart = engine.add_item(None, cart["id"], mug, 1)
    assert cart["items"][0]["unit_price"] == Money("10.99", "USD")
    assert cart["items"][0]["converted_from"]["price"] == Money("10.00", "EUR")
    assert cart["items"][1]["converted_from"] is None  # the set price wins
    assert cart["display"] is None

    cart = engine.update_cart(None, cart, {"display_currency": "EUR"})  # the USD rate read backwards
    assert cart["display"]["total"] == Money("18.88", "EUR")  # 20.49 / 1.0850 = 18.8848...
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.update_cart(None, cart, {"display_currency": "KWD"})
    assert refused.value.details["reason"] == "no_rate"

    jpy = engine.create_cart(None, "JPY")
    assert engine.add_item(None, jpy["id"], lamp, 1)["total"] == Money("1620", "JPY")  # 1623.7 to the nearest 10


def test_conversion_at_a_past_rate_and_the_sales_report(shop):
    engine, admin = shop
    engine.set_currency_settings(admin, {"base": "EUR"})
    engine.set_exchange_rate(admin, {"base": "EUR", "quote": "USD", "rate": "1.25",
                                     "effective_at": "2026-01-01T00:00:00Z"})
    engine.set_exchange_rate(admin, {"base": "EUR", "quote": "USD", "rate": "1.5", "effective_at": START})
    then = engine.convert_currency(admin, Money("10.00", "USD"), "EUR", at=datetime(2026, 6, 1, tzinfo=timezone.utc))
    assert then["converted"] == Money("8.00", "EUR") and then["rate"]["rate"] == "1.25"
    assert engine.convert_currency(admin, Money("3.00", "EUR"), "USD")["converted"] == Money("4.50", "USD")
    with pytest.raises(commerce.NotFound):
        engine.convert_currency(admin, Money("1.00", "USD"), "EUR", at="2025-01-01T00:00:00Z")

    lamp = engine.create_product(admin, {"sku": "LAMP", "title": "Lamp", "stock": 5,
                                         "prices": [Money("10.00", "EUR"), Money("10.00", "USD")]})
    for currency in ("EUR", "USD"):
        cart = engine.create_cart(admin, currency)
        engine.add_item(admin, cart["id"], lamp, 1)
        engine.place_order(admin, cart["id"], {"payment": {"method": "manual", "kind": "cash"}})
    report = engine.report_sales_in_base(admin, {"from": "2026-11-06", "to": "2026-11-06"})
    assert report["orders"] == 2 and report["total"] == Money("16.67", "EUR")
    assert [c["currency"] for c in report["currencies"]] == ["EUR", "USD"]
    assert engine.list_exchange_rates(admin, {"limit": 1})["next"] is not None


def test_bad_currency_input_is_refused_and_changes_nothing(shop):
    engine, admin = shop
    with pytest.raises(commerce.InvalidArgument) as refused:
        engine.set_exchange_rate(admin, {"base": "EUR", "quote": "USD", "rate": "-1"})
    assert refused.value.details == {"field": "rate", "reason": "out_of_range"}
    with pytest.raises(TypeError):
        engine.set_exchange_rate(admin, {"base": "EUR", "quote": "USD", "rate": 1.1})
    with pytest.raises(commerce.InvalidArgument):
        engine.set_currency_settings(admin, {"base": "EUR", "presentment": [{"currency": "EUR"}]})
    with pytest.raises(commerce.Conflict):
        engine.set_currency_settings(admin, {"base": "EUR"}, expected_version=2)
    with pytest.raises(commerce.NotFound):
        engine.report_sales_in_base(admin, {"from": "2026-11-01", "to": "2026-11-30"})
    with pytest.raises(commerce.Unauthorized):
        engine.list_exchange_rates(None)
    assert engine.list_exchange_rates(admin)["items"] == []
    assert engine.get_currency_settings(admin)["definition"] is None
