// The inventory repositories' contract, for every storage configuration: in-memory, plain file, encrypted file.
#include "adapters/storage/sqlite/sqlite_storage.h"
#include "core/error.h"
#include "samples.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace commerce;
using commerce::test::TempDir;

namespace {

// The only tie to the catalog: a product whose single variant has the given id, without stock so the ledger
// starts empty.
void insert_variant(Transaction& tx, const std::string& id) {
    Product product = test::sample_product("p-" + id, "SKU-" + id);
    product.variants[0].id = id;
    tx.products().insert(product);
}

StockMovement movement(const std::string& id, const std::string& location, int64_t quantity, int64_t created_ms) {
    return {.id = id, .variant_id = "v1", .location_id = location, .kind = quantity > 0 ? "receipt" : "adjustment",
            .quantity = quantity, .reason = "count", .reference = std::nullopt, .actor_id = "u1",
            .created_ms = created_ms};
}

void run_inventory_contract(const sqlite::Options& options) {
    sqlite::SqliteStorage storage(options);
    storage.write([](Transaction& tx) {
        insert_variant(tx, "v1");
        tx.locations().insert({.id = "loc-k", .code = "kiosk", .name = "Kiosk", .kind = "kiosk", .created_ms = 5});
    });

    SUBCASE("locations: default exists, codes are unique, all in code order") {
        storage.read([](Transaction& tx) {
            CHECK(tx.locations().by_id("default")->code == "default");
            CHECK(tx.locations().by_id("loc-k")->kind == "kiosk");
            CHECK_FALSE(tx.locations().by_id("nowhere"));
            CHECK(tx.locations().code_taken("kiosk"));
            CHECK_FALSE(tx.locations().code_taken("shop"));
            const auto all = tx.locations().all();
            REQUIRE(all.size() == 2);
            CHECK(all[0].id == "default");
            CHECK(all[1].created_ms == 5);
        });
        try {
            storage.write([](Transaction& tx) {
                tx.locations().insert({.id = "loc-2", .code = "kiosk", .name = "K", .kind = "shop", .created_ms = 6});
            });
            FAIL("expected EXISTS");
        } catch (const Error& error) {
            CHECK(error.code() == COMMERCE_ERR_EXISTS);
        }
    }
    SUBCASE("variant facts come from the variant and its product") {
        storage.write([](Transaction& tx) {
            auto variant = tx.stock_ledger().variant("v1");
            REQUIRE(variant);
            CHECK(variant->product_id == "p-v1");
            CHECK(variant->sku == "SKU-v1");
            CHECK(variant->tracked);
            CHECK_FALSE(variant->low_stock_threshold);
            CHECK(variant->backorder_limit == 0);
            CHECK_FALSE(variant->low_stock_alerted);
            tx.stock_ledger().set_low_stock_alerted("v1", true);
            CHECK(tx.stock_ledger().variant("v1")->low_stock_alerted);
            CHECK_FALSE(tx.stock_ledger().variant("nope"));
            CHECK_FALSE(tx.stock_ledger().licence_keys_left("v1"));
        });
    }
    SUBCASE("a movement and its level are written together, and the level is their sum") {
        storage.write([](Transaction& tx) {
            CHECK(tx.stock_ledger().on_hand("v1", "default") == 0);
            CHECK(tx.stock_ledger().record(movement("m1", "default", 7, 10)) == 7);
            CHECK(tx.stock_ledger().record(movement("m2", "default", -9, 11)) == -2);
            CHECK(tx.stock_ledger().record(movement("m3", "loc-k", 4, 12)) == 4);
        });
        storage.read([](Transaction& tx) {
            CHECK(tx.stock_ledger().on_hand("v1", "default") == -2);
            const auto levels = tx.stock_ledger().levels("v1", 0);
            REQUIRE(levels.size() == 2);
            CHECK(levels[0].location_id == "default");
            CHECK(levels[1].on_hand == 4);
            const auto all = tx.stock_ledger().movements({.limit = 10});
            REQUIRE(all.size() == 3);
            CHECK(all[0].id == "m3");  // newest first
            CHECK(all[2].actor_id == "u1");
            CHECK_FALSE(all[2].reference);
            CHECK(tx.stock_ledger().movements({.location_id = "default", .limit = 10}).size() == 2);
            CHECK(tx.stock_ledger().movements({.kind = "adjustment", .limit = 10}).size() == 1);
            const auto older = tx.stock_ledger().movements({.before = "m2", .limit = 10});
            REQUIRE(older.size() == 1);
            CHECK(older[0].id == "m1");
        });
        // A movement of nothing breaks the schema's rule and leaves no level behind.
        CHECK_THROWS_AS(storage.write([](Transaction& tx) { tx.stock_ledger().record(movement("m4", "loc-k", 0, 13)); }),
                        Error);
        storage.read([](Transaction& tx) { CHECK(tx.stock_ledger().on_hand("v1", "loc-k") == 4); });
    }
    SUBCASE("reservations count until they expire, except the reference's own; the next expiry is known") {
        storage.write([](Transaction& tx) {
            tx.reservations().insert({.id = "r1", .variant_id = "v1", .location_id = "default", .quantity = 2,
                                      .reference = "cart-1", .expires_ms = 100, .created_ms = 1});
            tx.reservations().insert({.id = "r2", .variant_id = "v1", .location_id = "default", .quantity = 3,
                                      .reference = std::nullopt, .expires_ms = 200, .created_ms = 1});
            tx.reservations().insert({.id = "r3", .variant_id = "v1", .location_id = "loc-k", .quantity = 1,
                                      .reference = "cart-1", .expires_ms = 200, .created_ms = 1});
        });
        storage.write([](Transaction& tx) {
            auto& reservations = tx.reservations();
            CHECK(reservations.reserved("v1", "default", 99, std::nullopt) == 5);
            CHECK(reservations.reserved("v1", "default", 100, std::nullopt) == 3);  // r1 expired at 100
            CHECK(reservations.reserved("v1", "default", 99, "cart-1") == 3);
            CHECK(reservations.reserved("v1", "default", 99, "other") == 5);
            CHECK(reservations.live("r1", 99)->reference == "cart-1");
            CHECK_FALSE(reservations.live("r1", 100));
            CHECK_FALSE(reservations.live("nope", 0));
            CHECK(tx.stock_ledger().next_reservation_expiry("v1", 0) == 100);
            CHECK(tx.stock_ledger().next_reservation_expiry("v1", 100) == 200);  // r1 no longer counts at 100
            CHECK_FALSE(tx.stock_ledger().next_reservation_expiry("v1", 200));
            const auto levels = tx.stock_ledger().levels("v1", 99);  // locations with holds but no stock count
            REQUIRE(levels.size() == 2);
            CHECK(levels[0].reserved == 5);
            CHECK(levels[0].available() == -5);
            reservations.remove_expired("v1", "default", 150);
            CHECK(reservations.reserved("v1", "default", 0, std::nullopt) == 3);
            reservations.remove_for_reference("v1", "cart-1");
            CHECK_FALSE(reservations.live("r3", 0));
            reservations.remove("r2");
            CHECK(reservations.reserved("v1", "default", 0, std::nullopt) == 0);
        });
    }
}

}  // namespace

TEST_CASE("inventory storage contract: in-memory") { run_inventory_contract({.path = ":memory:"}); }

TEST_CASE("inventory storage contract: plain file") {
    TempDir dir;
    run_inventory_contract({.path = (dir.path / "plain.db").string()});
}

TEST_CASE("inventory storage contract: encrypted file") {
    TempDir dir;
    run_inventory_contract({.path = (dir.path / "secret.db").string(), .key = "kiosk key"});
}
