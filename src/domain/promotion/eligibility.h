// Whether a promotion's conditions hold for a cart, and which lines it targets. Conditions look at the cart as
// the shopper filled it (shown prices, before any promotion), so one promotion's eligibility never depends on
// another's: only the amounts do.
#pragma once

#include "domain/promotion/cart_snapshot.h"
#include "domain/promotion/promotion.h"
#include "domain/promotion/working_cart.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace commerce {

// True when the line passes every list of the filter (an empty filter passes every line).
bool matches(const ItemFilter& filter, const PromotionLine& line);

// Indices into cart.lines of the lines the filter matches.
std::vector<std::size_t> matching_lines(const ItemFilter& filter, const WorkingCart& cart);

// The first condition that fails, as a promotion_reason, or nullopt when the promotion may apply. The checks run
// in the documented order: window, usage limits, currency, channel, customer group, first order, items, minimum
// quantity, minimum subtotal. `targets` are the lines the conditions' item filter matches.
std::optional<std::string_view> ineligibility(const Promotion& promotion, const WorkingCart& cart,
                                              const std::vector<std::size_t>& targets, const UsageCounts& usage);

// Units and shown-price subtotal of some lines, before any promotion: what thresholds are measured on.
int64_t units_of(const WorkingCart& cart, const std::vector<std::size_t>& lines);
Money subtotal_of(const WorkingCart& cart, const std::vector<std::size_t>& lines);

}  // namespace commerce
