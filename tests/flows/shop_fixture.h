// A small shop for the catalog-side flow tests (reviews, product requests, licence keys): an engine on a manual
// clock with cheap password hashing, an admin, a staff member, customers and products, and raw SQL for the
// product columns the transitional catalog cannot set yet (kind, status).
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "core/error.h"
#include "failure_of.h"
#include "engine/engine.h"
#include "flows/accounts.h"
#include "flows/admin.h"
#include "flows/carts.h"
#include "flows/catalog.h"
#include "flows/checkout.h"
#include "flows/outbox.h"
#include "flows/sessions.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <string>

namespace shop {

using json = nlohmann::json;
constexpr int64_t kStart = 1'794'000'000'000;  // 2026-11-06T21:20:00Z
constexpr const char* kPassword = "correct horse battery";

struct Account {
    std::string id;
    std::string session;
};

inline std::string field_of(const std::function<void()>& call) {
    return failure_of(call).details().value("field", "");
}

// A temporary database file, removed with its WAL and shared memory at the end of the test.
struct TempFile {
    std::filesystem::path path;
    explicit TempFile(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".db")) {
        remove();
    }
    ~TempFile() { remove(); }
    void remove() const {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    }
};

class Shop {
public:
    // extra_config adds members to the engine config ("carts": {...}, ...).
    explicit Shop(const std::string& path = ":memory:", const json& extra_config = json::object()) : path_(path) {
        json config = {{"path", path},
                             {"clock", "manual"},
                             {"clock_start_ms", kStart},
                             {"secret_key", "an example secret key of at least thirty-two bytes"},
                             {"password_hashing", {{"memory_kib", 64}, {"iterations", 1}, {"parallelism", 1}}}};
        config.update(extra_config);
        engine = commerce::Engine::open(config.dump().c_str());
        admin.id = commerce::flows::bootstrap_admin(*engine, "admin@shop.test", kPassword)["id"];
        admin.session = login("admin@shop.test");
        staff.id = commerce::flows::register_customer(*engine, "staff@shop.test", kPassword)["id"];
        commerce::flows::set_user_roles(*engine, admin.session.c_str(), staff.id.c_str(), R"(["staff"])");
        staff.session = login("staff@shop.test");
    }

    Account customer(const std::string& email) {
        Account user{commerce::flows::register_customer(*engine, email.c_str(), kPassword)["id"], ""};
        user.session = login(email);
        return user;
    }

    std::string product(const std::string& sku) {
        const json input = {{"sku", sku}, {"title", "Product " + sku},
                            {"prices", {{{"amount", "10.00"}, {"currency", "EUR"}}}}, {"stock", 100}};
        return commerce::flows::create_product(*engine, admin.session.c_str(), input.dump().c_str())["id"];
    }

    // A digital product with one variant; returns the variant's id.
    std::string digital_variant(const std::string& sku) {
        const json input = {{"sku", sku}, {"title", "Game " + sku}, {"kind", "digital"},
                            {"prices", {{{"amount", "10.00"}, {"currency", "EUR"}}}}};
        return commerce::flows::create_product(*engine, admin.session.c_str(), input.dump().c_str())["variants"][0]["id"];
    }

    // An order of one unit: "cash" is paid at once, "cash_on_delivery" waits for its payment.
    void buy(const Account& user, const std::string& product_id, const char* kind = "cash") {
        const std::string cart = commerce::flows::create_cart(*engine, user.session.c_str(), "EUR")["id"];
        commerce::flows::add_item(*engine, user.session.c_str(), cart.c_str(), product_id.c_str(), 1);
        const json request = {{"payment", {{"method", "manual"}, {"kind", kind}}}};
        commerce::flows::place_order(*engine, user.session.c_str(), cart.c_str(), request.dump().c_str());
    }

    // SQL straight on the file, beside the engine: for what no call can set yet. File stores only.
    void raw_sql(const std::string& sql) const {
        REQUIRE(path_ != ":memory:");
        commerce::sqlite::Connection(path_, /*read_only=*/false).exec(sql);
    }

    // Every undelivered event of the topic (acknowledging every event fetched).
    std::vector<json> take_events(const std::string& topic) {
        std::vector<json> found;
        const json batch = commerce::flows::fetch_events(*engine, R"({"limit": 1000})");
        for (const auto& event : batch["events"]) {
            if (event["topic"] == topic) found.push_back(event["payload"]);
            commerce::flows::acknowledge_event(*engine, event["id"].get<std::string>().c_str());
        }
        return found;
    }

    std::unique_ptr<commerce::Engine> engine;
    Account admin, staff;

private:
    std::string login(const std::string& email) {
        return commerce::flows::login(*engine, email.c_str(), kPassword, nullptr)["token"];
    }
    std::string path_;
};

}  // namespace shop
