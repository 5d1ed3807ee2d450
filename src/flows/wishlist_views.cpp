#include "flows/wishlist_views.h"

#include "domain/inventory/queries.h"
#include "flows/price_conversion.h"

#include <map>
#include <optional>

namespace commerce::flows {

std::vector<WishlistItemView> wishlist_item_views(Transaction& tx, const Wishlist& wishlist, const Currency* currency,
                                                  int64_t now_ms) {
    std::vector<WishlistItemView> views;
    std::map<std::string, Product> products;  // a list often holds several variants of one product
    // Read in one currency, an item shows the catalog price a cart in that currency starts from: its set price, or
    // the base price converted at the rate in force (docs/currencies.md).
    std::optional<CatalogPricer> pricer;
    if (currency) pricer.emplace(tx, *currency, now_ms);
    for (auto& item : tx.wishlists().items(wishlist.id)) {
        auto found = products.find(item.product_id);
        if (found == products.end())
            found = products.emplace(item.product_id, *tx.products().by_id(item.product_id)).first;
        const Product& product = found->second;
        const Variant& variant = *product.variant(item.variant_id);  // items go with their variant
        std::vector<Money> prices = variant.prices;
        if (pricer) {
            const auto price = pricer->unit_price(variant);
            prices = price ? std::vector<Money>{price->amount} : std::vector<Money>{};
        }
        const bool stocked = in_stock(tx.stock_ledger(), variant.id, product.kind == kPhysical, now_ms);
        views.push_back({.item = std::move(item), .title = product.title, .sku = variant.sku,
                         .options = variant.options, .prices = std::move(prices),
                         .on_sale = product.visible_at(now_ms), .in_stock = stocked});
    }
    return views;
}

}  // namespace commerce::flows
