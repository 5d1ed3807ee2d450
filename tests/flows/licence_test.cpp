// Licence keys: import rules and bad input (nothing written), deduplication, handing out oldest first and never
// twice under concurrency, OUT_OF_STOCK without a partial take, and no key in clear in the database file.
#include "domain/licence/licence_keys.h"
#include "flows/licence_keys.h"
#include "shop_fixture.h"

#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <thread>

using namespace commerce;
using namespace shop;

namespace {

struct DigitalShop {
    TempFile file{"commerce-licence"};
    Shop shop{file.path.string()};
    std::string variant = shop.digital_variant("GAME");

    json import(const std::string& keys, const Account* who = nullptr) {
        return flows::import_licence_keys(*shop.engine, (who ? *who : shop.admin).session.c_str(), variant.c_str(),
                                          keys.c_str());
    }
    json pool() { return flows::licence_pool(*shop.engine, shop.admin.session.c_str(), variant.c_str()); }

    // What checkout does for one order line, in its own write transaction.
    std::vector<std::string> sell(const std::string& order_id, int64_t quantity, const std::string& variant_id = "") {
        std::vector<std::string> keys;
        shop.engine->write([&](Transaction& tx) {
            keys = hand_out_licence_keys(tx, shop.engine->keys().seal, variant_id.empty() ? variant : variant_id,
                                         order_id, 0, quantity, shop.engine->now_ms());
        });
        return keys;
    }
};

}  // namespace

TEST_CASE("licence keys: import needs catalog.write, a digital variant and 1..10000 keys of 1..256 bytes") {
    DigitalShop d;
    const std::string physical =
        flows::get_product(*d.shop.engine, d.shop.product("BOX").c_str())["variants"][0]["id"].get<std::string>();
    const Account ann = d.shop.customer("ann@shop.test");
    CHECK(code_of([&] { d.import(R"(["A"])", &ann); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::import_licence_keys(*d.shop.engine, nullptr, d.variant.c_str(), R"(["A"])"); }) ==
          COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] {
              flows::import_licence_keys(*d.shop.engine, d.shop.admin.session.c_str(), "nope", R"(["A"])");
          }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] {
              flows::import_licence_keys(*d.shop.engine, d.shop.admin.session.c_str(), physical.c_str(), R"(["A"])");
          }) == COMMERCE_ERR_ILLEGAL_STATE);
    json too_many = json::array();
    for (int i = 0; i < 10001; ++i) too_many.push_back("K" + std::to_string(i));
    for (const std::string& bad : std::vector<std::string>{"", "nope", "{}", "[]", "null", R"("AAAA")", R"([1])", R"([""])", R"(["A", null])",
                                  R"(["A\u0000B"])", "[\"" + std::string(257, 'k') + "\"]", too_many.dump()}) {
        CAPTURE(bad.substr(0, 40));
        CHECK(field_of([&] { d.import(bad); }) == "keys");
    }
    CHECK(field_of([&] {
              flows::import_licence_keys(*d.shop.engine, d.shop.admin.session.c_str(), d.variant.c_str(), nullptr);
          }) == "keys");
    CHECK(field_of([&] {
              flows::import_licence_keys(*d.shop.engine, d.shop.admin.session.c_str(), nullptr, R"(["A"])");
          }) == "variant_id");
    // Nothing was written by any of those.
    CHECK(d.pool() == json{{"type", "licence_pool"}, {"schema_version", 1}, {"variant_id", d.variant},
                           {"available", 0}, {"assigned", 0}, {"imported", nullptr}, {"skipped", nullptr}});
    CHECK(code_of([&] { flows::licence_pool(*d.shop.engine, ann.session.c_str(), d.variant.c_str()); }) ==
          COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::licence_pool(*d.shop.engine, d.shop.admin.session.c_str(), "nope"); }) ==
          COMMERCE_ERR_NOT_FOUND);
    // The largest import is fine.
    json most = json::array();
    for (int i = 0; i < 10000; ++i) most.push_back(std::string(250, 'k') + std::to_string(i));
    CHECK(d.import(most.dump())["imported"] == 10000);
}

