// Changing what a cart holds. Pure functions on the Cart value: the flows load, check products, and save.
#pragma once

#include "domain/cart/cart.h"

#include <string_view>

namespace commerce {

inline constexpr int64_t kMaxLineQuantity = 1'000'000;  // the most a store may allow (CartSettings)
inline constexpr std::size_t kMaxCartLines = 500;

// A cart can change only while open; ILLEGAL_STATE with the current status otherwise.
void require_open(const Cart& cart);

// A resulting quantity outside 1..max_quantity is INVALID_ARGUMENT (field "quantity", reason "out_of_range").
void add_quantity(Cart& cart, std::string_view variant_id, int64_t quantity, int64_t max_quantity);
void set_quantity(Cart& cart, std::string_view variant_id, int64_t quantity, int64_t max_quantity);
void remove_line(Cart& cart, std::string_view variant_id);

}  // namespace commerce
