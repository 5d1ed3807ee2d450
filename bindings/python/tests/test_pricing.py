"""Tests of the Python binding's pricing calls (pricing.h and the pricing inputs of cart.h): the tax
definition, promotions with a coupon and single-use codes, a cart priced at an address, the coupon counted when
the order is placed, and bad input refused with a stable code.

The conftest validates every document against docs/schema/.
"""

from decimal import Decimal

import pytest

import commerce
from commerce import Money
from conftest import GERMANY

PASSWORD = "correct horse battery"


def eur(text):
    return Money(Decimal(text), "EUR")


@pytest.fixture
def shop(admin_engine):
    return admin_engine


def product(engine, admin, sku, price, **extra):
    return engine.create_product(admin, dict({"sku": sku, "title": sku, "prices": [eur(price)], "stock": 50}, **extra))


def reconciles(cart):
    """The identity every cart document promises: its parts add up to its total."""
    lines = sum((item["line_total"].amount for item in cart["items"]), Decimal(0))
    discounts = sum((d["amount"].amount for d in cart["discounts"]), Decimal(0))
    taxes = sum((t["amount"].amount for t in cart["taxes"]), Decimal(0))
    added = Decimal(0) if cart["prices_include_tax"] else taxes
    return (lines == cart["subtotal"].amount and discounts == cart["discount_total"].amount
            and taxes == cart["tax_total"].amount
            and cart["total"].amount == lines - discounts + cart["shipping_total"].amount + added
            and cart["total"].amount == sum((i["total"].amount for i in cart["items"]), Decimal(0))
            + cart["shipping_total"].amount)


def test_a_cart_priced_with_a_coupon_and_taxes_then_ordered(shop):
    engine, admin = shop
    settings = engine.set_tax_definition(admin, GERMANY)
    assert settings["type"] == "tax_settings" and settings["version"] == 1
    assert engine.get_tax_definition(admin)["definition"]["origin"] == {"country": "DE"}
    lamp = product(engine, admin, "LAMP", "40.00")
    book = product(engine, admin, "BOOK", "20.00", tax_class="books")
    assert book["tax_class"] == "books"
    promotion = engine.create_promotion(admin, {"id": "spring", "name": "Spring", "code": "SPRING",
                                                "action": {"type": "percentage_off_order", "percent": "10"}})
    assert promotion["status"] == "active" and promotion["usage_count"] == 0

    cart = engine.create_cart(None, "EUR")
    engine.add_item(None, cart["id"], lamp, 2)
    engine.add_item(None, cart["id"], book, 1)
    cart = engine.update_cart(None, cart, {"shipping_address": {"country": "de", "postal_code": "10115"}})
    assert cart["tax_zone"] == "de" and cart["tax_estimated"] is False
    assert cart["shipping_address"] == {"country": "DE", "region": None, "postal_code": "10115"}
    cart = engine.apply_coupon(None, cart, "spring")
    assert cart["coupons"] == [{"code": "SPRING", "status": "applied", "promotion_id": "spring", "reason": None}]
    # 100.00 - 10% = 90.00: lamps 72.00 + 19% (13.68), book 18.00 + 7% (1.26)
    assert cart["discount_total"] == eur("10.00")
    assert {(t["name"], t["percent"]): t["amount"] for t in cart["taxes"]} == {("VAT", "19"): eur("13.68"),
                                                                               ("VAT", "7"): eur("1.26")}
    assert cart["total"] == eur("104.94")
    assert reconciles(cart)
    totals = engine.get_cart_totals(None, cart["id"])
    assert totals["type"] == "cart_totals" and totals["cart_id"] == cart["id"] and totals["item_count"] == 3
    assert totals["totals"] == {key: cart[key] for key in totals["totals"]}
    assert set(totals["totals"]) < set(cart) and "items" not in totals

    order = engine.place_order(None, cart["id"], {"payment": {"method": "manual", "kind": "cash"},
                                                 "email": "guest@example.com"})
    assert order["total"] == eur("104.94") and order["totals"]["discount_total"] == eur("10.00")
    assert engine.get_promotion(admin, "spring")["usage_count"] == 1


