#include "domain/promotion/allocation.h"

#include <algorithm>

namespace commerce {

std::vector<Money> spread(const Money& amount, std::span<const Money> weights) {
    std::vector<int64_t> minor_weights;
    minor_weights.reserve(weights.size());
    for (const Money& weight : weights) minor_weights.push_back(weight.minor());
    return amount.allocate(minor_weights);
}

Money percent_of(const Money& base, const Percent& percent) {
    // value / 100 exactly: the same coefficient two decimal places further right.
    const Decimal rate(percent.value.coefficient(), percent.value.scale() + 2);
    return base.times_rate(rate, RoundingMode::half_even);
}

Money reduction_of(const Money& base, const Reduction& reduction) {
    if (const auto* percent = std::get_if<Percent>(&reduction)) return percent_of(base, *percent);
    return std::min(base, std::get<Money>(reduction));
}

Discount capped(Discount discount, const Money& cap) {
    const Money total = discount.total();
    if (total <= cap) return discount;
    std::vector<Money> weights = discount.lines;
    weights.push_back(discount.shipping);
    std::vector<Money> shares = spread(cap, weights);
    discount.shipping = shares.back();
    shares.pop_back();
    discount.lines = std::move(shares);
    return discount;
}

}  // namespace commerce
