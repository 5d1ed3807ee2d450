// Orders placed per second through the C ABI on a file database (WAL), with durability FULL and NORMAL.
// Each iteration is a whole purchase: create a cart, add two products, place the order.
#include "bench_support.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <stdexcept>
#include <string>

namespace {

void place_orders(benchmark::State& state, const char* durability) {
    const std::string path = "/tmp/commerce-bench-" + std::string(durability) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    json config = {{"path", path}, {"durability", durability},
                   {"password_hashing", {{"memory_kib", 64}, {"iterations", 1}, {"parallelism", 1}}}};
    commerce_engine* engine = nullptr;
    if (commerce_engine_open(&engine, config.dump().c_str()) != COMMERCE_OK) throw std::runtime_error("open");
    call([&](commerce_doc** doc) { return commerce_user_bootstrap_admin(doc, engine, "admin@bench.test", "bench password"); });
    const std::string admin = call([&](commerce_doc** doc) {
        return commerce_auth_login(doc, engine, "admin@bench.test", "bench password", nullptr);
    })["token"];
    std::string products[2];
    for (int i = 0; i < 2; ++i) {
        json product = {{"sku", "B" + std::to_string(i)}, {"title", "Bench " + std::to_string(i)}, {"stock", 1000000000},
                        {"prices", {{{"amount", "3.99"}, {"currency", "EUR"}}}}};
        products[i] = call([&](commerce_doc** doc) {
            return commerce_product_create(doc, engine, admin.c_str(), product.dump().c_str());
        })["id"];
    }
    const char* request = R"({"payment":{"method":"manual","kind":"cash"},"email":"guest@bench.test"})";
    for (auto _ : state) {
        const std::string cart =
            call([&](commerce_doc** doc) { return commerce_cart_create(doc, engine, nullptr, "EUR"); })["id"];
        for (const auto& product : products)
            call([&](commerce_doc** doc) {
                return commerce_cart_add_item(doc, engine, nullptr, cart.c_str(), product.c_str(), 2);
            });
        call([&](commerce_doc** doc) { return commerce_checkout_place_order(doc, engine, nullptr, cart.c_str(), request); });
    }
    state.SetItemsProcessed(state.iterations());
    commerce_engine_free(engine);
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace

BENCHMARK_CAPTURE(place_orders, file_wal_full, "full")->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK_CAPTURE(place_orders, file_wal_normal, "normal")->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK_MAIN();
