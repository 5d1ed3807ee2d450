// The inventory through the flows, on a manual clock and a file store (so the test can set the variant facts
// that the catalog's calls will own, and check the ledger with SQL): locations, movements and their floors,
// reservations and expiry, low-stock events, transfers, checkout, permissions, and concurrent sales.
#include "failure_of.h"
#include "adapters/storage/sqlite/connection.h"
#include "core/error.h"
#include "domain/inventory/sales.h"
#include "engine/engine.h"
#include "flows/accounts.h"
#include "flows/carts.h"
#include "flows/catalog.h"
#include "flows/checkout.h"
#include "flows/inventory.h"
#include "flows/outbox.h"
#include "flows/sessions.h"

#include <doctest/doctest.h>

#include <map>

#include <atomic>
#include <filesystem>
#include <functional>
#include <thread>

using namespace commerce;
using json = nlohmann::json;

namespace {

constexpr int64_t kStart = 1'794'000'000'000;  // 2026-11-06T21:20:00Z
constexpr const char* kPassword = "correct horse battery";
constexpr const char* kCash = R"({"payment":{"method":"manual","kind":"cash"},"email":"guest@shop.test"})";

json details_of(const std::function<void()>& call) {
    try {
        call();
    } catch (const Error& error) {
        return error.details();
    }
    FAIL("expected an error");
    return {};
}

// A shop on a file store with an admin, a customer, and SQL access for the facts and the checks.
struct Shop {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("commerce-inventory-" + std::to_string(::getpid()) + "-" +
                                  std::to_string(reinterpret_cast<uintptr_t>(this)) + ".db");
    std::unique_ptr<Engine> engine;
    std::unique_ptr<sqlite::Connection> db;
    std::string admin, customer;

    Shop() {
        std::filesystem::remove(path);
        const json config = {{"path", path.string()},
                             {"durability", "normal"},
                             {"clock", "manual"},
                             {"clock_start_ms", kStart},
                             {"password_hashing", {{"memory_kib", 64}, {"iterations", 1}, {"parallelism", 1}}}};
        engine = Engine::open(config.dump().c_str());
        db = std::make_unique<sqlite::Connection>(path.string(), false);
        flows::bootstrap_admin(*engine, "admin@shop.test", kPassword);
        admin = flows::login(*engine, "admin@shop.test", kPassword, nullptr)["token"];
        flows::register_customer(*engine, "cu@shop.test", kPassword);
        customer = flows::login(*engine, "cu@shop.test", kPassword, nullptr)["token"];
    }
    ~Shop() {
        db.reset();
        engine.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    }

    // A product with one variant through the catalog's call; returns the variant's id. The clock moves on by a
    // millisecond, so the product's initial receipt is the oldest movement of the ledger.
    std::string product(const std::string& sku, int64_t stock) {
        const json input = {{"sku", sku}, {"title", sku}, {"prices", {{{"amount", "1.00"}, {"currency", "EUR"}}}},
                            {"stock", stock}};
        const json product = flows::create_product(*engine, admin.c_str(), input.dump().c_str());
        const std::string id = product["variants"][0]["id"];
        product_of[id] = product["id"];
        engine->manual_clock().advance(1);
        return id;
    }
    std::map<std::string, std::string> product_of;  // variant id -> product id

    void set_variant(const std::string& variant_id, const std::string& assignments) {
        db->exec("UPDATE variants SET " + assignments + " WHERE id = '" + variant_id + "'");
    }

    json adjust(const json& movement, const std::string& session = "") {
        return flows::adjust_stock(*engine, (session.empty() ? admin : session).c_str(), movement.dump().c_str());
    }
    json receive(const std::string& variant, int64_t quantity, const std::string& location = "default") {
        return adjust({{"variant_id", variant}, {"location_id", location}, {"kind", "receipt"}, {"quantity", quantity}});
    }
    json transfer(const json& input) { return flows::transfer_stock(*engine, admin.c_str(), input.dump().c_str()); }
    json reserve(const json& input) { return flows::reserve_stock(*engine, admin.c_str(), input.dump().c_str()); }
    json level(const std::string& variant) { return flows::stock_level(*engine, variant.c_str()); }
    int64_t available(const std::string& variant) { return level(variant)["available"]; }
    json movements(const json& query) {
        return flows::list_stock_movements(*engine, admin.c_str(), query.dump().c_str());
    }

