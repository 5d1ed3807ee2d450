// A cart: what a shopper intends to buy, in one currency. Prices are not stored with the items; they are
// resolved from the catalog each time the cart is priced, and frozen only when an order is placed.
#pragma once

#include "core/currency.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

inline constexpr std::string_view kCartOpen = "open";
inline constexpr std::string_view kCartCompleted = "completed";
inline constexpr std::string_view kCartMerged = "merged";  // a guest cart folded into its user's cart at login

struct CartItem {
    std::string variant_id;
    int64_t quantity = 0;
    std::optional<std::string> note;               // the shopper's words for this line ("gift wrap, please")
    std::map<std::string, std::string> attributes;  // the shop's own fields ("engraving": "A & B")
};

inline constexpr std::string_view kChannelWeb = "web";

// Where the goods go, as far as pricing needs it: the tax zone is chosen from it.
struct CartAddress {
    std::string country;                // ISO 3166-1 alpha-2, uppercase
    std::optional<std::string> region;  // the subdivision part of ISO 3166-2, uppercase
    std::optional<std::string> postal_code;
};

struct Cart {
    std::string id;
    std::optional<std::string> user_id;  // empty for a guest cart
    const Currency* currency = nullptr;
    std::string status{kCartOpen};
    std::vector<CartItem> items;  // in the order they were first added
    std::string channel{kChannelWeb};            // "web", "pos": promotions may be limited to channels
    std::optional<CartAddress> shipping_address;  // absent: taxes are estimated at the store's origin
    std::vector<std::string> coupon_codes;        // normalized, in the order they were entered
    std::optional<std::string> shipping_method;   // the chosen method's id; priced only while it is offered
    const Currency* display_currency = nullptr;   // the total is also shown in it, at the rate in force
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

}  // namespace commerce
