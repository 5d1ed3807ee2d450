"""Repricing a cart through the Python binding, single thread: the shop of bench/pricing_bench.cpp.

A cart of 10 lines with 3 active promotions (15% off tagged items, buy 2 get 1, a 5.00 EUR coupon) and German VAT
at a shipping address, on a file database (WAL, durability normal). "reprice" reads the cart (every read prices it
afresh), "reprice_totals" reprices it returning only its totals (get_cart_totals), "change_and_reprice" sets one
line's quantity and gets the repriced cart back.
Run by `make bench` (CTest label "bench"); alone: PYTHONPATH=build/bindings/python python3 bench/pricing.py
"""
import os
import tempfile
import time

import commerce

DURATION_S = float(os.environ.get("COMMERCE_BENCH_SECONDS", "3"))
MAX_CALLS = 1_000_000
FAST_HASHING = {"memory_kib": 64, "iterations": 1, "parallelism": 1}
PROMOTIONS = [
    {"id": "tagged", "name": "Sale", "conditions": {"tags": ["sale"]},
     "action": {"type": "percentage_off_items", "percent": "15"}},
    {"id": "b2g1", "name": "B2G1", "action": {"type": "buy_x_get_y", "buy_quantity": 2, "get_quantity": 1}},
    {"id": "coupon", "name": "Coupon", "code": "BENCH",
     "action": {"type": "fixed_off_order", "amount": {"amount": "5.00", "currency": "EUR"}}},
]
GERMAN_VAT = {"origin": {"country": "DE"},
              "zones": [{"id": "de", "country": "DE",
                         "rates": {"standard": [{"name": "VAT", "rate": "19"}],
                                   "reduced": [{"name": "VAT", "rate": "7"}]}}]}


def open_shop(engine):
    """The bench cart's id and its variants."""
    engine.bootstrap_admin("admin@bench.test", "bench password")
    admin = engine.login("admin@bench.test", "bench password")
    engine.set_tax_definition(admin, GERMAN_VAT)
    for promotion in PROMOTIONS:
        engine.create_promotion(admin, promotion)
    cart = engine.create_cart(None, "EUR")["id"]
    variants = []
    for i in range(10):
        product = engine.create_product(admin, {
            "sku": f"P{i}", "title": f"Product {i}", "tax_class": "standard" if i % 3 else "reduced",
            "tags": ["sale" if i % 2 else "new"], "prices": [{"amount": f"{3 + i}.99", "currency": "EUR"}],
            "stock": 1_000_000})
        variants.append(product["variants"][0]["id"])
        engine.add_item(None, cart, variants[-1], 1 + i % 3)
    engine.update_cart(None, cart, {"shipping_address": {"country": "DE"}})
    if len(engine.apply_coupon(None, cart, "BENCH")["discounts"]) != 3:
        raise RuntimeError("the bench cart should get all 3 promotions")
    return cart, variants


def timed(name, call):
    calls = 0
    start = time.perf_counter()
    while calls < MAX_CALLS and time.perf_counter() - start < DURATION_S:
        call(calls)
        calls += 1
    elapsed = time.perf_counter() - start
    print(f"python pricing {name:<18} {calls:>8} calls  {calls / elapsed:>9.1f} /s  {elapsed / calls * 1e6:>9.1f} us/call")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        with commerce.open(path=os.path.join(folder, "bench.db"), durability="normal",
                           password_hashing=FAST_HASHING) as engine:
            cart, variants = open_shop(engine)
            timed("reprice", lambda _: engine.get_cart(None, cart))
            timed("reprice_totals", lambda _: engine.get_cart_totals(None, cart))
            timed("change_and_reprice", lambda i: engine.update_item(None, cart, variants[4], i % 4 + 1))
