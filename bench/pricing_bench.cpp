// Repricing a cart through the C ABI, single thread: a cart of 10 lines with 3 active promotions (a tag
// percentage, buy 2 get 1, a coupon) and German VAT at a shipping address, on a file database. "reprice" is
// commerce_cart_get (every read prices the cart afresh and returns the whole cart); "reprice_totals" is
// commerce_cart_get_totals (the same pricing, only the totals returned); "change_and_reprice" sets one line's
// quantity (a write transaction) and returns the repriced cart.
#include "bench_support.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

struct PricedShop {
    commerce_engine* engine = nullptr;
    std::string path;
    std::string cart;
    std::vector<std::string> variants;

    PricedShop() : path("/tmp/commerce-bench-pricing.db") {
        remove_files();
        const json config = {{"path", path}, {"durability", "normal"},
                             {"password_hashing", {{"memory_kib", 64}, {"iterations", 1}, {"parallelism", 1}}}};
        if (commerce_engine_open(&engine, config.dump().c_str()) != COMMERCE_OK) throw std::runtime_error("open");
        call([&](commerce_doc** doc) { return commerce_user_bootstrap_admin(doc, engine, "admin@bench.test", "bench password"); });
        const std::string admin = call([&](commerce_doc** doc) {
            return commerce_auth_login(doc, engine, "admin@bench.test", "bench password", nullptr);
        })["token"];
        call([&](commerce_doc** doc) {
            return commerce_tax_set_definition(doc, engine, admin.c_str(), R"({"origin": {"country": "DE"},
                "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "19"}],
                                                                  "reduced": [{"name": "VAT", "rate": "7"}]}}]})", 0);
        });
        for (const char* promotion : {
                 R"({"id": "tagged", "name": "Sale", "conditions": {"tags": ["sale"]}, "action": {"type": "percentage_off_items", "percent": "15"}})",
                 R"({"id": "b2g1", "name": "B2G1", "action": {"type": "buy_x_get_y", "buy_quantity": 2, "get_quantity": 1}})",
                 R"({"id": "coupon", "name": "Coupon", "code": "BENCH", "action": {"type": "fixed_off_order", "amount": {"amount": "5.00", "currency": "EUR"}}})"})
            call([&](commerce_doc** doc) { return commerce_promotion_create(doc, engine, admin.c_str(), promotion); });
        cart = call([&](commerce_doc** doc) { return commerce_cart_create(doc, engine, nullptr, "EUR"); })["id"];
        for (int i = 0; i < 10; ++i) {
            const json product = {{"sku", "P" + std::to_string(i)}, {"title", "Product " + std::to_string(i)},
                                  {"tax_class", i % 3 ? "standard" : "reduced"}, {"tags", {i % 2 ? "sale" : "new"}},
                                  {"prices", {{{"amount", std::to_string(3 + i) + ".99"}, {"currency", "EUR"}}}},
                                  {"stock", 1000000}};
            variants.push_back(call([&](commerce_doc** doc) {
                return commerce_product_create(doc, engine, admin.c_str(), product.dump().c_str());
            })["variants"][0]["id"]);
            call([&](commerce_doc** doc) {
                return commerce_cart_add_item(doc, engine, nullptr, cart.c_str(), variants.back().c_str(), 1 + i % 3);
            });
        }
        call([&](commerce_doc** doc) {
            return commerce_cart_update(doc, engine, nullptr, cart.c_str(), R"({"shipping_address": {"country": "DE"}})");
        });
        const json priced = call([&](commerce_doc** doc) {
            return commerce_cart_apply_coupon(doc, engine, nullptr, cart.c_str(), "BENCH");
        });
        if (priced["discounts"].size() != 3) throw std::runtime_error("the bench cart should get all 3 promotions");
    }
    ~PricedShop() {
        commerce_engine_free(engine);
        remove_files();
    }
    void remove_files() const {
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    }
};

using CartRead = commerce_status (*)(commerce_doc**, commerce_engine*, const char*, const char*);

void time_read(benchmark::State& state, CartRead read) {
    PricedShop shop;
    for (auto _ : state) {
        commerce_doc* doc = nullptr;
        if (read(&doc, shop.engine, nullptr, shop.cart.c_str()) != COMMERCE_OK)
            throw std::runtime_error(commerce_last_error_message());
        benchmark::DoNotOptimize(commerce_doc_size(doc));
        commerce_doc_free(doc);
    }
    state.SetItemsProcessed(state.iterations());
}

void reprice(benchmark::State& state) { time_read(state, commerce_cart_get); }
void reprice_totals(benchmark::State& state) { time_read(state, commerce_cart_get_totals); }

void change_and_reprice(benchmark::State& state) {
    PricedShop shop;
    int64_t quantity = 1;
    for (auto _ : state) {
        commerce_doc* doc = nullptr;
        quantity = quantity % 4 + 1;
        if (commerce_cart_update_item(&doc, shop.engine, nullptr, shop.cart.c_str(), shop.variants[4].c_str(),
                                      quantity) != COMMERCE_OK)
            throw std::runtime_error(commerce_last_error_message());
        benchmark::DoNotOptimize(commerce_doc_size(doc));
        commerce_doc_free(doc);
    }
    state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(reprice)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(reprice_totals)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(change_and_reprice)->Unit(benchmark::kMicrosecond)->UseRealTime();
