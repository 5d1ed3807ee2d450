// A cart: what a shopper intends to buy, in one currency. Prices are not stored with the items; they are
// resolved from the catalog each time the cart is priced, and frozen only when an order is placed.
#pragma once

#include "core/currency.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

inline constexpr std::string_view kCartOpen = "open";
inline constexpr std::string_view kCartCompleted = "completed";

struct CartItem {
    std::string variant_id;
    int64_t quantity = 0;
};

struct Cart {
    std::string id;
    std::optional<std::string> user_id;  // empty for a guest cart
    const Currency* currency = nullptr;
    std::string status{kCartOpen};
    std::vector<CartItem> items;  // in the order they were first added
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

}  // namespace commerce
