#include "domain/promotion/actions.h"

#include "domain/promotion/allocation.h"
#include "domain/promotion/buy_x_get_y.h"
#include "domain/promotion/eligibility.h"
#include "domain/promotion/outcome.h"

#include <numeric>

namespace commerce {
namespace {

Money remaining_of(const WorkingCart& cart, const std::vector<std::size_t>& lines) {
    Money sum = Money::zero(*cart.snapshot.currency);
    for (std::size_t i : lines) sum = sum + cart.remaining[i];
    return sum;
}

// A percentage is taken once off the lines' sum and then split, so ten lines of 0.05 at 10% lose 0.05 together
// rather than nothing each. A fixed amount is taken off the sum, up to the sum.
Discount reduce_lines(const WorkingCart& cart, const std::vector<std::size_t>& lines, const Reduction& reduction) {
    return spread_over_lines(cart, lines, reduction_of(remaining_of(cart, lines), reduction));
}

// A fixed amount off every unit: each line loses amount × quantity, at most what it has left.
Discount fixed_per_unit(const WorkingCart& cart, const std::vector<std::size_t>& lines, const Money& amount) {
    Discount discount = no_discount(cart);
    for (std::size_t i : lines) discount.lines[i] = std::min(amount.times(cart.lines[i]->quantity), cart.remaining[i]);
    return discount;
}

std::vector<std::size_t> every_line(const WorkingCart& cart) {
    std::vector<std::size_t> all(cart.lines.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return all;
}

// The highest tier the targeted lines reach, measured before any promotion like every other threshold.
std::variant<Discount, std::string_view> tiered(const Tiered& action, const WorkingCart& cart,
                                                const std::vector<std::size_t>& targets) {
    const Tier* reached = nullptr;
    for (const Tier& tier : action.tiers) {  // sorted by threshold
        const bool met = std::holds_alternative<Money>(tier.threshold)
                             ? subtotal_of(cart, targets) >= std::get<Money>(tier.threshold)
                             : units_of(cart, targets) >= std::get<int64_t>(tier.threshold);
        if (met) reached = &tier;
    }
    if (!reached)
        return std::holds_alternative<Money>(action.tiers.front().threshold) ? promotion_reason::min_subtotal_not_met
                                                                               : promotion_reason::min_quantity_not_met;
    return reduce_lines(cart, targets, reached->reduction);
}

}  // namespace

Discount no_discount(const WorkingCart& cart) {
    const Money zero = Money::zero(*cart.snapshot.currency);
    return {std::vector<Money>(cart.lines.size(), zero), zero};
}

Discount spread_over_lines(const WorkingCart& cart, const std::vector<std::size_t>& lines, const Money& amount) {
    Discount discount = no_discount(cart);
    if (lines.empty()) return discount;
    std::vector<Money> weights;
    for (std::size_t i : lines) weights.push_back(cart.remaining[i]);
    const std::vector<Money> shares = spread(amount, weights);
    for (std::size_t k = 0; k < lines.size(); ++k) discount.lines[lines[k]] = shares[k];
    return discount;
}

std::variant<Discount, std::string_view> discount_of(const Promotion& promotion, const WorkingCart& cart,
                                                     const std::vector<std::size_t>& targets) {
    if (const auto* items = std::get_if<ItemsOff>(&promotion.action)) {
        if (const auto* per_unit = std::get_if<Money>(&items->reduction)) return fixed_per_unit(cart, targets, *per_unit);
        return reduce_lines(cart, targets, items->reduction);
    }
    if (const auto* order = std::get_if<OrderOff>(&promotion.action))
        return reduce_lines(cart, every_line(cart), order->reduction);
    if (std::holds_alternative<FreeShipping>(promotion.action)) {
        Discount discount = no_discount(cart);
        discount.shipping = cart.shipping_remaining;
        return discount;
    }
    if (const auto* bxgy = std::get_if<BuyXGetY>(&promotion.action)) return buy_x_get_y(*bxgy, cart, targets);
    return tiered(std::get<Tiered>(promotion.action), cart, targets);
}

}  // namespace commerce
