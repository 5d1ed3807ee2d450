#include "flows/wishlists.h"

#include "core/error.h"
#include "core/text.h"
#include "domain/wishlist/document.h"
#include "domain/wishlist/wishlists.h"
#include "flows/access.h"
#include "flows/carts.h"
#include "flows/priced_cart.h"
#include "flows/wishlist_views.h"

#include <fmt/format.h>

namespace commerce::flows {
namespace {

// UTF-8 takes at most 4 bytes a character: these byte bounds stop absurd input before characters are counted.
constexpr std::size_t kMaxNameBytes = 4 * kMaxWishlistNameChars;
constexpr std::size_t kMaxNoteBytes = 4 * kMaxWishlistNoteChars;

// Runs fn on the caller's own list in a write transaction; fn returns the document to answer with.
template <typename Change>
nlohmann::json change_wishlist(Engine& engine, const char* session, const char* wishlist_id, Change change) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(wishlist_id, "wishlist_id");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        Wishlist wishlist = commerce::owned_wishlist(tx, id, actor.user_id);
        document = change(tx, actor, wishlist);
    });
    return document;
}

nlohmann::json owner_document(Engine& engine, Transaction& tx, const Wishlist& wishlist,
                              const Currency* currency = nullptr) {
    return wishlist_document(wishlist, wishlist_item_views(tx, wishlist, currency, engine.now_ms()), currency);
}

const Currency* optional_currency(const char* currency_code) {
    const std::string_view code = optional_text(currency_code, "currency");
    return code.empty() ? nullptr : &currency(code);
}

}  // namespace

nlohmann::json create_wishlist(Engine& engine, const char* session, const char* name) {
    const std::string_view token = optional_text(session, "session");
    const std::string checked = wishlist_name(checked_text(name, "name", kMaxNameBytes));
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = owner_document(engine, tx,
                                  commerce::create_wishlist(tx, engine.ids(), engine.now_ms(), actor.user_id, checked));
    });
    return document;
}

nlohmann::json rename_wishlist(Engine& engine, const char* session, const char* wishlist_id, const char* name) {
    const std::string checked = wishlist_name(checked_text(name, "name", kMaxNameBytes));
    return change_wishlist(engine, session, wishlist_id, [&](Transaction& tx, const Actor&, Wishlist& wishlist) {
        commerce::rename_wishlist(tx, wishlist, checked, engine.now_ms());
        return owner_document(engine, tx, wishlist);
    });
}

void delete_wishlist(Engine& engine, const char* session, const char* wishlist_id) {
    change_wishlist(engine, session, wishlist_id, [&](Transaction& tx, const Actor&, Wishlist& wishlist) {
        tx.wishlists().remove(wishlist.id);
        return nlohmann::json();
    });
}

nlohmann::json list_wishlists(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = wishlist_list_document(tx.wishlists().for_user(session_actor(engine, tx, token).user_id));
    });
    return document;
}

nlohmann::json get_wishlist(Engine& engine, const char* session, const char* wishlist_id, const char* currency_code) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(wishlist_id, "wishlist_id");
    const Currency* wanted = optional_currency(currency_code);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = owner_document(engine, tx, commerce::owned_wishlist(tx, id, actor.user_id), wanted);
    });
    return document;
}

// Only what shoppers may see goes on a list: a draft's title must not leak through a guessed id.
nlohmann::json add_wishlist_item(Engine& engine, const char* session, const char* wishlist_id, const char* item_id,
                                 const char* note) {
    const std::string_view item = checked_text(item_id, "item_id");
    const auto checked_note = wishlist_note(optional_text(note, "note", kMaxNoteBytes));
    return change_wishlist(engine, session, wishlist_id, [&](Transaction& tx, const Actor&, Wishlist& wishlist) {
        const VariantKey key = named_variant(tx, item);
        if (!tx.products().by_id(key.product_id)->visible_at(engine.now_ms()))
            throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("'{}' is not on sale", item),
                        {{"field", "item_id"}, {"item_id", item}, {"reason", "not_on_sale"}});
        commerce::add_to_wishlist(tx, wishlist, key.variant_id, checked_note, engine.now_ms());
        return owner_document(engine, tx, wishlist);
    });
}

nlohmann::json remove_wishlist_item(Engine& engine, const char* session, const char* wishlist_id,
                                    const char* item_id) {
    const std::string_view item = checked_text(item_id, "item_id");
    return change_wishlist(engine, session, wishlist_id, [&](Transaction& tx, const Actor&, Wishlist& wishlist) {
        commerce::remove_from_wishlist(tx, wishlist, named_variant(tx, item).variant_id, engine.now_ms());
        return owner_document(engine, tx, wishlist);
    });
}

// The cart gains the item as commerce_cart_add_item would add it, and the list loses it, in one transaction:
// when the cart refuses (closed, not on sale, no price in its currency, bad quantity) the list keeps it.
nlohmann::json move_wishlist_item_to_cart(Engine& engine, const char* session, const char* wishlist_id,
                                          const char* item_id, const char* cart_id, int64_t quantity) {
    const std::string_view item = checked_text(item_id, "item_id");
    const std::string_view cart_key = checked_text(cart_id, "cart_id");
    return change_wishlist(engine, session, wishlist_id, [&](Transaction& tx, const Actor& actor, Wishlist& wishlist) {
        const int64_t now = engine.now_ms();
        const std::string variant_id = named_variant(tx, item).variant_id;
        commerce::remove_from_wishlist(tx, wishlist, variant_id, now);
        Cart cart = accessible_cart(tx, cart_key, actor);
        add_sellable(engine, tx, cart, variant_id, quantity);
        cart.updated_ms = now;
        tx.carts().save(cart);
        return cart_document(price_cart(tx, std::move(cart), now));
    });
}

nlohmann::json share_wishlist(Engine& engine, const char* session, const char* wishlist_id) {
    return change_wishlist(engine, session, wishlist_id, [&](Transaction& tx, const Actor&, Wishlist& wishlist) {
        const std::string token = commerce::share_wishlist(tx, wishlist, engine.now_ms());
        return wishlist_share_document(wishlist, token);
    });
}

void unshare_wishlist(Engine& engine, const char* session, const char* wishlist_id) {
    change_wishlist(engine, session, wishlist_id, [&](Transaction& tx, const Actor&, Wishlist& wishlist) {
        commerce::unshare_wishlist(tx, wishlist, engine.now_ms());
        return nlohmann::json();
    });
}

nlohmann::json shared_wishlist(Engine& engine, const char* token, const char* currency_code) {
    const std::string_view key = checked_text(token, "token");
    const Currency* wanted = optional_currency(currency_code);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Wishlist wishlist = commerce::shared_wishlist(tx, key);
        document =
            shared_wishlist_document(wishlist, wishlist_item_views(tx, wishlist, wanted, engine.now_ms()), wanted);
    });
    return document;
}

}  // namespace commerce::flows
