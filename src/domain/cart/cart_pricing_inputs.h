// What a cart carries for pricing besides its lines: coupon codes, the shipping address that picks the tax zone,
// and the sales channel. Pure changes on the Cart value; the flows check them against promotions and save.
#pragma once

#include "core/json_input.h"
#include "domain/cart/cart.h"

#include <string_view>

namespace commerce {

inline constexpr std::size_t kMaxCartCoupons = 5;

// Adds a normalized code (a code already held is left as it is). INVALID_ARGUMENT (field "code", reason
// "too_many") beyond kMaxCartCoupons.
void enter_coupon(Cart& cart, std::string_view code);

// Removes a code the cart holds; NOT_FOUND (field "code") otherwise.
void withdraw_coupon(Cart& cart, std::string_view code);

// {"country": "DE", "region": "BY", "postal_code": "80331"}: country two letters, region 1 to 8 letters or
// digits, postal code 1 to 16 of letters, digits, spaces and '-', stored uppercase. INVALID_ARGUMENT naming
// "shipping_address.<member>" with reason "format", "required" or "unknown_member".
CartAddress parse_cart_address(const json& value);

// "web", "pos" or a shop's own channel name: 1 to 32 of a-z, 0-9, '_' and '-'. INVALID_ARGUMENT (field
// "channel", reason "format") otherwise.
std::string checked_channel(std::string_view channel);

}  // namespace commerce
