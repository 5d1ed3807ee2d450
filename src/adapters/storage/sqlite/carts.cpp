#include "adapters/storage/sqlite/repositories.h"

#include <nlohmann/json.hpp>

#include <string_view>
#include <type_traits>

namespace commerce::sqlite {
namespace {

std::optional<std::string> address_text(const std::optional<CartAddress>& address) {
    if (!address) return std::nullopt;
    nlohmann::json value = {{"country", address->country}};
    if (address->region) value["region"] = *address->region;
    if (address->postal_code) value["postal_code"] = *address->postal_code;
    return value.dump();
}

std::optional<CartAddress> address_of(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    const auto value = nlohmann::json::parse(*text);
    CartAddress address{value.at("country").get<std::string>(), std::nullopt, std::nullopt};
    if (value.contains("region")) address.region = value["region"].get<std::string>();
    if (value.contains("postal_code")) address.postal_code = value["postal_code"].get<std::string>();
    return address;
}

// A stored JSON list or map. Most carts hold no coupon and most lines no attributes: their "[]" or "{}" needs no
// parser, and a cart is read on every call.
template <typename Value>
Value stored_json(const std::string& text) {
    constexpr std::string_view empty = std::is_same_v<Value, std::vector<std::string>> ? "[]" : "{}";
    if (text == empty) return {};
    return nlohmann::json::parse(text).get<Value>();
}

const Currency* currency_or_null(const std::optional<std::string>& code) { return code ? &currency(*code) : nullptr; }

}  // namespace

void SqliteCarts::write_items(const Cart& cart) {
    db_.query("DELETE FROM cart_items WHERE cart_id = ?1").bind(1, cart.id).run();
    int64_t position = 0;
    for (const auto& item : cart.items)
        db_.query("INSERT INTO cart_items (cart_id, position, variant_id, quantity, note, attributes) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            .bind(1, cart.id).bind(2, position++).bind(3, item.variant_id).bind(4, item.quantity).bind(5, item.note)
            .bind(6, nlohmann::json(item.attributes).dump()).run();
}

void SqliteCarts::insert(const Cart& cart) {
    db_.query("INSERT INTO carts (id, user_id, currency, status, created_ms, updated_ms, channel, shipping_address, "
              "coupon_codes, shipping_method, display_currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .bind(1, cart.id).bind(2, cart.user_id).bind(3, cart.currency->code).bind(4, cart.status)
        .bind(5, cart.created_ms).bind(6, cart.updated_ms).bind(7, cart.channel)
        .bind(8, address_text(cart.shipping_address)).bind(9, nlohmann::json(cart.coupon_codes).dump())
        .bind(10, cart.shipping_method).bind(11, cart.display_currency).run();
    write_items(cart);
}

void SqliteCarts::save(const Cart& cart) {
    db_.query("UPDATE carts SET status = ?2, updated_ms = ?3, channel = ?4, shipping_address = ?5, coupon_codes = ?6, "
              "shipping_method = ?7, user_id = ?8, display_currency = ?9, abandoned_ms = NULL, "
              "recovery_token_hash = NULL WHERE id = ?1")
        .bind(1, cart.id).bind(2, cart.status).bind(3, cart.updated_ms).bind(4, cart.channel)
        .bind(5, address_text(cart.shipping_address)).bind(6, nlohmann::json(cart.coupon_codes).dump())
        .bind(7, cart.shipping_method).bind(8, cart.user_id).bind(9, cart.display_currency).run();
    write_items(cart);
}

#define CART_COLUMNS \
    "SELECT id, user_id, currency, status, created_ms, updated_ms, channel, shipping_address, coupon_codes, " \
    "shipping_method, display_currency FROM carts "

std::optional<Cart> SqliteCarts::by_id(std::string_view id) {
    auto row = db_.query(CART_COLUMNS "WHERE id = ?1");
    row.bind(1, id);
    return first_of(row);
}

std::optional<Cart> SqliteCarts::latest_open_for_user(std::string_view user_id, std::string_view currency,
                                                      std::string_view except_id) {
    auto row = db_.query(CART_COLUMNS "WHERE user_id = ?1 AND status = 'open' AND currency = ?2 AND id <> ?3 "
                                      "ORDER BY updated_ms DESC, id DESC LIMIT 1");
    row.bind(1, user_id).bind(2, currency).bind(3, except_id);
    return first_of(row);
}

std::optional<Cart> SqliteCarts::by_recovery_token(std::string_view token_hash) {
    auto row = db_.query(CART_COLUMNS "WHERE recovery_token_hash = ?1");
    row.bind(1, token_hash);
    return first_of(row);
}

std::vector<std::string> SqliteCarts::newly_abandoned(int64_t idle_before_ms, int64_t limit) {
    auto rows = db_.query("SELECT id FROM carts WHERE status = 'open' AND updated_ms < ?1 AND abandoned_ms IS NULL "
                          "AND EXISTS (SELECT 1 FROM cart_items WHERE cart_id = carts.id) "
                          "ORDER BY updated_ms, id LIMIT ?2");
    rows.bind(1, idle_before_ms).bind(2, limit);
    std::vector<std::string> ids;
    while (rows.step()) ids.push_back(rows.text(0));
    return ids;
}

void SqliteCarts::mark_abandoned(std::string_view id, int64_t at_ms, std::string_view token_hash) {
    db_.query("UPDATE carts SET abandoned_ms = ?2, recovery_token_hash = ?3 WHERE id = ?1")
        .bind(1, id).bind(2, at_ms).bind(3, token_hash).run();
}

int64_t SqliteCarts::delete_idle(int64_t idle_before_ms, int64_t limit) {
    db_.query("DELETE FROM carts WHERE id IN (SELECT id FROM carts WHERE status <> 'completed' AND updated_ms < ?1 "
              "ORDER BY updated_ms LIMIT ?2)")
        .bind(1, idle_before_ms).bind(2, limit).run();
    return db_.changes();
}

std::optional<Cart> SqliteCarts::first_of(Query& row) {
    if (!row.step()) return std::nullopt;
    Cart cart{.id = row.text(0), .user_id = row.optional_text(1), .currency = &currency(row.text(2)),
              .status = row.text(3), .items = {}, .channel = row.text(6),
              .shipping_address = address_of(row.optional_text(7)),
              .coupon_codes = stored_json<std::vector<std::string>>(row.text(8)),
              .shipping_method = row.optional_text(9),
              .display_currency = currency_or_null(row.optional_text(10)),
              .created_ms = row.integer(4), .updated_ms = row.integer(5)};
    auto items = db_.query("SELECT variant_id, quantity, note, attributes FROM cart_items WHERE cart_id = ?1 "
                           "ORDER BY position");
    items.bind(1, cart.id);
    while (items.step())
        cart.items.push_back({items.text(0), items.integer(1), items.optional_text(2),
                              stored_json<std::map<std::string, std::string>>(items.text(3))});
    return cart;
}

}  // namespace commerce::sqlite