def test_single_use_codes_and_refusals(shop):
    engine, admin = shop
    mug = product(engine, admin, "MUG", "10.00")
    engine.create_promotion(admin, {"id": "welcome", "name": "Welcome", "requires_code": True,
                                    "action": {"type": "fixed_off_order", "amount": eur("2.50")}})
    batch = engine.generate_promotion_codes(admin, "welcome", 2, "hi")
    assert batch["type"] == "promotion_code_batch" and len(batch["codes"]) == 2
    assert all(code.startswith("HI-") for code in batch["codes"])

    cart = engine.create_cart(None, "EUR")
    engine.add_item(None, cart["id"], mug, 1)
    with pytest.raises(commerce.CouponNotApplicable) as info:
        engine.apply_coupon(None, cart, "NOPE")
    assert info.value.details["reason"] == "unknown_code"
    cart = engine.apply_coupon(None, cart, batch["codes"][0].lower())
    assert cart["total"] == eur("7.50")
    with pytest.raises(commerce.CouponNotApplicable) as info:
        engine.apply_coupon(None, cart, batch["codes"][1])
    assert info.value.details["reason"] == "same_promotion"
    cart = engine.remove_coupon(None, cart, batch["codes"][0])
    assert cart["coupons"] == [] and cart["total"] == eur("10.00")
    with pytest.raises(commerce.NotFound):
        engine.remove_coupon(None, cart, batch["codes"][0])
    with pytest.raises(commerce.InvalidArgument):
        engine.generate_promotion_codes(admin, "welcome", 0)
    engine.create_promotion(admin, {"id": "plain", "name": "Plain", "action": {"type": "free_shipping"}})
    with pytest.raises(commerce.IllegalState):
        engine.generate_promotion_codes(admin, "plain", 1)  # it applies without codes
    assert [p["id"] for p in engine.list_promotions(admin, {"status": "active"})["items"]] == ["plain", "welcome"]


