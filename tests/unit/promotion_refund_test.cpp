// Reversing discounts on refunds: proportional by units, and the last unit takes the rest.
#include "promotion_fixtures.h"

#include "domain/promotion/refund.h"

#include "error_of.h"

#include <doctest/doctest.h>

using namespace promotion_fixtures;

namespace {

AppliedPromotion applied_on(std::vector<LineAmount> lines) {
    Money total = Money::zero(currency("EUR"));
    for (const LineAmount& line : lines) total = total + line.amount;
    return {"promo", std::nullopt, Lane::before_tax, total, std::move(lines), Money::zero(currency("EUR"))};
}

std::string reversed(const AppliedPromotion& applied, RefundedUnits units) {
    const std::vector<RefundedUnits> refunds = {units};
    return discount_to_reverse(applied, refunds).front().amount.amount_string();
}

}  // namespace

TEST_CASE("a discount of 1.00 on three units comes back 0.33, 0.34, 0.33") {
    const AppliedPromotion applied = applied_on({{"a", money("1.00")}});
    CHECK(reversed(applied, {"a", 3, 0, 1}) == "0.33");  // 0.333... of the first unit
    CHECK(reversed(applied, {"a", 3, 1, 1}) == "0.34");  // the first two carry 0.67 (0.666... rounded)
    CHECK(reversed(applied, {"a", 3, 2, 1}) == "0.33");  // the last unit takes the rest
    CHECK(reversed(applied, {"a", 3, 0, 3}) == "1.00");
    CHECK(reversed(applied, {"a", 3, 1, 2}) == "0.67");
    CHECK(reversed(applied, {"a", 3, 0, 0}) == "0.00");
}

TEST_CASE("refunds list every refunded line by id; a line the promotion did not reduce gives back nothing") {
    const AppliedPromotion applied = applied_on({{"b", money("0.05")}, {"a", money("3.00")}});
    const std::vector<RefundedUnits> refunds = {{"c", 2, 0, 2}, {"b", 2, 0, 1}, {"a", 4, 1, 2}};
    const auto back = discount_to_reverse(applied, refunds);
    REQUIRE(back.size() == 3);
    CHECK(back[0].line_id == "a");
    CHECK(back[0].amount == money("1.50"));
    CHECK(back[1].amount == money("0.03"));  // 0.025 rounded half up: the second unit then carries 0.02
    CHECK(back[2].amount == money("0.00"));
}

TEST_CASE("refund counts out of range are refused") {
    const AppliedPromotion applied = applied_on({{"a", money("1.00")}});
    for (RefundedUnits bad : {RefundedUnits{"a", 3, 2, 2}, RefundedUnits{"a", 0, 0, 0}, RefundedUnits{"a", 3, -1, 1},
                              RefundedUnits{"a", 3, 0, -1}}) {
        const std::vector<RefundedUnits> refunds = {bad};
        const Error error = error_of([&] { discount_to_reverse(applied, refunds); });
        CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(error.details().value("field", "") == "refunds");
        CHECK(error.details().value("reason", "") == "out_of_range");
    }
    const std::vector<RefundedUnits> twice = {{"a", 3, 0, 1}, {"a", 3, 1, 1}};
    CHECK(error_of([&] { discount_to_reverse(applied, twice); }).details().value("reason", "") == "duplicate_line");
}
