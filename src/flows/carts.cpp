#include "flows/carts.h"

#include "core/text.h"
#include "domain/cart/cart_items.h"
#include "flows/access.h"
#include "flows/priced_cart.h"

namespace commerce::flows {
namespace {

// Loads the caller's cart, applies change to it, saves it, and returns the priced document.
template <typename Change>
nlohmann::json change_cart(Engine& engine, const char* session, const char* cart_id, Change change) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(cart_id, "cart_id");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        Cart cart = accessible_cart(tx, id, optional_actor(engine, tx, token));
        change(tx, cart);
        cart.updated_ms = engine.clock().now_ms();
        tx.carts().save(cart);
        document = cart_document(price_cart(tx, cart));
    });
    return document;
}

}  // namespace

nlohmann::json create_cart(Engine& engine, const char* session, const char* currency_code) {
    const std::string_view token = optional_text(session, "session");
    const Currency& cart_currency = currency(checked_text(currency_code, "currency"));
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const auto actor = optional_actor(engine, tx, token);
        const int64_t now = engine.clock().now_ms();
        Cart cart{.id = engine.ids().next(),
                  .user_id = actor ? std::optional(actor->user_id) : std::nullopt,
                  .currency = &cart_currency, .status = std::string(kCartOpen), .items = {},
                  .created_ms = now, .updated_ms = now};
        tx.carts().insert(cart);
        document = cart_document(price_cart(tx, cart));
    });
    return document;
}

nlohmann::json get_cart(Engine& engine, const char* session, const char* cart_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(cart_id, "cart_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = cart_document(price_cart(tx, accessible_cart(tx, id, optional_actor(engine, tx, token))));
    });
    return document;
}

nlohmann::json add_item(Engine& engine, const char* session, const char* cart_id, const char* item_id,
                        int64_t quantity) {
    const std::string_view item = checked_text(item_id, "item_id");
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart) {
        require_open(cart);
        add_quantity(cart, sellable_variant(tx, item, *cart.currency, engine.now_ms()).variant.id, quantity);
    });
}

// Update and remove also work on a line whose product has left the shop, so they only resolve the id.
nlohmann::json update_item(Engine& engine, const char* session, const char* cart_id, const char* item_id,
                           int64_t quantity) {
    const std::string_view item = checked_text(item_id, "item_id");
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart) {
        require_open(cart);
        set_quantity(cart, named_variant(tx, item).variant_id, quantity);
    });
}

nlohmann::json remove_item(Engine& engine, const char* session, const char* cart_id, const char* item_id) {
    const std::string_view item = checked_text(item_id, "item_id");
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart) {
        require_open(cart);
        remove_line(cart, named_variant(tx, item).variant_id);
    });
}

}  // namespace commerce::flows
