// What a promotion's action takes off a cart. Actions work on what earlier promotions left (WorkingCart's
// remaining amounts), so a line never goes below zero however many promotions stack on it.
#pragma once

#include "domain/promotion/promotion.h"
#include "domain/promotion/working_cart.h"

#include <cstddef>
#include <string_view>
#include <variant>
#include <vector>

namespace commerce {

// The discount of the promotion's action, before its cap, or the promotion_reason why the action does not
// apply (a tier or a buy quantity not reached). `targets` are the lines the conditions' item filter matches.
std::variant<Discount, std::string_view> discount_of(const Promotion& promotion, const WorkingCart& cart,
                                                     const std::vector<std::size_t>& targets);

// A discount of nothing yet, shaped for the cart.
Discount no_discount(const WorkingCart& cart);

// `amount` (at most the lines' remaining sum) split over the given lines in proportion to what they have left.
Discount spread_over_lines(const WorkingCart& cart, const std::vector<std::size_t>& lines, const Money& amount);

}  // namespace commerce
