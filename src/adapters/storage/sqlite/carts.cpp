#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

void SqliteCarts::write_items(const Cart& cart) {
    db_.query("DELETE FROM cart_items WHERE cart_id = ?1").bind(1, cart.id).run();
    int64_t position = 0;
    for (const auto& item : cart.items)
        db_.query("INSERT INTO cart_items (cart_id, position, variant_id, quantity) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, cart.id).bind(2, position++).bind(3, item.variant_id).bind(4, item.quantity).run();
}

void SqliteCarts::insert(const Cart& cart) {
    db_.query("INSERT INTO carts (id, user_id, currency, status, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, cart.id).bind(2, cart.user_id).bind(3, cart.currency->code).bind(4, cart.status)
        .bind(5, cart.created_ms).bind(6, cart.updated_ms).run();
    write_items(cart);
}

void SqliteCarts::save(const Cart& cart) {
    db_.query("UPDATE carts SET status = ?2, updated_ms = ?3 WHERE id = ?1")
        .bind(1, cart.id).bind(2, cart.status).bind(3, cart.updated_ms).run();
    write_items(cart);
}

std::optional<Cart> SqliteCarts::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, user_id, currency, status, created_ms, updated_ms FROM carts WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    Cart cart{.id = row.text(0), .user_id = row.optional_text(1), .currency = &currency(row.text(2)),
              .status = row.text(3), .items = {}, .created_ms = row.integer(4), .updated_ms = row.integer(5)};
    auto items = db_.query("SELECT variant_id, quantity FROM cart_items WHERE cart_id = ?1 ORDER BY position");
    items.bind(1, cart.id);
    while (items.step()) cart.items.push_back({items.text(0), items.integer(1)});
    return cart;
}

}  // namespace commerce::sqlite
