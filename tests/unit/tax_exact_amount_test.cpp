// Exact fractions of minor units and the weights that allocate invoice taxes back to lines.
#include "tax_support.h"

#include "domain/tax/exact_amount.h"

#include "error_of.h"

#include <doctest/doctest.h>

#include <limits>

using namespace tax_test;

namespace {
ExactAmount fraction(const char* numerator, const char* denominator) {
    return ExactAmount(Decimal::parse(numerator), Decimal::parse(denominator));
}
}  // namespace

TEST_CASE("tax exact amounts: sums stay exact until rounded once") {
    const ExactAmount third = fraction("1", "3");
    CHECK(third.numerator() == 1);
    CHECK(third.denominator() == 3);
    CHECK((third + third + third).rounded(RoundingMode::down) == 1);  // never 0.999...
    CHECK((third + fraction("2", "3")).denominator() == 1);
    // 166.666... cents: the VAT inside 10.00 EUR at 20%.
    const ExactAmount vat = fraction("200.0", "1.2");
    CHECK(vat.rounded(RoundingMode::half_even) == 167);
    CHECK(vat.rounded(RoundingMode::down) == 166);
    CHECK(fraction("5", "2").rounded(RoundingMode::half_even) == 2);
    CHECK(fraction("5", "2").rounded(RoundingMode::half_up) == 3);
    CHECK(ExactAmount().rounded(RoundingMode::up) == 0);
    CHECK(error_of([] { fraction("1", "0"); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { fraction("1", "-2"); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    const std::string beyond = std::to_string(std::numeric_limits<std::int64_t>::max()) + "0";
    CHECK(error_of([&] { fraction(beyond.c_str(), "1").rounded(RoundingMode::down); }).code() ==
          COMMERCE_ERR_OVERFLOW);
}

TEST_CASE("tax exact amounts: weights keep the exact proportions") {
    const std::vector<ExactAmount> thirds = {fraction("1", "3"), fraction("2", "3")};
    CHECK(proportional_weights(thirds) == std::vector<std::int64_t>{1, 2});
    const std::vector<ExactAmount> mixed = {fraction("0.5", "1"), fraction("1", "4"), ExactAmount()};
    CHECK(proportional_weights(mixed) == std::vector<std::int64_t>{2, 1, 0});
    const std::vector<ExactAmount> zeros = {ExactAmount(), ExactAmount()};
    CHECK(proportional_weights(zeros) == std::vector<std::int64_t>{0, 0});
    // Amounts near 10^16 over denominators 47 and 241 need more than 64 bits in common terms: the weights shrink
    // by one factor and keep the proportion.
    const std::vector<ExactAmount> huge = {fraction("70000000000000007", "47"), fraction("35000000000000011", "241")};
    const std::vector<std::int64_t> weights = proportional_weights(huge);
    CHECK(weights[0] > 0);
    CHECK(weights[1] > 0);
    // 7e16/47 : 3.5e16/241 = 241 * 2 : 47 (to 1e-15).
    const Decimal ratio = Decimal(Decimal::Int(weights[0])).divided(Decimal(Decimal::Int(weights[1])), 6);
    CHECK(ratio == Decimal(Decimal::Int(482)).divided(Decimal(47), 6));
}

TEST_CASE("tax exact amounts: an invoice of huge amounts still reconciles to the minor unit") {
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "KW"}, "prices_include_tax": true, "rounding": {"level": "invoice"},
      "zones": [{"id": "kw", "country": "KW",
                 "rates": {"standard": [{"name": "VAT", "rate": "17.5"}],
                           "reduced": [{"name": "Levy", "rate": "3"}, {"name": "VAT", "rate": "17.5"}]}}]})");
    const Currency& kwd = commerce::currency("KWD");
    const TaxRequest cart = request("KWD", {"KW", std::nullopt, std::nullopt},
                                    {{"a", "standard", 1, Money::from_minor(9'000'000'000'000'001, kwd)},
                                     {"b", "reduced", 1, Money::from_minor(9'000'000'000'000'007, kwd)}});
    const TaxResult result = compute_taxes(rules, cart);
    check_reconciles(cart, result);
    // Levy 9000000000000007 * 6 / 241; VAT 9000000000000001 * 7 / 47 + 9000000000000007 * 35 / 241, in fils.
    CHECK(taxes_text(result.total) == "Levy 3: 224066390041.494, VAT 17.5: 2647479473823.608");
}
