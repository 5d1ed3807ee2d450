// The documents of wishlists: "wishlist" (the owner's view), "shared_wishlist" (what a share token shows),
// "wishlist_list" and "wishlist_share".
#pragma once

#include "core/currency.h"
#include "core/money.h"
#include "domain/wishlist/wishlist.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

// An item with what the catalog says of it now; the flows fill it in.
struct WishlistItemView {
    WishlistItem item;
    std::string title;
    std::string sku;
    std::map<std::string, std::string> options;
    std::vector<Money> prices;  // in the currency asked for (none when it has no price in it), or every price
    bool on_sale = false;       // shoppers may buy the product now
    bool in_stock = false;
};

// currency is the one the prices were asked in, or nullptr for every price.
nlohmann::json wishlist_document(const Wishlist& wishlist, const std::vector<WishlistItemView>& items,
                                 const Currency* currency);

// Only what a holder of the share token may see: no owner, no share facts.
nlohmann::json shared_wishlist_document(const Wishlist& wishlist, const std::vector<WishlistItemView>& items,
                                        const Currency* currency);

nlohmann::json wishlist_list_document(const std::vector<Wishlist>& wishlists);

// The token is shown here once; only its hash is kept.
nlohmann::json wishlist_share_document(const Wishlist& wishlist, std::string_view token);

// A list and its items as stored, for the user's data export.
nlohmann::json wishlist_export_json(const Wishlist& wishlist, const std::vector<WishlistItem>& items);

}  // namespace commerce
