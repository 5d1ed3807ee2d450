#include "flows/wishlist_views.h"

#include "domain/inventory/queries.h"

#include <map>

namespace commerce::flows {

std::vector<WishlistItemView> wishlist_item_views(Transaction& tx, const Wishlist& wishlist, const Currency* currency,
                                                  int64_t now_ms) {
    std::vector<WishlistItemView> views;
    std::map<std::string, Product> products;  // a list often holds several variants of one product
    for (auto& item : tx.wishlists().items(wishlist.id)) {
        auto found = products.find(item.product_id);
        if (found == products.end())
            found = products.emplace(item.product_id, *tx.products().by_id(item.product_id)).first;
        const Product& product = found->second;
        const Variant& variant = *product.variant(item.variant_id);  // items go with their variant
        std::vector<Money> prices = variant.prices;
        if (currency) {
            const auto price = variant.price_in(*currency);
            prices = price ? std::vector<Money>{*price} : std::vector<Money>{};
        }
        const bool stocked = in_stock(tx.stock_ledger(), variant.id, product.kind == kPhysical, now_ms);
        views.push_back({.item = std::move(item), .title = product.title, .sku = variant.sku,
                         .options = variant.options, .prices = std::move(prices),
                         .on_sale = product.visible_at(now_ms), .in_stock = stocked});
    }
    return views;
}

}  // namespace commerce::flows
