// Changing what a cart holds. Pure functions on the Cart value: the flows load, check products, and save.
#pragma once

#include "core/json_input.h"
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
// The units the cart holds: Σ of its lines' quantities, what documents and events call its item_count.
int64_t unit_count(const Cart& cart);

inline constexpr std::size_t kMaxLineNote = 500;        // bytes of UTF-8
inline constexpr std::size_t kMaxLineAttributes = 20;
inline constexpr std::size_t kMaxAttributeName = 64;
inline constexpr std::size_t kMaxAttributeValue = 500;

// {"note": text or null, "attributes": {name: text} or null}: each member given replaces (null clears) the line's
// note or its whole attribute map. INVALID_ARGUMENT naming "note" or "attributes" (reasons "type", "too_long",
// "too_many", "unknown_member"); NOT_FOUND for a variant the cart does not hold.
void set_line_details(Cart& cart, std::string_view variant_id, const json& details);

}  // namespace commerce
