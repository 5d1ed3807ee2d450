// Reversing a promotion's discount when units are refunded. A line's discount is spread over its units, and
// refunds take units in order, so any sequence of partial refunds of a line adds up to exactly the discount it
// received once every unit is back: nothing is kept or given twice.
#pragma once

#include "domain/promotion/cart_snapshot.h"
#include "domain/promotion/outcome.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace commerce {

struct RefundedUnits {
    std::string line_id;
    int64_t quantity = 0;          // units on the line when the order was placed
    int64_t already_refunded = 0;  // units refunded before this refund
    int64_t refunding = 0;         // units refunded now
};

// Per refunded line (sorted by line id), the part of the applied promotion's discount on that line to give back
// for the units refunded now: the line's discount × units / quantity, cumulatively, by Money::allocate, so the
// first k units reverse allocate(discount, [k, quantity - k])[0] and the last unit takes the rest. A line the
// promotion did not reduce reverses zero. The shipping discount is not per unit: reverse applied.shipping when the
// shipping itself is refunded. Counts out of range (quantity < 1, negative counts, more units than the line has)
// are INVALID_ARGUMENT in the field "refunds" with reason "out_of_range"; a line given twice, "duplicate_line".
std::vector<LineAmount> discount_to_reverse(const AppliedPromotion& applied, std::span<const RefundedUnits> refunds);

}  // namespace commerce
