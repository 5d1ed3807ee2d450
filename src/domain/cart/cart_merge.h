// Folding a guest's cart into the cart of the user who just logged in (docs/carts.md "Logging in"). Pure: the
// flow finds the two carts, calls this, and saves.
#pragma once

#include "domain/cart/cart.h"
#include "domain/cart/settings.h"

namespace commerce {

// Changes `user_cart` by the policy: merge_quantities adds each guest line (a quantity is capped at
// max_line_quantity and lines beyond the cart's limit are left out, never refused: the shopper chose both), keeps the user's coupons then the guest's (up to the
// cart's limit) and the user's address unless only the guest gave one; keep_user leaves it; keep_guest takes the
// guest's lines, coupons, address and shipping method.
void merge_guest_cart(Cart& user_cart, const Cart& guest, MergePolicy policy, int64_t max_line_quantity);

}  // namespace commerce
