#include "flows/carts.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/text.h"
#include "domain/cart/cart_items.h"
#include "domain/cart/cart_pricing_inputs.h"
#include "domain/inventory/sales.h"
#include "domain/promotion/promotion_input.h"
#include "flows/access.h"
#include "flows/currencies.h"
#include "flows/priced_cart.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce::flows {
namespace {

// Loads the caller's cart, applies change to it, saves it, and returns the priced document.
template <typename Change>
nlohmann::json change_cart(Engine& engine, const char* session, const char* cart_id, Change change) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(cart_id, "cart_id");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const auto actor = optional_actor(engine, tx, token);
        Cart cart = accessible_cart(tx, id, actor);
        change(tx, cart, actor);
        cart.updated_ms = engine.clock().now_ms();
        tx.carts().save(cart);
        document = cart_document(price_cart(tx, std::move(cart), engine.now_ms()));
    });
    return document;
}

// A coupon code as carts hold it (normalized); INVALID_ARGUMENT (field "code", reason "format") otherwise.
std::string coupon_code(const char* code) {
    auto normalized = normalized_code(checked_text(code, "code"));
    if (!normalized) throw_invalid("code", "format", "a coupon code is 1 to 64 of A-Z, 0-9, '-' and '_'");
    return *normalized;
}

// The line's new quantity must be in stock now (docs/carts.md): the shopper learns of a shortage as they change
// the cart rather than at checkout, which judges stock again.
void require_line_in_stock(Engine& engine, Transaction& tx, const Cart& cart, std::string_view variant_id) {
    for (const auto& item : cart.items)
        if (item.variant_id == variant_id)
            require_sellable(tx, variant_id, item.quantity, cart.id, engine.now_ms());
}

}  // namespace

void add_sellable(Engine& engine, Transaction& tx, Cart& cart, std::string_view item_id, int64_t quantity) {
    require_open(cart);
    const std::string variant_id = sellable_variant(tx, item_id, *cart.currency, engine.now_ms()).variant->id;
    add_quantity(cart, variant_id, quantity, engine.carts().max_line_quantity);
    require_line_in_stock(engine, tx, cart, variant_id);
}

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
                  .channel = std::string(kChannelWeb), .shipping_address = std::nullopt, .coupon_codes = {},
                  .shipping_method = std::nullopt, .display_currency = nullptr,
                  .created_ms = now, .updated_ms = now};
        tx.carts().insert(cart);
        document = cart_document(price_cart(tx, std::move(cart), now));
    });
    return document;
}

namespace {

// Prices the caller's cart as it stands and makes a document of it, in one read transaction.
template <typename Document>
nlohmann::json priced_document(Engine& engine, const char* session, const char* cart_id, Document document_of) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(cart_id, "cart_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = document_of(
            price_cart(tx, accessible_cart(tx, id, optional_actor(engine, tx, token)), engine.now_ms()));
    });
    return document;
}

}  // namespace

nlohmann::json get_cart(Engine& engine, const char* session, const char* cart_id) {
    return priced_document(engine, session, cart_id, cart_document);
}

nlohmann::json get_cart_totals(Engine& engine, const char* session, const char* cart_id) {
    return priced_document(engine, session, cart_id, cart_totals_document);
}

nlohmann::json find_open_cart(Engine& engine, const char* session, const char* currency_code) {
    const std::string_view token = optional_text(session, "session");
    const Currency& wanted = currency(checked_text(currency_code, "currency"));
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);  // a guest has no carts but those whose ids it holds
        auto cart = tx.carts().latest_open_for_user(actor.user_id, wanted.code, "");
        if (!cart)
            throw_not_found("currency", std::string(wanted.code),
                            fmt::format("the user has no open cart in {}", wanted.code));
        document = cart_document(price_cart(tx, std::move(*cart), engine.now_ms()));
    });
    return document;
}

nlohmann::json add_item(Engine& engine, const char* session, const char* cart_id, const char* item_id,
                        int64_t quantity) {
    const std::string_view item = checked_text(item_id, "item_id");
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart, const std::optional<Actor>&) {
        add_sellable(engine, tx, cart, item, quantity);
    });
}

// Update and remove also work on a line whose product has left the shop, so they only resolve the id.
nlohmann::json update_item(Engine& engine, const char* session, const char* cart_id, const char* item_id,
                           int64_t quantity) {
    const std::string_view item = checked_text(item_id, "item_id");
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart, const std::optional<Actor>&) {
        require_open(cart);
        const std::string variant_id = named_variant(tx, item).variant_id;
        set_quantity(cart, variant_id, quantity, engine.carts().max_line_quantity);
        require_line_in_stock(engine, tx, cart, variant_id);
    });
}

nlohmann::json remove_item(Engine& engine, const char* session, const char* cart_id, const char* item_id) {
    const std::string_view item = checked_text(item_id, "item_id");
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart, const std::optional<Actor>&) {
        require_open(cart);
        remove_line(cart, named_variant(tx, item).variant_id);
    });
}

nlohmann::json set_item_details(Engine& engine, const char* session, const char* cart_id, const char* item_id,
                                const char* details_json) {
    const std::string_view item = checked_text(item_id, "item_id");
    const json details = parse_object(details_json, "details");
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart, const std::optional<Actor>&) {
        set_line_details(cart, named_variant(tx, item).variant_id, details);
    });
}

