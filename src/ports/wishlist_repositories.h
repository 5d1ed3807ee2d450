// The storage port for wishlists and their items.
#pragma once

#include "domain/wishlist/wishlist.h"

#include <optional>
#include <string_view>
#include <vector>

namespace commerce {

class WishlistRepository {
public:
    virtual ~WishlistRepository() = default;
    virtual void insert(const Wishlist& wishlist) = 0;
    // Writes the name, the share token's hash and time, and the updated time.
    virtual void update(const Wishlist& wishlist) = 0;
    virtual void remove(std::string_view id) = 0;  // its items go with it
    virtual std::optional<Wishlist> by_id(std::string_view id) = 0;
    virtual std::optional<Wishlist> by_share_hash(std::string_view token_hash) = 0;
    // The user's lists, oldest first.
    virtual std::vector<Wishlist> for_user(std::string_view user_id) = 0;
    // The user's list with this name, if any.
    virtual std::optional<Wishlist> by_name(std::string_view user_id, std::string_view name) = 0;
    virtual void remove_all_for_user(std::string_view user_id) = 0;

    // A list's items in the order they were first added.
    virtual std::vector<WishlistItem> items(std::string_view wishlist_id) = 0;
    virtual std::optional<WishlistItem> item(std::string_view wishlist_id, std::string_view variant_id) = 0;
    // Adds the item at the end of the list, or, when the variant is there already, replaces only its note.
    virtual void put_item(const WishlistItem& item) = 0;
    virtual void remove_item(std::string_view wishlist_id, std::string_view variant_id) = 0;
    // Every list that holds the variant, by owner and then list id.
    virtual std::vector<WishlistHolder> holders(std::string_view variant_id) = 0;
};

}  // namespace commerce
