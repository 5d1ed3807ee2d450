"""Search latency (p50/p99 per query kind) and barcode lookups per second through the Python binding.

The same store and the same requests as bench/search_bench.cpp (C ABI): the catalog written by
commerce_search_catalog, named by COMMERCE_SEARCH_CATALOG, with its requests in the same path + ".queries.json".
Each timed call is the whole binding call: the request dict encoded, the C ABI call, the result decoded to dicts.
Barcode lookups are timed as repeat scans, after one untimed scan of each code (as the C ABI driver's later rounds).
Run by `make bench` (CTest label "bench"); alone:
  build/bench/commerce_search_catalog /tmp/catalog.db
  COMMERCE_SEARCH_CATALOG=/tmp/catalog.db PYTHONPATH=build/bindings/python python3 bench/search.py
"""
import json
import os
import time

import commerce

CALLS_PER_KIND = 2000
KINDS = ["one_word", "two_words", "prefix", "typo", "category_page3"]


def percentile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def main() -> None:
    path = os.environ["COMMERCE_SEARCH_CATALOG"]
    with open(path + ".queries.json", encoding="utf-8") as file:
        queries = json.load(file)
    with commerce.open(path=path, durability="normal") as engine:
        start = time.perf_counter()
        engine.search({"q": "warmup"})
        print(f"python search first_search (index build) {time.perf_counter() - start:8.2f} s")
        for kind in KINDS:
            requests = [json.loads(text) for text in queries[kind]]
            micros = []
            for i in range(CALLS_PER_KIND):
                request = requests[i % len(requests)]
                begin = time.perf_counter()
                engine.search(request)
                micros.append((time.perf_counter() - begin) * 1e6)
            micros.sort()
            print(f"python search {kind:<15} p50 {percentile(micros, 0.50):9.1f} us  "
                  f"p99 {percentile(micros, 0.99):9.1f} us  max {micros[-1]:9.1f} us")
        barcodes = queries["barcodes"]
        for code in barcodes:  # untimed: the first scan of each code fills the engine's barcode cache
            engine.variant_by_barcode(code)
        lookups = 0
        begin = time.perf_counter()
        while time.perf_counter() - begin < 2.0:
            engine.variant_by_barcode(barcodes[lookups % len(barcodes)])
            lookups += 1
        elapsed = time.perf_counter() - begin
        print(f"python barcode_lookup {lookups / elapsed:12.0f} lookups/s  {elapsed / lookups * 1e6:8.1f} us each")


if __name__ == "__main__":
    main()