    // Everything an inventory write can touch, to prove that a refused one wrote nothing.
    std::string snapshot() {
        return db->scalar_text(
                   "SELECT (SELECT count(*) FROM stock_movements) || '/' || "
                   "(SELECT coalesce(group_concat(variant_id || location_id || on_hand), '') FROM stock_levels) || '/' || "
                   "(SELECT count(*) FROM stock_reservations) || '/' || (SELECT count(*) FROM locations) || '/' || "
                   "(SELECT count(*) FROM outbox) || '/' || (SELECT coalesce(group_concat(low_stock_alerted), '') FROM variants)")
            .value();
    }

    // The ledger invariant: every level is the sum of its movements, and no movement lacks its level.
    void check_ledger() {
        CHECK(db->scalar_text("SELECT count(*) FROM stock_levels s WHERE on_hand <> (SELECT coalesce(sum(quantity), 0) "
                              "FROM stock_movements m WHERE m.variant_id = s.variant_id AND m.location_id = s.location_id)") == "0");
        CHECK(db->scalar_text("SELECT count(*) FROM stock_movements m WHERE NOT EXISTS (SELECT 1 FROM stock_levels s "
                              "WHERE s.variant_id = m.variant_id AND s.location_id = m.location_id)") == "0");
    }

    // The payloads of the "inventory.low_stock" events not yet fetched; acknowledges every event fetched.
    std::vector<json> low_stock_events() {
        std::vector<json> found;
        const json batch = flows::fetch_events(*engine, R"({"limit": 1000})");
        for (const auto& event : batch["events"]) {
            if (event["topic"] == "inventory.low_stock") found.push_back(event["payload"]);
            flows::acknowledge_event(*engine, event["id"].get<std::string>().c_str());
        }
        return found;
    }

    std::string cart_with(const std::string& variant, int64_t quantity) {
        const std::string cart = flows::create_cart(*engine, nullptr, "EUR")["id"];
        flows::add_item(*engine, nullptr, cart.c_str(), variant.c_str(), quantity);
        return cart;
    }
};

}  // namespace

TEST_CASE("inventory: the default location always exists; codes are unique, kinds are checked") {
    Shop shop;
    const json initial = flows::list_locations(*shop.engine);
    REQUIRE(initial["items"].size() == 1);
    CHECK(initial["items"][0]["id"] == "default");
    CHECK(initial["items"][0]["kind"] == "warehouse");

    const json kiosk = flows::create_location(*shop.engine, shop.admin.c_str(),
                                              R"({"code": "kiosk-3", "name": "Kiosk 3, Main St", "kind": "kiosk"})");
    CHECK(kiosk["type"] == "location");
    CHECK(kiosk["code"] == "kiosk-3");
    CHECK(kiosk["created_at"] == "2026-11-06T21:20:00.000Z");

    const std::string before = shop.snapshot();
    auto create = [&](const char* input) { flows::create_location(*shop.engine, shop.admin.c_str(), input); };
    CHECK(code_of([&] { create(R"({"code": "kiosk-3", "name": "Again", "kind": "kiosk"})"); }) == COMMERCE_ERR_EXISTS);
    CHECK(code_of([&] { create(R"({"code": "default", "name": "Again", "kind": "shop"})"); }) == COMMERCE_ERR_EXISTS);
    CHECK(details_of([&] { create(R"({"code": "k4", "name": "K", "kind": "van"})"); })["field"] == "kind");
    CHECK(details_of([&] { create(R"({"code": "Kiosk 4", "name": "K", "kind": "shop"})"); })["field"] == "code");
    CHECK(details_of([&] { create(R"({"code": "", "name": "K", "kind": "shop"})"); })["field"] == "code");
    CHECK(details_of([&] { create(R"({"code": "k4", "name": "", "kind": "shop"})"); })["field"] == "name");
    CHECK(details_of([&] { create(R"({"code": "k4", "kind": "shop"})"); })["field"] == "name");
    CHECK(details_of([&] { create(R"({"code": "k4", "name": "K", "kind": "shop", "city": "Bern"})"); })["field"] == "city");
    const json too_long = details_of([&] {
        create(json({{"code", "k4"}, {"name", std::string(201, 'n')}, {"kind", "shop"}}).dump().c_str());
    });
    CHECK(too_long["field"] == "name");
    CHECK(too_long["reason"] == "too_long");
    CHECK(shop.snapshot() == before);
    CHECK(flows::list_locations(*shop.engine)["items"].size() == 2);
}