TEST_CASE("licence keys: duplicates are skipped and counted, in the pool and within one import") {
    DigitalShop d;
    const json first = d.import(R"(["AAAA-1111", "BBBB-2222", "AAAA-1111"])");
    CHECK(first["imported"] == 2);
    CHECK(first["skipped"] == 1);
    CHECK(first["available"] == 2);
    const json second = d.import(R"(["BBBB-2222", "CCCC-3333", "bbbb-2222"])");  // case matters: keys are exact
    CHECK(second["imported"] == 2);
    CHECK(second["skipped"] == 1);
    CHECK(d.pool()["available"] == 4);
    const json audit = flows::list_audit(*d.shop.engine, d.shop.admin.session.c_str(),
                                         R"({"action": "licence_keys.import"})");
    CHECK(audit["items"].size() == 2);
}

TEST_CASE("licence keys: handed out oldest first, one per unit; a dry pool is OUT_OF_STOCK and takes nothing") {
    DigitalShop d;
    d.import(R"(["K1", "K2"])");
    d.shop.engine->manual_clock().advance(1000);
    d.import(R"(["K3"])");
    CHECK(d.sell("order-1", 2) == std::vector<std::string>{"K1", "K2"});
    CHECK(d.pool()["available"] == 1);
    CHECK(d.pool()["assigned"] == 2);
    const Error dry = failure_of([&] { d.sell("order-2", 2); });
    CHECK(dry.code() == COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(dry.details()["variant_id"] == d.variant);
    CHECK(dry.details()["available"] == 1);
    CHECK(d.pool()["available"] == 1);  // the failed sale's transaction rolled back the key it had taken
    CHECK(d.sell("order-2", 1) == std::vector<std::string>{"K3"});
    CHECK(code_of([&] { d.sell("order-3", 1); }) == COMMERCE_ERR_OUT_OF_STOCK);
    // A key already handed out is not imported again.
    CHECK(d.import(R"(["K1"])")["skipped"] == 1);
    // A variant without a pool sells without keys.
    CHECK(d.sell("order-4", 3, d.shop.product("NOKEYS")).empty());
    // The order document can show its keys.
    d.shop.engine->read([&](Transaction& tx) {
        const auto issued = licence_keys_of_order(tx, d.shop.engine->keys().seal, "order-1");
        REQUIRE(issued.size() == 2);
        CHECK(issued[0].key == "K1");
        CHECK(issued[1].variant_id == d.variant);
    });
}

TEST_CASE("licence keys: concurrent sales never hand out a key twice") {
    DigitalShop d;
    json keys = json::array();
    for (int i = 0; i < 40; ++i) keys.push_back("KEY-" + std::to_string(i));
    d.import(keys.dump());
    std::mutex mutex;
    std::vector<std::string> sold;
    int other_errors = 0;
    std::vector<std::thread> buyers;
    for (int t = 0; t < 6; ++t)
        buyers.emplace_back([&, t] {
            for (int i = 0;; ++i) {
                try {
                    auto got = d.sell("order-" + std::to_string(t) + "-" + std::to_string(i), 1 + (i % 2));
                    std::lock_guard lock(mutex);
                    sold.insert(sold.end(), got.begin(), got.end());
                } catch (const Error& error) {  // the pool ran dry for this buyer (anything else is a failure)
                    std::lock_guard lock(mutex);
                    other_errors += error.code() != COMMERCE_ERR_OUT_OF_STOCK;
                    return;
                }
            }
        });
    for (auto& buyer : buyers) buyer.join();
    CHECK(other_errors == 0);
    CHECK(std::set<std::string>(sold.begin(), sold.end()).size() == sold.size());
    CHECK(sold.size() >= 39);  // a buyer of two may find one left
    CHECK(d.pool()["assigned"] == static_cast<int64_t>(sold.size()));
}

TEST_CASE("licence keys: no key in clear in the database file") {
    std::vector<std::string> keys = {"SECRET-KEY-ALPHA-0001", "SECRET-KEY-BRAVO-0002", "SECRET-KEY-CHARLIE-003"};
    std::string bytes;
    {
        DigitalShop d;
        d.import(json(keys).dump());
        d.sell("order-1", 1);
        d.shop.engine.reset();  // close it, so the file holds everything
        for (const char* suffix : {"", "-wal"}) {
            std::ifstream file(d.file.path.string() + suffix, std::ios::binary);
            bytes.append(std::istreambuf_iterator<char>(file), {});
        }
    }
    REQUIRE(bytes.find("Game GAME") != std::string::npos);  // the file is plain: the grep can see text
    for (const auto& key : keys) CHECK_MESSAGE(bytes.find(key) == std::string::npos, "found " << key);
}
