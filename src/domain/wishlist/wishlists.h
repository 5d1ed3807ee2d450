// The rules of wishlists: names, notes and bounds, ownership, items, and read-only sharing by a bearer token.
// Pure of the catalog: the flows resolve which variant an item names and what it shows.
#pragma once

#include "core/ids.h"
#include "domain/wishlist/wishlist.h"
#include "ports/storage.h"

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// The name trimmed of surrounding white space; INVALID_ARGUMENT (field "name") reason "empty" or "too_long".
std::string wishlist_name(std::string_view text);

// A note trimmed; "" is no note. INVALID_ARGUMENT (field "note", reason "too_long") above 500 characters.
std::optional<std::string> wishlist_note(std::string_view text);

// A new list for the user. EXISTS (reason "duplicate") when the user has a list of that name; INVALID_ARGUMENT
// (reason "limit_reached") when they have 50 already.
Wishlist create_wishlist(Transaction& tx, IdGenerator& ids, int64_t now_ms, std::string_view user_id,
                         const std::string& name);

// The list, if it is the user's: NOT_FOUND for an unknown id, FORBIDDEN for another user's list.
Wishlist owned_wishlist(Transaction& tx, std::string_view wishlist_id, std::string_view user_id);

void rename_wishlist(Transaction& tx, Wishlist& wishlist, const std::string& name, int64_t now_ms);

// Puts the variant on the list. Adding it again changes nothing but the note, when one is given. INVALID_ARGUMENT
// (field "item_id", reason "limit_reached") for a 501st item.
void add_to_wishlist(Transaction& tx, Wishlist& wishlist, std::string_view variant_id,
                     const std::optional<std::string>& note, int64_t now_ms);

// NOT_FOUND (field "item_id") when the variant is not on the list.
void remove_from_wishlist(Transaction& tx, Wishlist& wishlist, std::string_view variant_id, int64_t now_ms);

// Issues a new share token (256 random bits, base64url) and returns it; the token issued before stops working.
std::string share_wishlist(Transaction& tx, Wishlist& wishlist, int64_t now_ms);

// Revokes the share token, if any.
void unshare_wishlist(Transaction& tx, Wishlist& wishlist, int64_t now_ms);

// The list a share token opens; NOT_FOUND (field "token", reason "unknown_token") for a token never issued,
// rotated or revoked.
Wishlist shared_wishlist(Transaction& tx, std::string_view token);

}  // namespace commerce
