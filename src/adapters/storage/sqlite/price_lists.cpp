#include "adapters/storage/sqlite/price_list_repositories.h"

#include <nlohmann/json.hpp>

namespace commerce::sqlite {
namespace {

StoredPriceList list_row(const Query& row) {
    return {.id = row.text(0), .definition = row.text(1), .status = row.text(2), .version = row.integer(3),
            .created_ms = row.integer(4), .updated_ms = row.integer(5)};
}

std::vector<StoredPriceList> list_rows(Query& rows) {
    std::vector<StoredPriceList> lists;
    while (rows.step()) lists.push_back(list_row(rows));
    return lists;
}

}  // namespace

void SqlitePriceLists::insert(const StoredPriceList& list) {
    db_.query("INSERT INTO price_lists (id, definition, status, version, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, list.id).bind(2, list.definition).bind(3, list.status).bind(4, list.version)
        .bind(5, list.created_ms).bind(6, list.updated_ms).run();
}

bool SqlitePriceLists::update(const StoredPriceList& list, int64_t expected_version) {
    db_.query("UPDATE price_lists SET definition = ?2, status = ?3, version = ?4, updated_ms = ?5 "
              "WHERE id = ?1 AND version = ?6")
        .bind(1, list.id).bind(2, list.definition).bind(3, list.status).bind(4, list.version)
        .bind(5, list.updated_ms).bind(6, expected_version).run();
    return db_.changes() > 0;
}

void SqlitePriceLists::replace_prices(std::string_view price_list_id, const std::vector<PriceListPrice>& prices) {
    db_.query("DELETE FROM price_list_prices WHERE price_list_id = ?1").bind(1, price_list_id).run();
    for (const auto& price : prices)
        db_.query("INSERT INTO price_list_prices (price_list_id, variant_id, currency, min_quantity, amount_minor) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)")
            .bind(1, price_list_id).bind(2, price.variant_id).bind(3, price.amount.currency().code)
            .bind(4, price.min_quantity).bind(5, price.amount.minor()).run();
}

std::optional<StoredPriceList> SqlitePriceLists::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, definition, status, version, created_ms, updated_ms FROM price_lists "
                         "WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return list_row(row);
}

std::vector<StoredPriceList> SqlitePriceLists::page(const PriceListQuery& query) {
    auto rows = db_.query("SELECT id, definition, status, version, created_ms, updated_ms FROM price_lists "
                          "WHERE (?1 IS NULL OR status = ?1) AND id > ?2 ORDER BY id LIMIT ?3");
    rows.bind(1, query.status).bind(2, query.after_id).bind(3, query.limit);
    return list_rows(rows);
}

std::vector<PriceListPrice> SqlitePriceLists::prices_of(std::string_view price_list_id) {
    auto rows = db_.query("SELECT variant_id, currency, min_quantity, amount_minor FROM price_list_prices "
                          "WHERE price_list_id = ?1 ORDER BY variant_id, currency, min_quantity");
    rows.bind(1, price_list_id);
    std::vector<PriceListPrice> prices;
    while (rows.step())
        prices.push_back({rows.text(0), rows.integer(2), Money::from_minor(rows.integer(3), currency(rows.text(1)))});
    return prices;
}

int64_t SqlitePriceLists::price_count(std::string_view price_list_id) {
    auto row = db_.query("SELECT count(*) FROM price_list_prices WHERE price_list_id = ?1");
    row.bind(1, price_list_id);
    row.step();
    return row.integer(0);
}

std::vector<StoredPriceList> SqlitePriceLists::active() {
    auto rows = db_.query("SELECT id, definition, status, version, created_ms, updated_ms FROM price_lists "
                          "WHERE status = 'active' ORDER BY id");
    return list_rows(rows);
}

std::vector<ListedPrice> SqlitePriceLists::active_prices_for(const std::vector<std::string>& variant_ids,
                                                             const Currency& currency) {
    // Most stores have no active list, and this look is cheaper than binding the variants into the join.
    if (!db_.query("SELECT 1 FROM price_lists WHERE status = 'active' LIMIT 1").step()) return {};
    auto rows = db_.query("SELECT p.price_list_id, p.variant_id, p.min_quantity, p.amount_minor "
                          "FROM price_list_prices p JOIN price_lists l ON l.id = p.price_list_id "
                          "WHERE p.variant_id IN (SELECT value FROM json_each(?1)) AND p.currency = ?2 "
                          "AND l.status = 'active' ORDER BY p.price_list_id, p.variant_id, p.min_quantity");
    rows.bind(1, nlohmann::json(variant_ids).dump()).bind(2, currency.code);
    std::vector<ListedPrice> prices;
    while (rows.step())
        prices.push_back({rows.text(0), {rows.text(1), rows.integer(2), Money::from_minor(rows.integer(3), currency)}});
    return prices;
}

}  // namespace commerce::sqlite