def test_bad_pricing_input_changes_nothing(shop):
    engine, admin = shop
    with pytest.raises(commerce.InvalidArgument) as info:
        engine.create_promotion(admin, {"id": "x", "name": "X",
                                        "action": {"type": "percentage_off_order", "percent": "150"}})
    assert info.value.details == {"field": "action.percent", "reason": "out_of_range"}
    with pytest.raises(commerce.InvalidArgument) as info:
        engine.create_promotion(admin, {"id": "x", "name": "X",
                                        "action": {"type": "fixed_off_items", "amount": eur("-1.00")}})
    assert info.value.details["reason"] == "negative"
    assert engine.list_promotions(admin)["items"] == []
    with pytest.raises(commerce.InvalidArgument) as info:
        engine.set_tax_definition(admin, {"origin": {"country": "DE"}, "zones": [
            {"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "-1"}]}}]})
    assert info.value.details["reason"] == "out_of_range"
    assert engine.get_tax_definition(admin)["version"] == 0
    with pytest.raises(commerce.Conflict):
        engine.set_tax_definition(admin, GERMANY, 2)
    with pytest.raises(commerce.InvalidArgument):
        product(engine, admin, "P", "1.00", tax_class="books")  # no definition has that class yet
    cart = engine.create_cart(None, "EUR")
    with pytest.raises(commerce.Forbidden):
        engine.update_cart(None, cart, {"channel": "pos"})
    with pytest.raises(commerce.InvalidArgument):
        engine.update_cart(None, cart, {"shipping_address": {"country": "Deutschland"}})
    assert engine.get_cart(None, cart["id"]) == cart


def test_shipping_methods_offered_chosen_and_charged(shop):
    engine, admin = shop
    settings = engine.set_shipping_definition(admin, {"methods": [
        {"id": "dhl", "name": "DHL", "countries": ["DE"],
         "rates": [{"type": "flat", "amount": eur("4.90"), "free_over": eur("50.00")}]},
        {"id": "heavy", "name": "Freight", "countries": ["*"],
         "rates": [{"type": "weight", "tiers": [{"max_grams": 1000, "amount": eur("8.00")}]}]}]})
    assert settings["type"] == "shipping_settings" and settings["version"] == 1
    lamp = product(engine, admin, "LAMP", "20.00", weight_grams=600)
    cart = engine.create_cart(None, "EUR")
    engine.add_item(None, cart["id"], lamp, 1)
    cart = engine.update_cart(None, cart, {"shipping_address": {"country": "DE"}, "shipping_method": "dhl"})
    assert [m["id"] for m in cart["shipping_methods"]] == ["dhl", "heavy"]
    assert cart["shipping_method"]["id"] == "dhl" and cart["shipping_total"] == eur("4.90")
    assert cart["total"] == eur("24.90") and reconciles(cart)
    cart = engine.update_item(None, cart["id"], lamp, 3)  # 60.00: free over 50.00; 1.8 kg: too heavy for freight
    assert [m["id"] for m in cart["shipping_methods"]] == ["dhl"] and cart["shipping_total"] == eur("0.00")
    with pytest.raises(commerce.InvalidArgument) as info:
        engine.update_cart(None, cart, {"shipping_method": "heavy"})
    assert info.value.details["reason"] == "not_offered"
    with pytest.raises(commerce.InvalidArgument):
        engine.set_shipping_definition(admin, {"methods": [{"id": "x", "name": "X", "countries": ["DE"],
                                                            "rates": [{"type": "flat", "amount": eur("-1.00")}]}]}, 1)
    assert engine.get_shipping_definition(admin)["version"] == 1



def test_a_guest_cart_merges_at_login_and_an_idle_cart_is_recovered(shop):
    engine, admin = shop
    mug = product(engine, admin, "MUG", "5.00")
    engine.register_user("ana@example.com", PASSWORD)
    ana = engine.login("ana@example.com", PASSWORD)
    mine = engine.create_cart(ana, "EUR")
    engine.add_item(ana, mine["id"], mug, 1)
    guest = engine.create_cart(None, "EUR")
    engine.add_item(None, guest["id"], mug, 2)
    merged = engine.merge_cart(ana, guest["id"])
    assert merged["id"] == mine["id"] and merged["items"][0]["quantity"] == 3
    # A later session of the same user finds the cart without knowing its id.
    again = engine.login("ana@example.com", PASSWORD)
    assert engine.find_open_cart(again, "EUR") == merged
    with pytest.raises(commerce.NotFound):
        engine.find_open_cart(again, "USD")
    with pytest.raises(commerce.Unauthorized):
        engine.find_open_cart(None, "EUR")
    # Of several open carts, the one changed last.
    engine.advance_time(1000)
    other = engine.create_cart(again, "EUR")
    assert engine.find_open_cart(again, "EUR")["id"] == other["id"]
    engine.advance_time(1000)
    engine.add_item(again, mine["id"], mug, 1)
    assert engine.find_open_cart(again, "EUR")["id"] == mine["id"]
    assert engine.get_cart(None, guest["id"])["status"] == "merged"
    with pytest.raises(commerce.IllegalState):
        engine.merge_cart(ana, guest["id"])

    engine.fetch_outbox({"limit": 100})  # the registration mails
    engine.advance_time(61 * 60 * 1000)
    sweep = engine.sweep_carts()
    assert sweep["type"] == "cart_sweep" and sweep["abandoned"] == 1 and sweep["deleted"] == 0
    events = engine.fetch_outbox({"topics": ["cart."], "limit": 10})["events"]
    assert [e["topic"] for e in events] == ["cart.abandoned"]
    recovered = engine.recover_cart(events[0]["payload"]["recovery_token"])
    assert recovered["id"] == mine["id"]
    with pytest.raises(commerce.NotFound):
        engine.recover_cart("not-a-token")


def test_line_notes_and_attributes_reach_the_order(shop):
    engine, admin = shop
    mug = product(engine, admin, "MUG", "5.00")
    cart = engine.create_cart(None, "EUR")
    engine.add_item(None, cart["id"], mug, 1)
    cart = engine.set_item_details(None, cart["id"], mug, {"note": "gift", "attributes": {"engraving": "A"}})
    assert cart["items"][0]["note"] == "gift" and cart["items"][0]["attributes"] == {"engraving": "A"}
    with pytest.raises(commerce.InvalidArgument):
        engine.set_item_details(None, cart["id"], mug, {"note": 5})
    order = engine.place_order(None, cart["id"], {"payment": {"method": "manual", "kind": "cash"},
                                                 "email": "guest@example.com"})
    assert order["lines"][0]["note"] == "gift" and order["lines"][0]["attributes"] == {"engraving": "A"}


# The peers' tricky cases (vendure#3585, medusa#13972, #12226 ...), as a Python host sees them.

def cart_of(engine, lines, currency="EUR"):
    """A guest cart holding (product, quantity) lines."""
    cart = engine.create_cart(None, currency)
    for item, quantity in lines:
        engine.add_item(None, cart["id"], item, quantity)
    return engine.get_cart(None, cart["id"])


def promote(engine, admin, promotion_id, action, **extra):
    return engine.create_promotion(admin, dict({"id": promotion_id, "name": promotion_id, "action": action}, **extra))


def test_a_100_percent_coupon_leaves_exactly_nothing_to_pay(shop):
    engine, admin = shop
    engine.set_tax_definition(admin, GERMANY)
    lamp = product(engine, admin, "LAMP", "33.33")
    book = product(engine, admin, "BOOK", "9.99", tax_class="books")
    promote(engine, admin, "free", {"type": "percentage_off_order", "percent": "100"}, code="FREE")
    cart = engine.update_cart(None, cart_of(engine, [(lamp, 3), (book, 1)]), {"shipping_address": {"country": "DE"}})
    cart = engine.apply_coupon(None, cart, "FREE")
    assert cart["discount_total"] == cart["subtotal"] == eur("109.98")
    assert [item["total"] for item in cart["items"]] == [eur("0.00"), eur("0.00")]
    assert cart["tax_total"] == eur("0.00") and cart["total"] == eur("0.00")
    assert reconciles(cart)


def test_a_fixed_discount_over_three_lines_that_do_not_divide_evenly_loses_no_cent(shop):
    engine, admin = shop
    items = [product(engine, admin, sku, "5.00") for sku in ("A", "B", "C")]
    promote(engine, admin, "ten", {"type": "fixed_off_order", "amount": eur("10.00")})
    cart = cart_of(engine, [(item, 1) for item in items])
    shares = [line["amount"] for line in cart["discounts"][0]["lines"]]
    assert sorted(share.amount for share in shares) == [Decimal("3.33"), Decimal("3.33"), Decimal("3.34")]
    assert sum(share.amount for share in shares) == Decimal("10.00") == cart["discount_total"].amount
    assert cart["total"] == eur("5.00") and reconciles(cart)


def test_a_percentage_promotion_on_tax_inclusive_prices_takes_its_share_of_the_gross(shop):
    engine, admin = shop
    engine.set_tax_definition(admin, {"origin": {"country": "GB"}, "prices_include_tax": True,
                                      "zones": [{"id": "uk", "country": "GB",
                                                 "rates": {"standard": [{"name": "VAT", "rate": "25"}]}}]})
    coat = product(engine, admin, "COAT", "100.00")
    promote(engine, admin, "ten", {"type": "percentage_off_items", "percent": "10"})
    cart = cart_of(engine, [(coat, 1)])
    assert cart["prices_include_tax"] is True
    assert cart["total"] == eur("90.00") and cart["tax_total"] == eur("18.00")  # 90.00 holds 18.00 of VAT
    assert reconciles(cart)


def test_jpy_and_kwd_carts_price_exactly(shop):
    engine, admin = shop
    tea = engine.create_product(admin, {"sku": "TEA", "title": "Tea", "stock": 9,
                                        "prices": [Money(Decimal("999"), "JPY")]})
    oil = engine.create_product(admin, {"sku": "OIL", "title": "Oil", "stock": 9,
                                        "prices": [Money(Decimal("1.255"), "KWD")]})
    promote(engine, admin, "third", {"type": "percentage_off_order", "percent": "33.3333"})
    yen = cart_of(engine, [(tea, 1)], "JPY")
    assert yen["discount_total"] == Money(Decimal("333"), "JPY") and yen["total"] == Money(Decimal("666"), "JPY")
    dinar = cart_of(engine, [(oil, 3)], "KWD")
    assert dinar["subtotal"] == Money(Decimal("3.765"), "KWD") and dinar["total"] == Money(Decimal("2.510"), "KWD")
    assert reconciles(yen) and reconciles(dinar)


def test_a_stacking_conflict_is_explained(shop):
    engine, admin = shop
    mug = product(engine, admin, "MUG", "20.00")
    promote(engine, admin, "vip", {"type": "percentage_off_order", "percent": "20"}, priority=10, exclusive=True)
    promote(engine, admin, "mugs", {"type": "percentage_off_items", "percent": "5"})
    cart = cart_of(engine, [(mug, 1)])
    assert [d["promotion_id"] for d in cart["discounts"]] == ["vip"]
    assert cart["promotions_not_applied"] == [{"promotion_id": "mugs", "code": None,
                                               "reason": "blocked_by_exclusive:vip"}]
    assert cart["total"] == eur("16.00") and reconciles(cart)
