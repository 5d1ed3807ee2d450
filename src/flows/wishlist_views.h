// What a wishlist's items show, read from the catalog and the stock ledger at read time: a list never copies a
// title or a price, so it cannot go stale.
#pragma once

#include "core/currency.h"
#include "domain/wishlist/document.h"
#include "ports/storage.h"

#include <vector>

namespace commerce::flows {

// currency: only the price in it (none when the variant has no price there), or every price for nullptr.
std::vector<WishlistItemView> wishlist_item_views(Transaction& tx, const Wishlist& wishlist, const Currency* currency,
                                                  int64_t now_ms);

}  // namespace commerce::flows