// The coupon must apply to the cart as it is now: an unknown code, or one whose promotion does not apply (with
// the engine's reason), is COUPON_NOT_APPLICABLE and the cart keeps its codes.
nlohmann::json apply_coupon(Engine& engine, const char* session, const char* cart_id, const char* code) {
    const std::string entered = coupon_code(code);
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart, const std::optional<Actor>&) {
        require_open(cart);
        const auto promotion = tx.promotions().by_code(entered);
        for (const auto& held : cart.coupon_codes) {
            const auto other = tx.promotions().by_code(held);
            if (promotion && other && held != entered && other->id == promotion->id)
                throw Error(COMMERCE_ERR_COUPON_NOT_APPLICABLE,
                            fmt::format("the cart already holds a code of this promotion ({})", held),
                            {{"code", entered}, {"reason", "same_promotion"}, {"held_code", held}});
        }
        enter_coupon(cart, entered);
        const PricedCart priced = price_cart(tx, cart, engine.now_ms());
        const PromotionOutcome& outcome = priced.promotions;
        for (const auto& missed : outcome.not_applied)
            if (missed.code == entered)
                throw Error(COMMERCE_ERR_COUPON_NOT_APPLICABLE,
                            fmt::format("coupon {} does not apply: {}", entered, missed.reason),
                            {{"code", entered}, {"reason", missed.reason}, {"promotion_id", missed.promotion_id}});
        if (std::find(outcome.unknown_codes.begin(), outcome.unknown_codes.end(), entered) !=
            outcome.unknown_codes.end())
            throw Error(COMMERCE_ERR_COUPON_NOT_APPLICABLE, fmt::format("no active promotion has the code {}", entered),
                        {{"code", entered}, {"reason", "unknown_code"}});
    });
}

nlohmann::json remove_coupon(Engine& engine, const char* session, const char* cart_id, const char* code) {
    const std::string entered = coupon_code(code);
    return change_cart(engine, session, cart_id, [&](Transaction&, Cart& cart, const std::optional<Actor>&) {
        require_open(cart);
        withdraw_coupon(cart, entered);
    });
}

// Members: "shipping_address" (an address, or null to clear it), "channel", "shipping_method" (the id of a
// method the cart is offered once the other changes are made, or null) and "display_currency" (a currency with a
// rate in force from the cart's, or null). Selling on another channel than the web is staff work
// ("orders.manage"): channels decide which promotions apply.
nlohmann::json update_cart(Engine& engine, const char* session, const char* cart_id, const char* changes_json) {
    const json changes = parse_object(changes_json, "changes");
    reject_unknown_members(changes, "cart changes",
                           {"shipping_address", "channel", "shipping_method", "display_currency"});
    std::optional<std::optional<CartAddress>> address;  // outer: given at all; inner: null clears it
    if (changes.contains("shipping_address")) {
        address.emplace();
        if (!changes["shipping_address"].is_null()) *address = parse_cart_address(changes["shipping_address"]);
    }
    std::optional<std::string> channel;
    if (changes.contains("channel")) {
        if (!changes["channel"].is_string()) throw_invalid("channel", "type", "channel must be a string");
        channel = checked_channel(changes["channel"].get<std::string>());
    }
    std::optional<std::optional<std::string>> method;  // outer: given at all; inner: null clears it
    if (changes.contains("shipping_method")) {
        method.emplace();
        if (!changes["shipping_method"].is_null()) {
            if (!changes["shipping_method"].is_string())
                throw_invalid("shipping_method", "type", "shipping_method must be a method's id or null");
            *method = changes["shipping_method"].get<std::string>();
        }
    }
    std::optional<const Currency*> display;  // given at all; nullptr clears it
    if (changes.contains("display_currency"))
        display = changes["display_currency"].is_null()
                      ? nullptr
                      : &definition::required_currency_member(changes, "display_currency", "display_currency");
    return change_cart(engine, session, cart_id, [&](Transaction& tx, Cart& cart, const std::optional<Actor>& actor) {
        require_open(cart);
        if (address) cart.shipping_address = *address;
        if (display) {
            if (*display && !rate_between(tx, *cart.currency, **display, engine.now_ms()))
                throw_invalid("display_currency", "no_rate",
                              fmt::format("no rate converts {} into {} now", cart.currency->code, (*display)->code));
            cart.display_currency = *display;
        }
        if (method) {
            cart.shipping_method = *method;
            if (*method && !price_cart(tx, cart, engine.now_ms()).shipping_method)
                throw_invalid("shipping_method", "not_offered",
                              fmt::format("the shipping method '{}' is not offered to this cart", **method));
        }
        if (channel && *channel != cart.channel) {
            if (*channel != kChannelWeb && !(actor && actor->can(permission::orders_manage)))
                throw Error(COMMERCE_ERR_FORBIDDEN, "only staff may sell on another channel than the web",
                            {{"field", "channel"}, {"permission", permission::orders_manage}});
            cart.channel = *channel;
        }
    });
}

}  // namespace commerce::flows
