// What evaluating the promotions of a cart gives back: the actions the cart applies (each applied promotion with
// its amount per line) and, for every candidate that did not apply, why. The reasons are a stable vocabulary:
// the cart layer shows them and the bindings match on them.
#pragma once

#include "domain/promotion/cart_snapshot.h"
#include "domain/promotion/promotion.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

namespace promotion_reason {
inline constexpr std::string_view not_started = "not_started";
inline constexpr std::string_view expired = "expired";
inline constexpr std::string_view usage_limit_reached = "usage_limit_reached";
inline constexpr std::string_view customer_usage_limit_reached = "customer_usage_limit_reached";
// A per-customer limit counts a known customer's orders; a guest cannot be counted, so is not given the promotion.
inline constexpr std::string_view customer_required = "customer_required";
inline constexpr std::string_view currency_not_eligible = "currency_not_eligible";
inline constexpr std::string_view channel_not_eligible = "channel_not_eligible";
inline constexpr std::string_view customer_group_not_eligible = "customer_group_not_eligible";
inline constexpr std::string_view first_order_only = "first_order_only";
inline constexpr std::string_view no_matching_items = "no_matching_items";
inline constexpr std::string_view min_quantity_not_met = "min_quantity_not_met";
inline constexpr std::string_view min_subtotal_not_met = "min_subtotal_not_met";
inline constexpr std::string_view nothing_to_discount = "nothing_to_discount";
// Followed by ":" and the id of the promotion that stands in the way.
inline constexpr std::string_view not_combinable_with = "not_combinable_with";
inline constexpr std::string_view blocked_by_exclusive = "blocked_by_exclusive";
}  // namespace promotion_reason

struct AppliedPromotion {
    std::string promotion_id;
    std::optional<std::string> code;  // the coupon that made it a candidate
    Lane lane = Lane::before_tax;
    Money amount;                   // = Σ lines + shipping, exactly
    std::vector<LineAmount> lines;  // the lines it reduced (amount > 0), by line id
    Money shipping;                 // what it took off shipping
};

struct NotApplied {
    std::string promotion_id;
    std::optional<std::string> code;
    std::string reason;  // a promotion_reason, "not_combinable_with:<id>" or "blocked_by_exclusive:<id>"
};

// One lane's actions and what is left to pay once they are applied.
struct LaneOutcome {
    std::vector<AppliedPromotion> applied;  // in evaluation order
    std::vector<LineAmount> lines_after;    // every line, by line id
    Money shipping_after;
};

struct PromotionOutcome {
    LaneOutcome before_tax;
    LaneOutcome after_tax;
    std::vector<NotApplied> not_applied;     // in evaluation order
    std::vector<std::string> unknown_codes;  // entered codes no promotion has, uppercase and sorted
};

}  // namespace commerce