TEST_CASE("inventory: movements keep on hand equal to the ledger; bad movements write nothing") {
    Shop shop;
    const std::string pen = shop.product("PEN", 10);
    const json received = shop.adjust({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", 5},
                                       {"reason", "supplier delivery 4411"}, {"reference", "PO-4411"}});
    CHECK(received["type"] == "stock_level");
    CHECK(received["on_hand"] == 15);
    CHECK(received["available"] == 15);
    CHECK(received["tracked"] == true);
    CHECK(received["locations"] == json::array({{{"location_id", "default"}, {"on_hand", 15}, {"reserved", 0},
                                                 {"available", 15}}}));
    CHECK(shop.adjust({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", -3}, {"reason", "count"}})["on_hand"] == 12);
    CHECK(shop.adjust({{"variant_id", pen}, {"kind", "return"}, {"quantity", 1}})["on_hand"] == 13);

    const json ledger = shop.movements({{"variant_id", pen}});
    REQUIRE(ledger["items"].size() == 4);  // the product's initial stock is the oldest
    CHECK(ledger["items"][0]["kind"] == "return");
    CHECK(ledger["items"][1]["quantity"] == -3);
    CHECK(ledger["items"][2]["reference"] == "PO-4411");
    CHECK(ledger["items"][2]["reason"] == "supplier delivery 4411");
    CHECK(ledger["items"][2]["actor_id"].is_string());
    int64_t sum = 0;
    for (const auto& movement : ledger["items"]) sum += movement["quantity"].get<int64_t>();
    CHECK(sum == 13);
    shop.check_ledger();

    const std::string before = shop.snapshot();
    auto refused = [&](const json& movement) { return details_of([&] { shop.adjust(movement); }); };
    const json short_of = refused({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", -14}});
    CHECK(short_of["items"][0]["available"] == 13);
    CHECK(short_of["items"][0]["requested"] == 14);
    CHECK(code_of([&] { shop.adjust({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", -14}}); }) ==
          COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(refused({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", 0}})["field"] == "quantity");
    CHECK(refused({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", -1}})["field"] == "quantity");
    CHECK(refused({{"variant_id", pen}, {"kind", "receipt"}})["field"] == "quantity");
    CHECK(refused({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", "5"}})["field"] == "quantity");
    CHECK(refused({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", 1'000'000'000'001}})["field"] == "quantity");
    CHECK(refused({{"variant_id", pen}, {"kind", "sale"}, {"quantity", -1}})["field"] == "kind");
    CHECK(refused({{"variant_id", pen}, {"kind", "transfer_in"}, {"quantity", 1}})["field"] == "kind");
    CHECK(refused({{"variant_id", pen}, {"quantity", 1}})["field"] == "kind");
    CHECK(refused({{"kind", "receipt"}, {"quantity", 1}})["field"] == "variant_id");
    CHECK(refused({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", 1}, {"sku", "PEN"}})["field"] == "sku");
    const json long_reason = refused({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", 1},
                                      {"reason", std::string(1001, 'r')}});
    CHECK(long_reason["field"] == "reason");
    CHECK(long_reason["reason"] == "too_long");
    CHECK(refused({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", 1}, {"reference", std::string(257, 'r')}})
              ["field"] == "reference");
    CHECK(code_of([&] { shop.adjust({{"variant_id", "no-such-variant"}, {"kind", "receipt"}, {"quantity", 1}}); }) ==
          COMMERCE_ERR_NOT_FOUND);
    CHECK(refused({{"variant_id", "no-such-variant"}, {"kind", "receipt"}, {"quantity", 1}})["field"] == "variant_id");
    CHECK(code_of([&] { shop.receive(pen, 1, "no-such-location"); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(refused({{"variant_id", pen}, {"location_id", "nowhere"}, {"kind", "receipt"}, {"quantity", 1}})["field"] ==
          "location_id");
    // A receipt that would take the level past the bound is refused instead of overflowing.
    CHECK(refused({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", 1'000'000'000'000}})["reason"] == "too_large");
    CHECK(code_of([&] { flows::adjust_stock(*shop.engine, shop.admin.c_str(), "{\"kind\": "); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::adjust_stock(*shop.engine, shop.admin.c_str(), nullptr); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(shop.snapshot() == before);
    CHECK(shop.level(pen)["on_hand"] == 13);
    CHECK(code_of([&] { shop.level("no-such-variant"); }) == COMMERCE_ERR_NOT_FOUND);
}

TEST_CASE("inventory: the ledger pages newest first and filters") {
    Shop shop;
    const std::string pen = shop.product("PEN", 1);
    const std::string ink = shop.product("INK", 1);
    for (int i = 0; i < 4; ++i) shop.receive(pen, i + 1);
    json page = shop.movements({{"variant_id", pen}, {"limit", 2}});
    CHECK(page["type"] == "stock_movement_list");
    REQUIRE(page["items"].size() == 2);
    CHECK(page["items"][0]["quantity"] == 4);
    CHECK(page["items"][1]["quantity"] == 3);
    page = shop.movements({{"variant_id", pen}, {"limit", 2}, {"before", page["next"]}});
    CHECK(page["items"][0]["quantity"] == 2);
    CHECK(page["items"][1]["quantity"] == 1);
    page = shop.movements({{"variant_id", pen}, {"limit", 2}, {"before", page["next"]}});
    CHECK(page["items"].size() == 1);  // the product's initial stock
    CHECK(page["next"].is_null());
    CHECK(shop.movements({{"kind", "receipt"}})["items"].size() == 6);
    CHECK(shop.movements({{"variant_id", ink}})["items"].size() == 1);
    CHECK(shop.movements({{"location_id", "elsewhere"}})["items"].empty());
    CHECK(details_of([&] { shop.movements({{"kind", "theft"}}); })["field"] == "kind");
    CHECK(details_of([&] { shop.movements({{"limit", 0}}); })["field"] == "limit");
    CHECK(details_of([&] { shop.movements({{"variant", pen}}); })["field"] == "variant");
    CHECK(flows::list_stock_movements(*shop.engine, shop.admin.c_str(), nullptr)["items"].size() == 6);
}

TEST_CASE("inventory: a backorder limit lets stock go below zero, and no further") {
    Shop shop;
    const std::string pen = shop.product("PEN", 2);
    CHECK(code_of([&] { shop.adjust({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", -3}}); }) ==
          COMMERCE_ERR_OUT_OF_STOCK);
    shop.set_variant(pen, "backorder_limit = 2");
    CHECK(shop.adjust({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", -3}})["on_hand"] == -1);
    const json details = details_of([&] { shop.adjust({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", -2}}); });
    CHECK(details["items"][0]["backorder_limit"] == 2);
    CHECK(details["items"][0]["available"] == -1);
    // A checkout may sell into the backorder too, down to the limit: of two carts that each fit, the second to
    // check out finds the limit reached.
    const std::string first = shop.cart_with(pen, 1);
    const std::string cart = shop.cart_with(pen, 1);
    flows::place_order(*shop.engine, nullptr, first.c_str(), kCash);
    CHECK(shop.level(pen)["on_hand"] == -2);
    CHECK(code_of([&] { flows::place_order(*shop.engine, nullptr, cart.c_str(), kCash); }) == COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(flows::get_cart(*shop.engine, nullptr, cart.c_str())["status"] == "open");
    // A reservation may hold backordered stock within the limit; a transfer moves only stock that is there.
    shop.receive(pen, 3);
    CHECK(code_of([&] { shop.reserve({{"variant_id", pen}, {"quantity", 4}}); }) == COMMERCE_ERR_OUT_OF_STOCK);
    shop.reserve({{"variant_id", pen}, {"quantity", 3}});
    CHECK(shop.available(pen) == -2);
    const std::string kiosk = flows::create_location(*shop.engine, shop.admin.c_str(),
                                                     R"({"code": "k", "name": "K", "kind": "kiosk"})")["id"];
    CHECK(code_of([&] { shop.transfer({{"variant_id", pen}, {"from", "default"}, {"to", kiosk}, {"quantity", 1}}); }) ==
          COMMERCE_ERR_OUT_OF_STOCK);
    shop.check_ledger();
}

TEST_CASE("inventory: reservations hold stock until they expire on the engine's clock") {
    Shop shop;
    const std::string pen = shop.product("PEN", 5);
    const json held = shop.reserve({{"variant_id", pen}, {"quantity", 3}, {"ttl_seconds", 600}, {"reference", "cart-1"}});
    CHECK(held["type"] == "stock_reservation");
    CHECK(held["created_at"] == "2026-11-06T21:20:00.001Z");
    CHECK(held["expires_at"] == "2026-11-06T21:30:00.001Z");
    CHECK(held["reference"] == "cart-1");
    CHECK(shop.level(pen)["reserved"] == 3);
    CHECK(shop.available(pen) == 2);

    const std::string before = shop.snapshot();
    CHECK(details_of([&] { shop.reserve({{"variant_id", pen}, {"quantity", 3}}); })["items"][0]["available"] == 2);
    CHECK(details_of([&] { shop.reserve({{"variant_id", pen}, {"quantity", 0}}); })["field"] == "quantity");
    CHECK(details_of([&] { shop.reserve({{"variant_id", pen}, {"quantity", 1}, {"ttl_seconds", 0}}); })["field"] ==
          "ttl_seconds");
    CHECK(details_of([&] { shop.reserve({{"variant_id", pen}, {"quantity", 1}, {"ttl_seconds", 604801}}); })["field"] ==
          "ttl_seconds");
    CHECK(code_of([&] { shop.reserve({{"variant_id", "nope"}, {"quantity", 1}}); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { shop.reserve({{"variant_id", pen}, {"location_id", "nope"}, {"quantity", 1}}); }) ==
          COMMERCE_ERR_NOT_FOUND);
    CHECK(shop.snapshot() == before);

    // A physical count is not blocked by holds: on hand may fall below what is reserved.
    CHECK(shop.adjust({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", -4}})["available"] == -2);
    shop.receive(pen, 4);

    shop.engine->manual_clock().advance(600'000 - 1);
    CHECK(shop.available(pen) == 2);
    shop.engine->manual_clock().advance(1);
    CHECK(shop.available(pen) == 5);  // expired: no write needed
    const std::string id = held["id"];
    CHECK(code_of([&] { flows::release_reservation(*shop.engine, shop.admin.c_str(), id.c_str()); }) ==
          COMMERCE_ERR_NOT_FOUND);

    const std::string second = shop.reserve({{"variant_id", pen}, {"quantity", 5}})["id"];
    CHECK(shop.available(pen) == 0);
    flows::release_reservation(*shop.engine, shop.admin.c_str(), second.c_str());
    CHECK(shop.available(pen) == 5);
    CHECK(code_of([&] { flows::release_reservation(*shop.engine, shop.admin.c_str(), second.c_str()); }) ==
          COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { flows::release_reservation(*shop.engine, shop.admin.c_str(), "unknown"); }) ==
          COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { flows::release_reservation(*shop.engine, shop.admin.c_str(), nullptr); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    shop.check_ledger();
}

TEST_CASE("inventory: checkout consumes its cart's reservations and is blocked by others'") {
    Shop shop;
    const std::string pen = shop.product("PEN", 3);
    const std::string mine = shop.cart_with(pen, 2);
    const std::string greedy = shop.cart_with(pen, 1);
    shop.reserve({{"variant_id", pen}, {"quantity", 2}, {"reference", mine}});
    const std::string other = shop.reserve({{"variant_id", pen}, {"quantity", 1}, {"reference", "someone-else"}})["id"];
    CHECK(shop.available(pen) == 0);
    // The cart's own hold does not compete with it; another cart's hold does.
    CHECK(code_of([&] { flows::update_item(*shop.engine, nullptr, greedy.c_str(), pen.c_str(), 1); }) ==
          COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(code_of([&] { flows::place_order(*shop.engine, nullptr, greedy.c_str(), kCash); }) ==
          COMMERCE_ERR_OUT_OF_STOCK);
    const json order = flows::place_order(*shop.engine, nullptr, mine.c_str(), kCash);
    const json level = shop.level(pen);
    CHECK(level["on_hand"] == 1);
    CHECK(level["reserved"] == 1);  // only the other cart's hold is left
    const json sale = shop.movements({{"kind", "sale"}})["items"][0];
    CHECK(sale["quantity"] == -2);
    CHECK(sale["reference"] == order["id"]);
    CHECK(sale["actor_id"].is_null());  // a guest's checkout
    flows::release_reservation(*shop.engine, shop.admin.c_str(), other.c_str());
    flows::place_order(*shop.engine, nullptr, greedy.c_str(), kCash);
    CHECK(shop.level(pen)["on_hand"] == 0);
    shop.check_ledger();
}

TEST_CASE("inventory: a checkout reports every short line at once and takes nothing") {
    Shop shop;
    const std::string pen = shop.product("PEN", 2);
    const std::string ink = shop.product("INK", 3);
    const std::string pad = shop.product("PAD", 5);
    const std::string cart = shop.cart_with(pen, 2);
    flows::add_item(*shop.engine, nullptr, cart.c_str(), pad.c_str(), 1);
    flows::add_item(*shop.engine, nullptr, cart.c_str(), ink.c_str(), 3);
    // Stock shrinks after the cart was filled (a breakage, another till).
    shop.adjust({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", -1}});
    shop.adjust({{"variant_id", ink}, {"kind", "adjustment"}, {"quantity", -2}});
    const std::string before = shop.snapshot();
    const json details = details_of([&] { flows::place_order(*shop.engine, nullptr, cart.c_str(), kCash); });
    REQUIRE(details["items"].size() == 2);
    CHECK(details["items"][0]["sku"] == "PEN");
    CHECK(details["items"][1]["sku"] == "INK");
    CHECK(details["items"][1]["requested"] == 3);
    CHECK(shop.snapshot() == before);
}

TEST_CASE("inventory: low stock is announced once per crossing of the threshold") {
    Shop shop;
    const std::string pen = shop.product("PEN", 5);
    shop.low_stock_events();
    shop.set_variant(pen, "low_stock_threshold = 3");
    auto adjust_by = [&](int64_t quantity) {
        shop.adjust({{"variant_id", pen}, {"kind", "adjustment"}, {"quantity", quantity}});
    };
    adjust_by(-1);  // 4: above
    CHECK(shop.low_stock_events().empty());
    adjust_by(-1);  // 3: at the threshold counts as low
    const auto events = shop.low_stock_events();
    REQUIRE(events.size() == 1);
    CHECK(events[0] == json({{"variant_id", pen}, {"product_id", shop.product_of[pen]}, {"sku", "PEN"}, {"available", 3},
                             {"threshold", 3}}));
    adjust_by(-1);  // still low: no second event
    flows::place_order(*shop.engine, nullptr, shop.cart_with(pen, 1).c_str(), kCash);
    CHECK(shop.low_stock_events().empty());
    adjust_by(+5);  // 6: recovered, which re-arms the alert
    CHECK(shop.low_stock_events().empty());
    // A reservation lowers availability too, and its release raises it again.
    const std::string held = shop.reserve({{"variant_id", pen}, {"quantity", 4}})["id"];
    REQUIRE(shop.low_stock_events().size() == 1);
    flows::release_reservation(*shop.engine, shop.admin.c_str(), held.c_str());
    flows::place_order(*shop.engine, nullptr, shop.cart_with(pen, 4).c_str(), kCash);
    const auto after_sale = shop.low_stock_events();
    REQUIRE(after_sale.size() == 1);
    CHECK(after_sale[0]["available"] == 2);
    // A refused write emits nothing.
    CHECK(code_of([&] { adjust_by(-3); }) == COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(shop.low_stock_events().empty());
}

TEST_CASE("inventory: a transfer moves available stock between two locations in one transaction") {
    Shop shop;
    const std::string pen = shop.product("PEN", 10);
    const std::string kiosk = flows::create_location(*shop.engine, shop.admin.c_str(),
                                                     R"({"code": "kiosk-3", "name": "Kiosk 3", "kind": "kiosk"})")["id"];
    const json level = shop.transfer({{"variant_id", pen}, {"from", "default"}, {"to", kiosk}, {"quantity", 4},
                                      {"reason", "restock the kiosk"}});
    CHECK(level["on_hand"] == 10);
    REQUIRE(level["locations"].size() == 2);
    CHECK(level["locations"][0] == json({{"location_id", "default"}, {"on_hand", 6}, {"reserved", 0}, {"available", 6}}));
    CHECK(level["locations"][1] == json({{"location_id", kiosk}, {"on_hand", 4}, {"reserved", 0}, {"available", 4}}));
    const json ledger = shop.movements({{"variant_id", pen}, {"limit", 2}});
    CHECK(ledger["items"][0]["kind"] == "transfer_in");
    CHECK(ledger["items"][0]["location_id"] == kiosk);
    CHECK(ledger["items"][1]["kind"] == "transfer_out");
    CHECK(ledger["items"][1]["quantity"] == -4);
    CHECK(ledger["items"][1]["reason"] == "restock the kiosk");

    shop.reserve({{"variant_id", pen}, {"location_id", kiosk}, {"quantity", 3}});
    const std::string before = shop.snapshot();
    auto refused = [&](const json& input) { return details_of([&] { shop.transfer(input); }); };
    CHECK(refused({{"variant_id", pen}, {"from", kiosk}, {"to", "default"}, {"quantity", 2}})["items"][0]["available"] == 1);
    CHECK(refused({{"variant_id", pen}, {"from", kiosk}, {"to", kiosk}, {"quantity", 1}})["field"] == "to");
    CHECK(refused({{"variant_id", pen}, {"from", kiosk}, {"to", "nowhere"}, {"quantity", 1}})["field"] == "to");
    CHECK(refused({{"variant_id", pen}, {"from", "nowhere"}, {"to", kiosk}, {"quantity", 1}})["field"] == "from");
    CHECK(refused({{"variant_id", pen}, {"from", kiosk}, {"to", "default"}, {"quantity", 0}})["field"] == "quantity");
    CHECK(refused({{"variant_id", pen}, {"from", kiosk}, {"to", "default"}, {"quantity", -1}})["field"] == "quantity");
    CHECK(refused({{"variant_id", pen}, {"to", "default"}, {"quantity", 1}})["field"] == "from");
    CHECK(refused({{"variant_id", "nope"}, {"from", kiosk}, {"to", "default"}, {"quantity", 1}})["field"] == "variant_id");
    CHECK(shop.snapshot() == before);
    shop.check_ledger();
}

TEST_CASE("inventory: digital variants are not counted by the ledger") {
    Shop shop;
    const json input = {{"sku", "EBOOK"}, {"title", "E-book"}, {"kind", "digital"},
                        {"prices", {{{"amount", "1.00"}, {"currency", "EUR"}}}}};
    const std::string ebook =
        flows::create_product(*shop.engine, shop.admin.c_str(), input.dump().c_str())["variants"][0]["id"];
    const json level = shop.level(ebook);
    CHECK(level["tracked"] == false);
    CHECK(level["available"].is_null());
    CHECK(level["on_hand"].is_null());
    CHECK(details_of([&] { shop.receive(ebook, 1); })["reason"] == "not_tracked");
    CHECK(details_of([&] { shop.reserve({{"variant_id", ebook}, {"quantity", 1}}); })["reason"] == "not_tracked");
    // A checkout of a digital variant takes no stock.
    flows::place_order(*shop.engine, nullptr, shop.cart_with(ebook, 2).c_str(), kCash);
    CHECK(shop.movements({{"variant_id", ebook}})["items"].empty());
}

TEST_CASE("inventory: writes and the ledger need inventory.write; levels and locations need no session") {
    Shop shop;
    const std::string pen = shop.product("PEN", 5);
    const std::string held = shop.reserve({{"variant_id", pen}, {"quantity", 1}})["id"];
    const std::string before = shop.snapshot();
    const char* customer = shop.customer.c_str();
    for (const char* session : {customer, static_cast<const char*>(nullptr), "not-a-session"}) {
        const commerce_status expected = session == customer ? COMMERCE_ERR_FORBIDDEN : COMMERCE_ERR_UNAUTHORIZED;
        CHECK(code_of([&] {
                  flows::create_location(*shop.engine, session, R"({"code": "k", "name": "K", "kind": "kiosk"})");
              }) == expected);
        CHECK(code_of([&] {
                  flows::adjust_stock(*shop.engine, session,
                                      json({{"variant_id", pen}, {"kind", "receipt"}, {"quantity", 1}}).dump().c_str());
              }) == expected);
        CHECK(code_of([&] {
                  flows::transfer_stock(*shop.engine, session,
                                        json({{"variant_id", pen}, {"from", "default"}, {"to", "x"}, {"quantity", 1}})
                                            .dump().c_str());
              }) == expected);
        CHECK(code_of([&] { flows::list_stock_movements(*shop.engine, session, nullptr); }) == expected);
        CHECK(code_of([&] {
                  flows::reserve_stock(*shop.engine, session, json({{"variant_id", pen}, {"quantity", 1}}).dump().c_str());
              }) == expected);
        CHECK(code_of([&] { flows::release_reservation(*shop.engine, session, held.c_str()); }) == expected);
    }
    CHECK(details_of([&] { flows::list_stock_movements(*shop.engine, customer, nullptr); })["required_permission"] ==
          "inventory.write");
    CHECK(shop.snapshot() == before);
    CHECK(shop.level(pen)["available"] == 4);
    CHECK(flows::list_locations(*shop.engine)["items"].size() == 1);
}

TEST_CASE("inventory: concurrent sales never oversell and the ledger stays whole") {
    Shop shop;
    constexpr int kStock = 40, kThreads = 4, kAttempts = 20;
    const std::string pen = shop.product("PEN", kStock);
    std::atomic<int> sold{0}, refused{0}, other{0};
    std::vector<std::thread> sellers;
    for (int t = 0; t < kThreads; ++t)
        sellers.emplace_back([&, t] {
            for (int i = 0; i < kAttempts; ++i) {
                try {
                    shop.engine->write([&](Transaction& tx) {
                        sell(shop.engine->outbox(tx),
                             {.order_id = "order-" + std::to_string(t) + "-" + std::to_string(i), .lines = {{pen, 1}}});
                    });
                    ++sold;
                } catch (const Error& error) {
                    (error.code() == COMMERCE_ERR_OUT_OF_STOCK ? refused : other)++;
                }
                // Readers run beside the writers.
                if (i % 5 == 0) CHECK(shop.level(pen)["on_hand"] >= 0);
            }
        });
    for (auto& seller : sellers) seller.join();
    CHECK(sold == kStock);
    CHECK(refused == kThreads * kAttempts - kStock);
    CHECK(other == 0);
    CHECK(shop.level(pen)["on_hand"] == 0);
    shop.check_ledger();
}
