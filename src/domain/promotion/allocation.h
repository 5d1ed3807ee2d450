// Splitting discounts over lines. Every split goes through Money::allocate (largest remainder), so the shares sum
// exactly to the amount, each is within one minor unit of its exact proportional value, and no line receives more
// than its weight when the amount does not exceed the weights' sum.
#pragma once

#include "domain/promotion/promotion.h"
#include "domain/promotion/working_cart.h"

#include <span>
#include <vector>

namespace commerce {

// `amount` over `weights` (amounts of one currency, not negative), in proportion.
std::vector<Money> spread(const Money& amount, std::span<const Money> weights);

// `percent` of `base`, rounded once to the minor unit, half to even.
Money percent_of(const Money& base, const Percent& percent);

// The reduction applied to a base (the sum of some lines' remaining amounts): a percentage of it, or the fixed
// amount but never more than the base.
Money reduction_of(const Money& base, const Reduction& reduction);

// The discount brought down to `cap` when it exceeds it, the cap split over the lines and shipping in proportion
// to what each would have received, so no part grows.
Discount capped(Discount discount, const Money& cap);

}  // namespace commerce
