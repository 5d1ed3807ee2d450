// Use cases of wishlists, behind include/commerce/wishlist.h. Every call but the shared view needs the owner's
// session; a list is private to its owner.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json create_wishlist(Engine& engine, const char* session, const char* name);
nlohmann::json rename_wishlist(Engine& engine, const char* session, const char* wishlist_id, const char* name);
void delete_wishlist(Engine& engine, const char* session, const char* wishlist_id);
nlohmann::json list_wishlists(Engine& engine, const char* session);
nlohmann::json get_wishlist(Engine& engine, const char* session, const char* wishlist_id, const char* currency_code);
nlohmann::json add_wishlist_item(Engine& engine, const char* session, const char* wishlist_id, const char* item_id,
                                 const char* note);
nlohmann::json remove_wishlist_item(Engine& engine, const char* session, const char* wishlist_id,
                                    const char* item_id);
nlohmann::json move_wishlist_item_to_cart(Engine& engine, const char* session, const char* wishlist_id,
                                          const char* item_id, const char* cart_id, int64_t quantity);
nlohmann::json share_wishlist(Engine& engine, const char* session, const char* wishlist_id);
void unshare_wishlist(Engine& engine, const char* session, const char* wishlist_id);
nlohmann::json shared_wishlist(Engine& engine, const char* token, const char* currency_code);

}  // namespace commerce::flows
