// A promotion as the shop defines it: who may get it (conditions), what it takes off (one action), and how it
// stacks with others (priority, exclusive, group, combinable_with, lane). Definitions are read from JSON by
// promotion_input.h and evaluated against a cart snapshot by promotions.h; neither keeps any state.
#pragma once

#include "core/currency.h"
#include "core/decimal.h"
#include "core/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace commerce {

// Where a promotion acts in the cart's computation: before_tax discounts lower the tax base, after_tax ones
// lower only the amount payable once tax is known (store credit, a voucher paid for with money).
enum class Lane { before_tax, after_tax };

// A percentage of an amount, 0 < value <= 100, kept as written ("12.5").
struct Percent {
    Decimal value;
};

// What one application takes off: a percentage of the base, or a fixed amount (capped by the base).
using Reduction = std::variant<Percent, Money>;

// Which cart lines a rule is about. Every list given must match (a tag AND a category); within a list any
// entry matches. An empty filter matches every line. Lists are sorted and free of duplicates.
struct ItemFilter {
    std::vector<std::string> product_ids;
    std::vector<std::string> variant_ids;
    std::vector<std::string> category_ids;
    std::vector<std::string> tags;

    bool empty() const noexcept {
        return product_ids.empty() && variant_ids.empty() && category_ids.empty() && tags.empty();
    }
};

struct Conditions {
    ItemFilter items;                        // the targeted lines; also the "buy" set of buy_x_get_y
    std::optional<Money> min_subtotal;       // of the targeted lines at shown prices, before any promotion
    std::optional<int64_t> min_quantity;     // units on the targeted lines
    std::vector<std::string> customer_groups;  // the customer must belong to one (empty: anyone)
    bool first_order = false;                // only a customer's first order
    std::vector<std::string> channels;       // "web", "pos", ... (empty: every channel)
    std::vector<const Currency*> currencies;  // the cart's currency must be one (empty: any), sorted by code
};

// Percentage or fixed off each targeted line. A Money reduction is per unit: 2 EUR off each unit.
struct ItemsOff {
    Reduction reduction;
};

// Percentage or fixed off the whole order, spread over every line; the conditions only decide eligibility.
struct OrderOff {
    Reduction reduction;
};

// The shipping amount of the cart, entirely.
struct FreeShipping {};

// Buy buy_quantity units of the targeted lines, get get_quantity units of the `get` set at `percent` off.
// The discounted units are the cheapest of the get set that can be spared (see docs/promotions.md).
struct BuyXGetY {
    int64_t buy_quantity = 1;
    int64_t get_quantity = 1;
    std::optional<ItemFilter> get;      // absent: the targeted lines themselves ("buy 2, get 1 of the same")
    Percent percent{Decimal(100)};      // 100: the get units are free
    std::optional<int64_t> max_applications;
};

// One step of a tiered promotion: from this threshold on, this reduction.
struct Tier {
    std::variant<Money, int64_t> threshold;  // a subtotal, or a number of units
    Reduction reduction;
};

// The highest tier whose threshold the targeted lines reach applies to them. Tiers are sorted by threshold and
// all measure the same thing (subtotal or quantity).
struct Tiered {
    std::vector<Tier> tiers;
};

using Action = std::variant<ItemsOff, OrderOff, FreeShipping, BuyXGetY, Tiered>;

struct Promotion {
    std::string id;
    std::string name;
    std::optional<std::string> code;  // a coupon, uppercase; absent: the promotion is automatic
    int64_t priority = 0;             // higher goes first within a lane
    bool exclusive = false;           // applies only alone
    std::optional<std::string> group;
    // Absent: combines with every non-exclusive promotion. Present (even empty): only with the promotions whose
    // id or group it lists, and only if they list this one back. Sorted.
    std::optional<std::vector<std::string>> combinable_with;
    Lane lane = Lane::before_tax;
    std::optional<int64_t> starts_at_ms;  // inclusive
    std::optional<int64_t> ends_at_ms;    // exclusive
    std::optional<int64_t> usage_limit;
    std::optional<int64_t> usage_limit_per_customer;
    Conditions conditions;
    Action action;
    std::optional<Money> max_discount;  // a cap on the whole amount of one application to one cart
};

}  // namespace commerce
