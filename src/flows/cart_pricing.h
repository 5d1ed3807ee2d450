// The second half of pricing a cart, once its lines carry catalog prices: the promotions (lane before_tax),
// the taxes on what they left, the promotions of lane after_tax, and the totals. The order is docs/carts.md's.
#pragma once

#include "flows/priced_cart.h"

namespace commerce::flows {

void apply_promotions_and_taxes(Transaction& tx, PricedCart& priced, int64_t now_ms);

}  // namespace commerce::flows
