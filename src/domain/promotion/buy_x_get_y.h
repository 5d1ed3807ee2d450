// Buy X, get Y: which units a "buy 2, get 1 free" discounts. The rule, so a receipt can be explained:
//  1. Applications: the largest n (at most max_applications) such that n × buy_quantity units of the buy set
//     (the lines the conditions target) and n × get_quantity other units of the get set exist. A unit in both
//     sets serves one role only.
//  2. The discounted units are the cheapest units of the get set (by shown unit price, ties by line id), skipping
//     units of both sets when they are needed to make up the buy quantity. The shop gives away the least.
//  3. The discount is `percent` of what those units have left to pay, taken once and split over their lines.
#pragma once

#include "domain/promotion/promotion.h"
#include "domain/promotion/working_cart.h"

#include <cstddef>
#include <string_view>
#include <variant>
#include <vector>

namespace commerce {

// The discount, or min_quantity_not_met when not even one application fits. `buy_set` are the targeted lines.
std::variant<Discount, std::string_view> buy_x_get_y(const BuyXGetY& action, const WorkingCart& cart,
                                                     const std::vector<std::size_t>& buy_set);

}  // namespace commerce
