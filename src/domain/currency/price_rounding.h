// How an exact converted amount becomes a price a shopper sees in a presentment currency (docs/currencies.md):
// rounded once to an increment, then optionally given a charm ending. Pure arithmetic on exact decimals.
#pragma once

#include "core/money.h"

#include <optional>
#include <string>

namespace commerce {

// A charm ending: a positive price becomes the smallest amount at or above it that ends in `ending` on a grid of
// `step`. Step 1, ending 0.99: 12.34 -> 12.99, 13.00 -> 13.99, 12.99 stays. JPY step 100, ending 80: 1234 -> 1280.
// Never below the rounded price, so a charm never sells for less than the rate says; zero stays zero.
struct Charm {
    Decimal step;    // positive
    Decimal ending;  // 0 <= ending < step
};

struct PriceRounding {
    std::optional<Decimal> increment;  // CHF 0.05, JPY 10; none: the currency's minor unit
    RoundingMode mode = RoundingMode::half_even;
    std::optional<Charm> charm;
};

// numerator / denominator (both exact, denominator positive) in `currency`, rounded ONCE to the increment with the
// mode, then charmed. A conversion divides when it reads a rate backwards, and 1 / 3 has no finite decimal form,
// hence a fraction rather than a Decimal. Monotonic in the numerator, and a price is its own price (idempotent).
Money rounded_price(const Decimal& numerator, const Decimal& denominator, const Currency& currency,
                    const PriceRounding& rounding = {});

// INVALID_ARGUMENT (reason "not_on_grid") unless the increment, charm step and ending are whole numbers of the
// currency's minor unit and, with an increment, the step and ending are multiples of it (so a charmed price is
// still on the increment's grid and rounding it again changes nothing); "out_of_range" for a non-positive
// increment or step, or an ending outside [0, step). Fields are named under `field` ("presentment[0]").
void check_price_rounding(const PriceRounding& rounding, const Currency& currency, const std::string& field);

}  // namespace commerce
