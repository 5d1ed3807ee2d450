#include "domain/promotion/promotions.h"

#include "core/error.h"
#include "domain/promotion/actions.h"
#include "domain/promotion/allocation.h"
#include "domain/promotion/eligibility.h"
#include "domain/promotion/promotion_input.h"
#include "domain/promotion/stacking.h"
#include "domain/promotion/working_cart.h"

#include <algorithm>
#include <set>

namespace commerce {
namespace {

// The documented evaluation order. Ids are unique, so the order is total and the input order never shows.
bool evaluated_before(const Promotion* a, const Promotion* b) {
    if (a->lane != b->lane) return a->lane == Lane::before_tax;
    if (a->priority != b->priority) return a->priority > b->priority;
    return a->id < b->id;
}

// Lines in id order: allocation gives leftover units to the lower index on ties, so sorting here is what makes the
// amounts independent of the order the cart listed its lines in.
WorkingCart working_cart(const CartSnapshot& cart) {
    WorkingCart working{cart, {}, {}, cart.shipping};
    for (const PromotionLine& line : cart.lines) working.lines.push_back(&line);
    std::sort(working.lines.begin(), working.lines.end(),
              [](const PromotionLine* a, const PromotionLine* b) { return a->id < b->id; });
    for (const PromotionLine* line : working.lines) working.remaining.push_back(line->unit_price.times(line->quantity));
    return working;
}

// After tax, what is left to reduce is what the shopper pays: the cart layer's payable amounts when it gives them.
void start_after_tax_lane(WorkingCart& cart) {
    const auto& base = cart.snapshot.after_tax_base;
    if (!base) return;
    for (std::size_t i = 0; i < cart.lines.size(); ++i) {
        auto it = std::find_if(base->lines.begin(), base->lines.end(),
                               [&](const LineAmount& each) { return each.line_id == cart.lines[i]->id; });
        cart.remaining[i] = it->amount;  // check_snapshot made sure every line has one
    }
    cart.shipping_remaining = base->shipping;
}

LaneOutcome lane_outcome(const WorkingCart& cart, std::vector<AppliedPromotion> applied) {
    LaneOutcome outcome{std::move(applied), {}, cart.shipping_remaining};
    for (std::size_t i = 0; i < cart.lines.size(); ++i) outcome.lines_after.push_back({cart.lines[i]->id, cart.remaining[i]});
    return outcome;
}

// Records the discount as an action and takes it off what the cart has left.
AppliedPromotion apply(const Promotion& promotion, const Discount& discount, WorkingCart& cart) {
    AppliedPromotion applied{promotion.id, promotion.code, promotion.lane, discount.total(), {}, discount.shipping};
    for (std::size_t i = 0; i < cart.lines.size(); ++i) {
        if (discount.lines[i].is_zero()) continue;
        applied.lines.push_back({cart.lines[i]->id, discount.lines[i]});
        cart.remaining[i] = cart.remaining[i] - discount.lines[i];
    }
    cart.shipping_remaining = cart.shipping_remaining - discount.shipping;
    return applied;
}

// The automatic promotions and the coupons entered, in evaluation order; entered codes no promotion has go to
// unknown_codes.
std::vector<const Promotion*> candidates(const CartSnapshot& cart, std::span<const Promotion> promotions,
                                         std::vector<std::string>& unknown_codes) {
    std::set<std::string> entered, unknown;
    for (const std::string& code : cart.entered_codes) {
        auto normalized = normalized_code(code);
        (normalized ? entered : unknown).insert(normalized.value_or(code));
    }
    std::set<std::string> ids, known_codes;
    std::vector<const Promotion*> chosen;
    for (const Promotion& promotion : promotions) {
        if (!ids.insert(promotion.id).second)
            throw_invalid("promotions", "duplicate_promotion", "two promotions have the id " + promotion.id);
        if (promotion.code) known_codes.insert(*promotion.code);
        if (!promotion.code || entered.contains(*promotion.code)) chosen.push_back(&promotion);
    }
    std::set_difference(entered.begin(), entered.end(), known_codes.begin(), known_codes.end(),
                        std::inserter(unknown, unknown.end()));
    unknown_codes.assign(unknown.begin(), unknown.end());
    std::sort(chosen.begin(), chosen.end(), evaluated_before);
    return chosen;
}

// Why the promotion does not apply to the cart as it stands, or its (capped) discount.
std::variant<Discount, std::string> evaluate(const Promotion& promotion, const WorkingCart& cart,
                                             const UsageCounts& usage, const std::vector<const Promotion*>& applied) {
    const std::vector<std::size_t> targets = matching_lines(promotion.conditions.items, cart);
    if (auto reason = ineligibility(promotion, cart, targets, usage)) return std::string(*reason);
    auto result = discount_of(promotion, cart, targets);
    if (const auto* reason = std::get_if<std::string_view>(&result)) return std::string(*reason);
    if (auto conflict = stacking_conflict(promotion, applied)) return *conflict;
    Discount discount = std::get<Discount>(std::move(result));
    if (promotion.max_discount) discount = capped(std::move(discount), *promotion.max_discount);
    if (discount.total().is_zero()) return std::string(promotion_reason::nothing_to_discount);
    return discount;
}

}  // namespace

PromotionOutcome evaluate_promotions(const CartSnapshot& cart, std::span<const Promotion> promotions,
                                     const UsageCounts& usage) {
    check_snapshot(cart);
    std::vector<std::string> unknown_codes;
    const std::vector<const Promotion*> ordered = candidates(cart, promotions, unknown_codes);

    WorkingCart working = working_cart(cart);
    std::vector<const Promotion*> applied;  // across both lanes: exclusivity holds for the whole cart
    std::vector<NotApplied> not_applied;
    std::vector<LaneOutcome> lanes;
    for (Lane lane : {Lane::before_tax, Lane::after_tax}) {
        if (lane == Lane::after_tax) start_after_tax_lane(working);
        std::vector<AppliedPromotion> actions;
        for (const Promotion* promotion : ordered) {
            if (promotion->lane != lane) continue;
            auto result = evaluate(*promotion, working, usage, applied);
            if (const auto* reason = std::get_if<std::string>(&result)) {
                not_applied.push_back({promotion->id, promotion->code, *reason});
                continue;
            }
            actions.push_back(apply(*promotion, std::get<Discount>(result), working));
            applied.push_back(promotion);
        }
        lanes.push_back(lane_outcome(working, std::move(actions)));
    }
    return {std::move(lanes[0]), std::move(lanes[1]), std::move(not_applied), std::move(unknown_codes)};
}

}  // namespace commerce
