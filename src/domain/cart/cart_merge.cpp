#include "domain/cart/cart_merge.h"

#include "domain/cart/cart_items.h"
#include "domain/cart/cart_pricing_inputs.h"

#include <algorithm>

namespace commerce {

void merge_guest_cart(Cart& user_cart, const Cart& guest, MergePolicy policy, int64_t max_line_quantity) {
    switch (policy) {
    case MergePolicy::keep_user:
        return;
    case MergePolicy::keep_guest:
        user_cart.items = guest.items;
        user_cart.coupon_codes = guest.coupon_codes;
        user_cart.shipping_address = guest.shipping_address;
        user_cart.shipping_method = guest.shipping_method;
        user_cart.display_currency = guest.display_currency;
        return;
    case MergePolicy::merge_quantities:
        for (const auto& line : guest.items) {
            auto same = std::find_if(user_cart.items.begin(), user_cart.items.end(),
                                     [&](const CartItem& item) { return item.variant_id == line.variant_id; });
            if (same == user_cart.items.end()) {
                if (user_cart.items.size() < kMaxCartLines) user_cart.items.push_back(line);
            } else
                same->quantity = std::min(same->quantity + line.quantity, max_line_quantity);
        }
        for (const auto& code : guest.coupon_codes)
            if (user_cart.coupon_codes.size() < kMaxCartCoupons &&
                std::find(user_cart.coupon_codes.begin(), user_cart.coupon_codes.end(), code) ==
                    user_cart.coupon_codes.end())
                user_cart.coupon_codes.push_back(code);
        if (!user_cart.shipping_address) user_cart.shipping_address = guest.shipping_address;
        if (!user_cart.display_currency) user_cart.display_currency = guest.display_currency;
        return;
    }
}

}  // namespace commerce
