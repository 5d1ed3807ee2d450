// An exact decimal number: an arbitrary-precision integer coefficient and a decimal scale, value = coefficient /
// 10^scale. Prices, rates and tax percentages are decimals; money never passes through a binary float.
#pragma once

#include "core/rounding.h"

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

namespace commerce {

class Decimal {
public:
    using Int = boost::multiprecision::cpp_int;

    // Limits of parse(): generous for any amount or rate, small enough that hostile input stays cheap.
    static constexpr int max_integer_digits = 40;
    static constexpr int max_fraction_digits = 18;

    Decimal() = default;  // zero, scale 0
    // coefficient / 10^scale; a negative scale is invalid input in the field "scale".
    explicit Decimal(Int coefficient, int scale = 0);

    // Plain decimal text only: -?digits(.digits)? ("19.90", "-0.5", "7"). No exponent, sign '+', spaces, or
    // NaN/Inf; the scale is the number of digits written after the point. Anything else is invalid input in the
    // field "amount".
    static Decimal parse(std::string_view text);

    // Canonical text with exactly scale() decimals: Decimal(1990, 2) -> "19.90", Decimal(-5, 2) -> "-0.05".
    std::string to_string() const;

    const Int& coefficient() const noexcept { return coefficient_; }
    int scale() const noexcept { return scale_; }
    bool is_zero() const noexcept { return coefficient_.is_zero(); }
    int sign() const noexcept { return coefficient_.sign(); }

    // Exact arithmetic: + and - take the larger scale, * the sum of the scales.
    friend Decimal operator+(const Decimal& a, const Decimal& b);
    friend Decimal operator-(const Decimal& a, const Decimal& b);
    friend Decimal operator*(const Decimal& a, const Decimal& b);
    Decimal operator-() const;

    // Compared by value: 1.5 == 1.50.
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b);

    // The value with exactly `scale` decimals; dropped digits are rounded with `mode`, added ones are zeros.
    Decimal rescaled(int scale, RoundingMode mode = RoundingMode::half_even) const;

    // This value divided by `divisor`, exactly, then rounded once to `scale` decimals with `mode`. A quotient such
    // as 1 / 3 or a tax extracted from a tax-inclusive price (gross * rate / (1 + rate)) has no finite decimal
    // form, so the caller names the precision and the rounding. A zero divisor is invalid input in the field
    // "divisor", a negative scale in the field "scale".
    Decimal divided(const Decimal& divisor, int scale, RoundingMode mode = RoundingMode::half_even) const;

    // The nearest multiple of a positive `increment` (cash rounding: CHF to 0.05), ties and direction by `mode`.
    // The result has the increment's scale. A zero or negative increment is invalid input in the field "increment".
    Decimal rounded_to_increment(const Decimal& increment, RoundingMode mode = RoundingMode::half_even) const;

private:
    Int coefficient_;
    int scale_ = 0;
};

// Prints to_string(): readable test failures and logs.
std::ostream& operator<<(std::ostream& out, const Decimal& value);

}  // namespace commerce
