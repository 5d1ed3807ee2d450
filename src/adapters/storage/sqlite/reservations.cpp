#include "adapters/storage/sqlite/inventory_repositories.h"

namespace commerce::sqlite {

void SqliteReservations::insert(const StockReservation& reservation) {
    db_.query("INSERT INTO stock_reservations (id, variant_id, location_id, quantity, reference, expires_ms, "
              "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, reservation.id).bind(2, reservation.variant_id).bind(3, reservation.location_id)
        .bind(4, reservation.quantity).bind(5, reservation.reference).bind(6, reservation.expires_ms)
        .bind(7, reservation.created_ms).run();
}

std::optional<StockReservation> SqliteReservations::live(std::string_view id, int64_t now_ms) {
    auto row = db_.query("SELECT id, variant_id, location_id, quantity, reference, expires_ms, created_ms "
                         "FROM stock_reservations WHERE id = ?1 AND expires_ms > ?2");
    row.bind(1, id).bind(2, now_ms);
    if (!row.step()) return std::nullopt;
    return StockReservation{.id = row.text(0), .variant_id = row.text(1), .location_id = row.text(2),
                            .quantity = row.integer(3), .reference = row.optional_text(4),
                            .expires_ms = row.integer(5), .created_ms = row.integer(6)};
}

void SqliteReservations::remove(std::string_view id) {
    db_.query("DELETE FROM stock_reservations WHERE id = ?1").bind(1, id).run();
}

int64_t SqliteReservations::reserved(std::string_view variant_id, std::string_view location_id, int64_t now_ms,
                                     std::optional<std::string_view> except_reference) {
    auto row = db_.query("SELECT coalesce(sum(quantity), 0) FROM stock_reservations WHERE variant_id = ?1 "
                         "AND location_id = ?2 AND expires_ms > ?3 AND (?4 IS NULL OR reference IS NOT ?4)");
    row.bind(1, variant_id).bind(2, location_id).bind(3, now_ms);
    if (except_reference) row.bind(4, *except_reference);
    row.step();
    return row.integer(0);
}

void SqliteReservations::remove_for_reference(std::string_view variant_id, std::string_view reference) {
    db_.query("DELETE FROM stock_reservations WHERE variant_id = ?1 AND reference = ?2")
        .bind(1, variant_id).bind(2, reference).run();
}

void SqliteReservations::remove_expired(std::string_view variant_id, std::string_view location_id, int64_t now_ms) {
    db_.query("DELETE FROM stock_reservations WHERE variant_id = ?1 AND location_id = ?2 AND expires_ms <= ?3")
        .bind(1, variant_id).bind(2, location_id).bind(3, now_ms).run();
}

}  // namespace commerce::sqlite
