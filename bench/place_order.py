"""Orders placed per second through the Python binding, on a file database (WAL), durability full and normal.

The same purchase as bench/place_order_bench.cpp: a guest cart, two products added, the order placed.
Run by `make bench` (CTest label "bench"); alone: PYTHONPATH=build/bindings/python python3 bench/place_order.py
"""
import os
import sys
import tempfile
import time

import commerce

DURATION_S = float(os.environ.get("COMMERCE_BENCH_SECONDS", "3"))
MAX_ORDERS = 200_000
FAST_HASHING = {"memory_kib": 64, "iterations": 1, "parallelism": 1}


def place_orders(durability: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bench.db")
        with commerce.open(path=path, durability=durability, password_hashing=FAST_HASHING) as engine:
            engine.bootstrap_admin("admin@bench.test", "bench password")
            admin = engine.login("admin@bench.test", "bench password")
            products = [engine.create_product(admin, {
                "sku": f"B{i}", "title": f"Bench {i}", "stock": 1_000_000_000,
                "prices": [{"amount": "3.99", "currency": "EUR"}]})["id"] for i in range(2)]
            request = {"payment": {"method": "manual", "kind": "cash"}, "email": "guest@bench.test"}
            orders = 0
            start = time.perf_counter()
            while orders < MAX_ORDERS and time.perf_counter() - start < DURATION_S:
                cart = engine.create_cart(None, "EUR")["id"]
                for product in products:
                    engine.add_item(None, cart, product, 2)
                engine.place_order(None, cart, request)
                orders += 1
            elapsed = time.perf_counter() - start
    print(f"python place_order file_wal_{durability:<6} {orders:>7} orders  "
          f"{orders / elapsed:>9.1f} orders/s  {elapsed / orders * 1e6:>9.1f} us/order")


if __name__ == "__main__":
    for durability in sys.argv[1:] or ["full", "normal"]:
        place_orders(durability)
