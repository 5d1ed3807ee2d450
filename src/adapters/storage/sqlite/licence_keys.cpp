#include "adapters/storage/sqlite/licence_key_repository.h"

#include <algorithm>

namespace commerce::sqlite {
namespace {

LicenceKey key_row(Query& row) {
    return LicenceKey{.id = row.text(0), .variant_id = row.text(1), .digest = row.blob(2), .sealed = row.blob(3),
                      .order_id = row.optional_text(4), .order_line = row.optional_integer(5),
                      .imported_ms = row.integer(6), .assigned_ms = row.optional_integer(7)};
}

}  // namespace

std::optional<std::string> SqliteLicenceKeys::variant_kind(std::string_view variant_id) {
    auto row = db_.query("SELECT p.kind FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?1");
    row.bind(1, variant_id);
    if (!row.step()) return std::nullopt;
    return row.text(0);
}

bool SqliteLicenceKeys::insert(const LicenceKey& key) {
    db_.query("INSERT OR IGNORE INTO licence_keys (id, variant_id, key_digest, key_sealed, order_id, order_line, "
              "imported_ms, assigned_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, key.id).bind(2, key.variant_id).bind_blob(3, key.digest).bind_blob(4, key.sealed)
        .bind(5, key.order_id).bind(6, key.order_line).bind(7, key.imported_ms).bind(8, key.assigned_ms).run();
    return db_.changes() > 0;
}

LicencePoolCounts SqliteLicenceKeys::counts(std::string_view variant_id) {
    auto row = db_.query("SELECT count(*) FILTER (WHERE order_id IS NULL), count(*) FILTER (WHERE order_id IS NOT NULL) "
                         "FROM licence_keys WHERE variant_id = ?1");
    row.bind(1, variant_id);
    row.step();
    return {.available = row.integer(0), .assigned = row.integer(1)};
}

std::vector<LicenceKey> SqliteLicenceKeys::assign(std::string_view variant_id, std::string_view order_id,
                                                  int64_t order_line, int64_t quantity, int64_t now_ms) {
    // The outer "order_id IS NULL" is the guard: even a writer that raced past the subquery cannot take a key
    // another order already holds.
    auto rows = db_.query("UPDATE licence_keys SET order_id = ?2, order_line = ?3, assigned_ms = ?4 "
                          "WHERE id IN (SELECT id FROM licence_keys WHERE variant_id = ?1 AND order_id IS NULL "
                          "ORDER BY id LIMIT ?5) AND order_id IS NULL "
                          "RETURNING id, variant_id, key_digest, key_sealed, order_id, order_line, imported_ms, "
                          "assigned_ms");
    rows.bind(1, variant_id).bind(2, order_id).bind(3, order_line).bind(4, now_ms).bind(5, quantity);
    std::vector<LicenceKey> keys;
    while (rows.step()) keys.push_back(key_row(rows));
    // RETURNING gives rows in no promised order.
    std::sort(keys.begin(), keys.end(), [](const LicenceKey& a, const LicenceKey& b) { return a.id < b.id; });
    return keys;
}

std::vector<LicenceKey> SqliteLicenceKeys::for_order(std::string_view order_id) {
    auto rows = db_.query("SELECT id, variant_id, key_digest, key_sealed, order_id, order_line, imported_ms, "
                          "assigned_ms FROM licence_keys WHERE order_id = ?1 ORDER BY order_line, id");
    rows.bind(1, order_id);
    std::vector<LicenceKey> keys;
    while (rows.step()) keys.push_back(key_row(rows));
    return keys;
}

}  // namespace commerce::sqlite
