// Orders placed per second through the C ABI on a file database (WAL), with durability FULL and NORMAL.
// Each iteration is a whole purchase: create a cart, add two products, place the order.
#include <commerce/commerce.h>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <stdexcept>
#include <string>

namespace {

using json = nlohmann::json;

json call(commerce_status status, commerce_doc* doc) {
    if (status != COMMERCE_OK) throw std::runtime_error(commerce_last_error_message());
    json parsed = json::parse(commerce_doc_json(doc));
    commerce_doc_free(doc);
    return parsed;
}

void place_orders(benchmark::State& state, const char* durability) {
    const std::string path = "/tmp/commerce-bench-" + std::string(durability) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    json config = {{"path", path}, {"durability", durability},
                   {"password_hashing", {{"memory_kib", 64}, {"iterations", 1}, {"parallelism", 1}}}};
    commerce_engine* engine = nullptr;
    if (commerce_engine_open(&engine, config.dump().c_str()) != COMMERCE_OK) throw std::runtime_error("open");
    commerce_doc* doc = nullptr;
    call(commerce_user_bootstrap_admin(&doc, engine, "admin@bench.test", "bench password"), doc);
    const std::string admin = call(commerce_auth_login(&doc, engine, "admin@bench.test", "bench password"), doc)["token"];
    std::string products[2];
    for (int i = 0; i < 2; ++i) {
        json product = {{"sku", "B" + std::to_string(i)}, {"title", "Bench"}, {"stock", 1000000000},
                        {"prices", {{{"amount", "3.99"}, {"currency", "EUR"}}}}};
        products[i] = call(commerce_product_create(&doc, engine, admin.c_str(), product.dump().c_str()), doc)["id"];
    }
    const char* request = R"({"payment":{"method":"manual","kind":"cash"},"email":"guest@bench.test"})";
    for (auto _ : state) {
        const std::string cart = call(commerce_cart_create(&doc, engine, nullptr, "EUR"), doc)["id"];
        for (const auto& product : products)
            call(commerce_cart_add_item(&doc, engine, nullptr, cart.c_str(), product.c_str(), 2), doc);
        call(commerce_checkout_place_order(&doc, engine, nullptr, cart.c_str(), request), doc);
    }
    state.SetItemsProcessed(state.iterations());
    commerce_engine_free(engine);
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace

BENCHMARK_CAPTURE(place_orders, file_wal_full, "full")->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK_CAPTURE(place_orders, file_wal_normal, "normal")->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK_MAIN();
