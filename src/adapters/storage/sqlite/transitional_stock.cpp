#include "adapters/storage/sqlite/catalog_repositories.h"

// Stock at the location 'default' as checkout took it before the inventory ledger: a level per variant and a
// movement per change. The inventory module replaces these writes with its own.
namespace commerce::sqlite {

StockFigures SqliteTransitionalStock::figures(std::string_view variant_id, int64_t now_ms) {
    StockFigures figures;
    auto on_hand = db_.query("SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE variant_id = ?1");
    on_hand.bind(1, variant_id).step();
    figures.on_hand = on_hand.integer(0);
    auto reserved = db_.query("SELECT coalesce(sum(quantity), 0) FROM stock_reservations "
                              "WHERE variant_id = ?1 AND expires_ms > ?2");
    reserved.bind(1, variant_id).bind(2, now_ms).step();
    figures.reserved = reserved.integer(0);
    auto keys = db_.query("SELECT count(*), count(*) FILTER (WHERE order_id IS NULL) FROM licence_keys "
                          "WHERE variant_id = ?1");
    keys.bind(1, variant_id).step();
    if (keys.integer(0) > 0) figures.licence_keys_available = keys.integer(1);
    return figures;
}

void SqliteTransitionalStock::receive(std::string_view movement_id, std::string_view variant_id, int64_t quantity,
                                      int64_t now_ms) {
    db_.query("INSERT INTO stock_levels (variant_id, location_id, on_hand) VALUES (?1, 'default', ?2) "
              "ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = on_hand + ?2")
        .bind(1, variant_id).bind(2, quantity).run();
    db_.query("INSERT INTO stock_movements (id, variant_id, location_id, kind, quantity, reason, created_ms) "
              "VALUES (?1, ?2, 'default', 'receipt', ?3, 'initial stock', ?4)")
        .bind(1, movement_id).bind(2, variant_id).bind(3, quantity).bind(4, now_ms).run();
}

bool SqliteTransitionalStock::take_for_sale(std::string_view movement_id, std::string_view variant_id,
                                            int64_t quantity, int64_t backorder_limit, std::string_view order_id,
                                            int64_t now_ms) {
    // One guarded statement: the check and the decrement cannot be separated by another writer. A variant never
    // stocked has no level yet, which a backorder may create.
    db_.query("UPDATE stock_levels SET on_hand = on_hand - ?2 WHERE variant_id = ?1 AND location_id = 'default' "
              "AND on_hand - ?2 >= -?3")
        .bind(1, variant_id).bind(2, quantity).bind(3, backorder_limit).run();
    if (db_.changes() != 1) {
        db_.query("INSERT INTO stock_levels (variant_id, location_id, on_hand) SELECT ?1, 'default', -?2 "
                  "WHERE ?2 <= ?3 AND NOT EXISTS (SELECT 1 FROM stock_levels WHERE variant_id = ?1 "
                  "AND location_id = 'default')")
            .bind(1, variant_id).bind(2, quantity).bind(3, backorder_limit).run();
        if (db_.changes() != 1) return false;
    }
    db_.query("INSERT INTO stock_movements (id, variant_id, location_id, kind, quantity, reason, reference, created_ms) "
              "VALUES (?1, ?2, 'default', 'sale', ?3, 'order', ?4, ?5)")
        .bind(1, movement_id).bind(2, variant_id).bind(3, -quantity).bind(4, order_id).bind(5, now_ms).run();
    return true;
}

}  // namespace commerce::sqlite
