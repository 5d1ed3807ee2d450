// Fixtures for the search flow tests: an engine on a manual clock, and catalog rows written as schema-3 SQL (the
// catalog flows are rewritten in parallel), each write telling the search index as the catalog does.
#pragma once

#include "adapters/storage/sqlite/sqlite_transaction.h"
#include "engine/engine.h"
#include "flows/search.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace search_fixture {

using json = nlohmann::json;

constexpr int64_t kStart = 1'794'000'000'000;

inline json engine_config(const std::string& path = ":memory:") {
    return {{"path", path}, {"clock", "manual"}, {"clock_start_ms", kStart},
            {"secret_key", "an example secret key of at least thirty-two bytes"}};
}

struct Item {
    std::string id, title, description = "", status = "published", kind = "physical";
    std::optional<int64_t> publish_at_ms;
    int64_t price_eur = 1000, stock = 5;
    std::vector<std::string> tags, categories;
    json attributes = json::object();
    int64_t rating_sum = 0, rating_count = 0, units_sold = 0, created_ms = kStart;
    std::vector<std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>> translations;
};

inline commerce::sqlite::Connection& sql(commerce::Transaction& tx) {
    return static_cast<commerce::sqlite::SqliteTransaction&>(tx).connection();
}

inline void add_category(commerce::Engine& engine, const std::string& id, const std::string& name,
                         const std::string& parent = "") {
    engine.write([&](commerce::Transaction& tx) {
        std::string path = "/" + id + "/";
        if (!parent.empty()) {
            auto q = sql(tx).query("SELECT path FROM categories WHERE id = ?1");
            q.bind(1, parent);
            REQUIRE(q.step());
            path = q.text(0) + id + "/";
        }
        sql(tx).query("INSERT INTO categories (id, parent_id, slug, name, position, path, created_ms, updated_ms) "
                      "VALUES (?1, ?2, ?1, ?3, 0, ?4, 0, 0)")
            .bind(1, id).bind(2, parent.empty() ? std::optional<std::string>() : parent).bind(3, name).bind(4, path)
            .run();
    });
}

// A product with one variant "<id>-v" priced in EUR, its stock at the default location.
inline void add_product(commerce::Engine& engine, const Item& item) {
    engine.write([&](commerce::Transaction& tx) {
        auto& db = sql(tx);
        db.query("INSERT INTO products (id, slug, kind, status, publish_at_ms, title, description, attributes, "
                 "rating_sum, rating_count, units_sold, version, created_ms, updated_ms) "
                 "VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11)")
            .bind(1, item.id).bind(2, item.kind).bind(3, item.status).bind(4, item.publish_at_ms).bind(5, item.title)
            .bind(6, item.description).bind(7, item.attributes.dump()).bind(8, item.rating_sum)
            .bind(9, item.rating_count).bind(10, item.units_sold).bind(11, item.created_ms).run();
        db.query("INSERT INTO variants (id, product_id, position, sku) VALUES (?1 || '-v', ?1, 0, ?1)")
            .bind(1, item.id).run();
        db.query("INSERT INTO variant_prices VALUES (?1 || '-v', 'EUR', ?2)").bind(1, item.id).bind(2, item.price_eur).run();
        if (item.kind == "physical" && item.stock != 0)
            db.query("INSERT INTO stock_levels VALUES (?1 || '-v', 'default', ?2)").bind(1, item.id).bind(2, item.stock).run();
        for (const auto& tag : item.tags) db.query("INSERT INTO product_tags VALUES (?1, ?2)").bind(1, item.id).bind(2, tag).run();
        for (const auto& category : item.categories)
            db.query("INSERT INTO product_categories VALUES (?1, ?2)").bind(1, item.id).bind(2, category).run();
        for (const auto& [locale, title, description] : item.translations)
            db.query("INSERT INTO product_translations (product_id, locale, title, description) VALUES (?1, ?2, ?3, ?4)")
                .bind(1, item.id).bind(2, locale).bind(3, title).bind(4, description).run();
        tx.search_index().product_changed(item.id);
    });
}

inline json run_search(commerce::Engine& engine, const json& query) {
    return commerce::flows::search(engine, query.dump().c_str());
}

inline std::vector<std::string> ids(const json& result) {
    std::vector<std::string> out;
    for (const auto& item : result["items"]) out.push_back(item["product_id"]);
    return out;
}

}  // namespace search_fixture
