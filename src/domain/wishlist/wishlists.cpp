#include "domain/wishlist/wishlists.h"

#include "core/crypto.h"
#include "core/encoding.h"
#include "core/error.h"
#include "core/text.h"

#include <fmt/format.h>

namespace commerce {
namespace {

std::string_view trimmed(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// Hashing first makes the lookup independent of the token's content: no timing oracle on a prefix.
std::string share_hash(std::string_view token) { return sha256_hex(token); }

}  // namespace

std::string wishlist_name(std::string_view text) {
    const std::string_view name = trimmed(text);
    if (name.empty()) throw_invalid("name", "empty", "a wishlist needs a name");
    if (count_code_points(name) > kMaxWishlistNameChars)
        throw_invalid("name", "too_long",
                      fmt::format("a wishlist name has at most {} characters", kMaxWishlistNameChars));
    return std::string(name);
}

std::optional<std::string> wishlist_note(std::string_view text) {
    const std::string_view note = trimmed(text);
    if (note.empty()) return std::nullopt;
    if (count_code_points(note) > kMaxWishlistNoteChars)
        throw_invalid("note", "too_long", fmt::format("a note has at most {} characters", kMaxWishlistNoteChars));
    return std::string(note);
}

Wishlist create_wishlist(Transaction& tx, IdGenerator& ids, int64_t now_ms, std::string_view user_id,
                         const std::string& name) {
    if (static_cast<int64_t>(tx.wishlists().for_user(user_id).size()) >= kMaxWishlistsPerUser)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("a user has at most {} wishlists", kMaxWishlistsPerUser),
                    {{"field", "name"}, {"reason", "limit_reached"}, {"limit", kMaxWishlistsPerUser}});
    if (tx.wishlists().by_name(user_id, name))
        throw Error(COMMERCE_ERR_EXISTS, fmt::format("you already have a wishlist named '{}'", name),
                    {{"field", "name"}, {"reason", "duplicate"}});
    Wishlist wishlist{.id = ids.next(), .user_id = std::string(user_id), .name = name, .share_token_hash = std::nullopt,
                      .shared_ms = std::nullopt, .item_count = 0, .created_ms = now_ms, .updated_ms = now_ms};
    tx.wishlists().insert(wishlist);
    return wishlist;
}

Wishlist owned_wishlist(Transaction& tx, std::string_view wishlist_id, std::string_view user_id) {
    auto wishlist = tx.wishlists().by_id(wishlist_id);
    if (!wishlist)
        throw_not_found("wishlist_id", std::string(wishlist_id), fmt::format("no wishlist with id '{}'", wishlist_id));
    if (wishlist->user_id != user_id)
        throw Error(COMMERCE_ERR_FORBIDDEN, "this wishlist belongs to another user",
                    {{"field", "wishlist_id"}, {"reason", "not_owner"}});
    return *wishlist;
}

void rename_wishlist(Transaction& tx, Wishlist& wishlist, const std::string& name, int64_t now_ms) {
    if (name == wishlist.name) return;
    if (tx.wishlists().by_name(wishlist.user_id, name))
        throw Error(COMMERCE_ERR_EXISTS, fmt::format("you already have a wishlist named '{}'", name),
                    {{"field", "name"}, {"reason", "duplicate"}});
    wishlist.name = name;
    wishlist.updated_ms = now_ms;
    tx.wishlists().update(wishlist);
}

void add_to_wishlist(Transaction& tx, Wishlist& wishlist, std::string_view variant_id,
                     const std::optional<std::string>& note, int64_t now_ms) {
    auto held = tx.wishlists().item(wishlist.id, variant_id);
    if (held && (!note || note == held->note)) return;  // already there as asked: nothing to write
    if (!held && wishlist.item_count >= kMaxWishlistItems)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("a wishlist holds at most {} items", kMaxWishlistItems),
                    {{"field", "item_id"}, {"reason", "limit_reached"}, {"limit", kMaxWishlistItems}});
    tx.wishlists().put_item({.wishlist_id = wishlist.id, .variant_id = std::string(variant_id), .product_id = "",
                             .note = note ? note : (held ? held->note : std::nullopt),
                             .added_ms = held ? held->added_ms : now_ms});
    if (!held) ++wishlist.item_count;
    wishlist.updated_ms = now_ms;
    tx.wishlists().update(wishlist);
}

void remove_from_wishlist(Transaction& tx, Wishlist& wishlist, std::string_view variant_id, int64_t now_ms) {
    if (!tx.wishlists().item(wishlist.id, variant_id))
        throw_not_found("item_id", std::string(variant_id),
                        fmt::format("the wishlist has no item for variant '{}'", variant_id));
    tx.wishlists().remove_item(wishlist.id, variant_id);
    --wishlist.item_count;
    wishlist.updated_ms = now_ms;
    tx.wishlists().update(wishlist);
}

std::string share_wishlist(Transaction& tx, Wishlist& wishlist, int64_t now_ms) {
    std::string token = base64url_encode(random_bytes(32));
    wishlist.share_token_hash = share_hash(token);
    wishlist.shared_ms = now_ms;
    wishlist.updated_ms = now_ms;
    tx.wishlists().update(wishlist);
    return token;
}

void unshare_wishlist(Transaction& tx, Wishlist& wishlist, int64_t now_ms) {
    if (!wishlist.share_token_hash) return;
    wishlist.share_token_hash.reset();
    wishlist.shared_ms.reset();
    wishlist.updated_ms = now_ms;
    tx.wishlists().update(wishlist);
}

Wishlist shared_wishlist(Transaction& tx, std::string_view token) {
    auto wishlist = token.empty() ? std::nullopt : tx.wishlists().by_share_hash(share_hash(token));
    if (!wishlist)
        throw Error(COMMERCE_ERR_NOT_FOUND, "no wishlist is shared with this token",
                    {{"field", "token"}, {"reason", "unknown_token"}});
    return *wishlist;
}

}  // namespace commerce
