#include "adapters/storage/sqlite/inventory_repositories.h"

namespace commerce::sqlite {

std::optional<StockedVariant> SqliteStockLedger::variant(std::string_view variant_id) {
    auto row = db_.query("SELECT v.id, v.product_id, v.sku, p.kind = 'physical', v.low_stock_threshold, "
                         "v.low_stock_alerted, v.backorder_limit FROM variants v JOIN products p ON p.id = v.product_id "
                         "WHERE v.id = ?1");
    row.bind(1, variant_id);
    if (!row.step()) return std::nullopt;
    return StockedVariant{.id = row.text(0), .product_id = row.text(1), .sku = row.text(2),
                          .tracked = row.integer(3) != 0, .low_stock_threshold = row.optional_integer(4),
                          .low_stock_alerted = row.integer(5) != 0, .backorder_limit = row.integer(6)};
}

void SqliteStockLedger::set_low_stock_alerted(std::string_view variant_id, bool alerted) {
    db_.query("UPDATE variants SET low_stock_alerted = ?2 WHERE id = ?1")
        .bind(1, variant_id).bind(2, int64_t{alerted}).run();
}

int64_t SqliteStockLedger::on_hand(std::string_view variant_id, std::string_view location_id) {
    auto row = db_.query("SELECT on_hand FROM stock_levels WHERE variant_id = ?1 AND location_id = ?2");
    row.bind(1, variant_id).bind(2, location_id);
    return row.step() ? row.integer(0) : 0;
}

int64_t SqliteStockLedger::record(const StockMovement& movement) {
    db_.query("INSERT INTO stock_movements (id, variant_id, location_id, kind, quantity, reason, reference, actor_id, "
              "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, movement.id).bind(2, movement.variant_id).bind(3, movement.location_id).bind(4, movement.kind)
        .bind(5, movement.quantity).bind(6, movement.reason).bind(7, movement.reference).bind(8, movement.actor_id)
        .bind(9, movement.created_ms).run();
    auto level = db_.query("INSERT INTO stock_levels (variant_id, location_id, on_hand) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = on_hand + ?3 "
                           "RETURNING on_hand");
    level.bind(1, movement.variant_id).bind(2, movement.location_id).bind(3, movement.quantity);
    level.step();
    return level.integer(0);
}

std::vector<LocationStock> SqliteStockLedger::levels(std::string_view variant_id, int64_t now_ms) {
    // Locations in code order (their unique index), each with two index lookups: no temporary table, no sort.
    auto rows = db_.query(
        "SELECT id, on_hand, reserved FROM ("
        "  SELECT l.id, l.code, s.on_hand, (SELECT sum(quantity) FROM stock_reservations r "
        "     WHERE r.variant_id = ?1 AND r.location_id = l.id AND r.expires_ms > ?2) AS reserved "
        "  FROM locations l LEFT JOIN stock_levels s ON s.variant_id = ?1 AND s.location_id = l.id) "
        "WHERE on_hand IS NOT NULL OR reserved IS NOT NULL ORDER BY code");
    rows.bind(1, variant_id).bind(2, now_ms);
    std::vector<LocationStock> levels;
    while (rows.step())
        levels.push_back({.location_id = rows.text(0), .on_hand = rows.optional_integer(1).value_or(0),
                          .reserved = rows.optional_integer(2).value_or(0)});
    return levels;
}

std::optional<int64_t> SqliteStockLedger::next_reservation_expiry(std::string_view variant_id, int64_t now_ms) {
    auto row = db_.query("SELECT min(expires_ms) FROM stock_reservations WHERE variant_id = ?1 AND expires_ms > ?2");
    row.bind(1, variant_id).bind(2, now_ms).step();
    return row.optional_integer(0);
}

std::vector<StockMovement> SqliteStockLedger::movements(const MovementQuery& query) {
    // Newest first by (created_ms, id): movements migrated from schema 2 have ids that are not time-ordered.
    auto rows = db_.query(
        "SELECT id, variant_id, location_id, kind, quantity, reason, reference, actor_id, created_ms "
        "FROM stock_movements WHERE (?1 IS NULL OR variant_id = ?1) AND (?2 IS NULL OR location_id = ?2) "
        "AND (?3 IS NULL OR kind = ?3) "
        "AND (?4 IS NULL OR (created_ms, id) < (SELECT created_ms, id FROM stock_movements WHERE id = ?4)) "
        "ORDER BY created_ms DESC, id DESC LIMIT ?5");
    rows.bind(1, query.variant_id).bind(2, query.location_id).bind(3, query.kind).bind(4, query.before)
        .bind(5, query.limit);
    std::vector<StockMovement> movements;
    while (rows.step())
        movements.push_back({.id = rows.text(0), .variant_id = rows.text(1), .location_id = rows.text(2),
                             .kind = rows.text(3), .quantity = rows.integer(4), .reason = rows.text(5),
                             .reference = rows.optional_text(6), .actor_id = rows.optional_text(7),
                             .created_ms = rows.integer(8)});
    return movements;
}

std::optional<int64_t> SqliteStockLedger::licence_keys_left(std::string_view variant_id) {
    auto row = db_.query("SELECT count(*), count(*) FILTER (WHERE order_id IS NULL) FROM licence_keys "
                         "WHERE variant_id = ?1");
    row.bind(1, variant_id);
    row.step();
    if (row.integer(0) == 0) return std::nullopt;
    return row.integer(1);
}

}  // namespace commerce::sqlite
