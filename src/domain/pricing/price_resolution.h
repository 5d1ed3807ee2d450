// Which unit price a cart line pays, given the variant's catalog price and the lists that apply. The rule
// (docs/price-lists.md):
//   1. a list's price for the line is its price in the cart's currency with the highest min_quantity not above
//      the line's quantity (quantity tiers);
//   2. if an "override" list has a price for the line, the lowest such price wins, above the catalog price or not;
//   3. otherwise the lowest of the catalog price and every "sale" list's price wins; a sale that is not cheaper
//      than the catalog price is not shown;
//   4. between equal prices the list with the smaller id wins, so the result never depends on input order.
#pragma once

#include "domain/pricing/price_list.h"

#include <optional>
#include <string>
#include <vector>

namespace commerce {

struct ResolvedPrice {
    Money unit_price;
    std::optional<std::string> price_list_id;  // the list whose price won; nullopt for the catalog price
};

// lists: those whose conditions hold (list_applies); each one's prices may cover any variants and currencies.
ResolvedPrice resolve_unit_price(const Money& catalog_price, std::string_view variant_id, int64_t quantity,
                                 const std::vector<const PriceList*>& lists);

}  // namespace commerce
