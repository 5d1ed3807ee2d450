// Small builders for the promotion tests: carts and promotions read the way a shop would write them.
#pragma once

#include "core/money.h"
#include "domain/promotion/promotion_input.h"
#include "domain/promotion/promotions.h"

#include <algorithm>
#include <string>
#include <vector>

namespace promotion_fixtures {

using namespace commerce;

inline Money money(const char* amount, const char* code = "EUR") { return Money::parse(amount, code); }

inline PromotionLine line(std::string id, const char* unit_price, int64_t quantity, const char* currency = "EUR",
                          std::vector<std::string> category_ids = {}, std::vector<std::string> tags = {}) {
    return {id, "p-" + id, quantity, money(unit_price, currency), std::move(category_ids), std::move(tags)};
}

inline CartSnapshot cart(std::vector<PromotionLine> lines, const char* currency = "EUR", const char* shipping = "0") {
    return {&commerce::currency(currency), std::move(lines), money(shipping, currency), {}, "web", {}, 0, std::nullopt};
}

inline Promotion promotion(const json& definition) { return parse_promotion(definition); }

inline PromotionOutcome evaluate(const CartSnapshot& cart, const std::vector<Promotion>& promotions,
                                 const UsageCounts& usage = {}) {
    return evaluate_promotions(cart, promotions, usage);
}

// The amount an applied promotion took off one line ("0.00" when it did not touch it).
inline std::string on_line(const AppliedPromotion& applied, const std::string& line_id) {
    auto it = std::find_if(applied.lines.begin(), applied.lines.end(),
                           [&](const LineAmount& each) { return each.line_id == line_id; });
    return it == applied.lines.end() ? Money::zero(applied.amount.currency()).amount_string() : it->amount.amount_string();
}

// The reason a promotion did not apply, or "" when it is not listed.
inline std::string reason_of(const PromotionOutcome& outcome, const std::string& promotion_id) {
    for (const NotApplied& each : outcome.not_applied)
        if (each.promotion_id == promotion_id) return each.reason;
    return "";
}

}  // namespace promotion_fixtures
