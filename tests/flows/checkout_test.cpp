// Checkout: what a guest must give, and that a refused checkout writes nothing (under load and crashes:
// checkout_reliability_test.cpp).
#include "capi/handles.h"
#include "engine/engine.h"
#include "flows/accounts.h"
#include "flows/sessions.h"
#include "flows/carts.h"
#include "flows/catalog.h"
#include "flows/checkout.h"
#include "core/error.h"

#include <doctest/doctest.h>

using namespace commerce;

TEST_CASE("a guest checkout needs an email, and a failed checkout writes nothing") {
    auto engine = Engine::open(R"({"path":":memory:","password_hashing":{"memory_kib":64,"iterations":1,"parallelism":1}})");
    flows::bootstrap_admin(*engine, "admin@shop.test", "admin password");
    const std::string admin = flows::login(*engine, "admin@shop.test", "admin password", nullptr)["token"];
    const std::string product = flows::create_product(*engine, admin.c_str(),
        R"({"sku":"A","title":"A","prices":[{"amount":"0.10","currency":"EUR"}],"stock":9})")["id"];
    const std::string cart = flows::create_cart(*engine, nullptr, "EUR")["id"];
    flows::add_item(*engine, nullptr, cart.c_str(), product.c_str(), 3);
    CHECK_THROWS_WITH(flows::place_order(*engine, nullptr, cart.c_str(), R"({"payment":{"method":"manual","kind":"cash"}})"),
                      "a guest checkout needs an email");
    CHECK_THROWS_WITH(flows::place_order(*engine, nullptr, cart.c_str(),
                                         R"({"payment":{"method":"manual","kind":"cash","tendered":"0.20"},"email":"g@x.test"})"),
                      doctest::Contains("less than the total"));
    CHECK(flows::get_product(*engine, product.c_str())["variants"][0]["stock"]["on_hand"] == 9);
    CHECK(flows::get_cart(*engine, nullptr, cart.c_str())["status"] == "open");
    auto order = flows::place_order(*engine, nullptr, cart.c_str(),
                                    R"({"payment":{"method":"manual","kind":"cash_on_delivery"},"email":"G@X.test"})");
    CHECK(order["status"] == "pending_payment");
    CHECK(order["total"]["amount"] == "0.30");
    CHECK(order["email"] == "g@x.test");
}

TEST_CASE("staff placing an order from a customer's cart place it for the customer; guests' keys are their own") {
    auto engine = Engine::open(R"({"path":":memory:","password_hashing":{"memory_kib":64,"iterations":1,"parallelism":1}})");
    flows::bootstrap_admin(*engine, "admin@shop.test", "admin password");
    const std::string admin = flows::login(*engine, "admin@shop.test", "admin password", nullptr)["token"];
    const std::string product = flows::create_product(*engine, admin.c_str(),
        R"({"sku":"A","title":"A","prices":[{"amount":"2.00","currency":"EUR"}],"stock":9})")["id"];
    const std::string buyer_id = flows::register_customer(*engine, "buyer@shop.test", "buyer password")["id"];
    const std::string buyer = flows::login(*engine, "buyer@shop.test", "buyer password", nullptr)["token"];
    const std::string cart = flows::create_cart(*engine, buyer.c_str(), "EUR")["id"];
    flows::add_item(*engine, buyer.c_str(), cart.c_str(), product.c_str(), 1);
    const auto order = flows::place_order(*engine, admin.c_str(), cart.c_str(), R"({"payment":{"method":"manual","kind":"cash"}})");
    CHECK(order["user_id"] == buyer_id);
    CHECK(order["email"] == "buyer@shop.test");

    // Two guests who happen to pick the same key get their own orders, and neither learns of the other's.
    std::vector<std::string> orders;
    for (int guest = 0; guest < 2; ++guest) {
        const std::string guest_cart = flows::create_cart(*engine, nullptr, "EUR")["id"];
        flows::add_item(*engine, nullptr, guest_cart.c_str(), product.c_str(), 1 + guest);
        orders.push_back(flows::place_order(*engine, nullptr, guest_cart.c_str(),
            R"({"payment":{"method":"manual","kind":"cash"},"email":"g@shop.test","idempotency_key":"k1"})")["id"]);
    }
    CHECK(orders[0] != orders[1]);
}
