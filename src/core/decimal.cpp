#include "core/decimal.h"
#include "core/decimal_text.h"

#include "core/error.h"

#include <algorithm>
#include <ostream>
#include <utility>

namespace commerce {
namespace {

using Int = Decimal::Int;

Int pow10(int exponent) { return boost::multiprecision::pow(Int(10), static_cast<unsigned>(exponent)); }

// numerator / denominator (denominator > 0) brought to an integer by `mode`. cpp_int division truncates toward
// zero, so the truncated quotient is the "down" answer and the remainder decides whether to step away from zero.
Int divide_rounded(const Int& numerator, const Int& denominator, RoundingMode mode) {
    Int quotient = numerator / denominator;
    Int remainder = numerator % denominator;  // same sign as the numerator
    if (remainder.is_zero()) return quotient;
    const int away = numerator.sign();
    const Int twice_remainder = abs(remainder) * 2;
    bool step = false;
    switch (mode) {
        case RoundingMode::down: step = false; break;
        case RoundingMode::up: step = true; break;
        case RoundingMode::half_up: step = twice_remainder >= denominator; break;
        case RoundingMode::half_even:
            step = twice_remainder > denominator || (twice_remainder == denominator && bit_test(Int(abs(quotient)), 0));
            break;
    }
    return step ? quotient + away : quotient;
}

// Both coefficients brought to the larger scale, so they can be added or compared directly.
std::pair<Int, Int> aligned(const Decimal& a, const Decimal& b) {
    if (a.scale() == b.scale()) return {a.coefficient(), b.coefficient()};
    if (a.scale() < b.scale()) return {a.coefficient() * pow10(b.scale() - a.scale()), b.coefficient()};
    return {a.coefficient(), b.coefficient() * pow10(a.scale() - b.scale())};
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Decimal::Decimal(Int coefficient, int scale) : coefficient_(std::move(coefficient)), scale_(scale) {
    if (scale < 0) throw_invalid("scale", "a decimal scale must not be negative");
}

Decimal Decimal::parse(std::string_view text) {
    if (text.empty()) throw_invalid("amount", "amount is empty");
    const bool negative = text.front() == '-';
    std::size_t i = negative ? 1 : 0;
    const std::size_t integer_start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    const std::size_t integer_digits = i - integer_start;
    std::size_t fraction_digits = 0;
    bool has_point = false;
    if (i < text.size() && text[i] == '.') {
        has_point = true;
        const std::size_t fraction_start = ++i;
        while (i < text.size() && is_digit(text[i])) ++i;
        fraction_digits = i - fraction_start;
    }
    if (integer_digits == 0 || (has_point && fraction_digits == 0) || i != text.size()) {
        throw_invalid("amount",
                      "amount must be a plain decimal number like 12.50: digits with an optional leading '-' and at "
                      "most one '.' followed by digits; no exponent, '+', spaces or NaN");
    }
    if (integer_digits > static_cast<std::size_t>(max_integer_digits)) {
        throw_invalid("amount", "amount has more than " + std::to_string(max_integer_digits) +
                                    " digits before the decimal point");
    }
    if (fraction_digits > static_cast<std::size_t>(max_fraction_digits)) {
        throw_invalid("amount", "amount has more than " + std::to_string(max_fraction_digits) +
                                    " digits after the decimal point");
    }
    // Built digit by digit: cpp_int's string constructor would read a leading '0' as octal.
    Int coefficient;
    for (char c : text.substr(integer_start)) {
        if (is_digit(c)) coefficient = coefficient * 10 + (c - '0');
    }
    if (negative) coefficient = -coefficient;
    return Decimal(std::move(coefficient), static_cast<int>(fraction_digits));
}

std::string scaled_text(std::string digits, int scale, bool negative) {
    const auto decimals = static_cast<std::size_t>(scale);
    if (decimals > 0) {
        if (digits.size() <= decimals) digits.insert(0, decimals + 1 - digits.size(), '0');
        digits.insert(digits.size() - decimals, 1, '.');
    }
    if (negative) digits.insert(0, 1, '-');
    return digits;
}

std::string Decimal::to_string() const {
    return scaled_text(Int(abs(coefficient_)).str(), scale_, coefficient_.sign() < 0);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
    auto [x, y] = aligned(a, b);
    return Decimal(x + y, std::max(a.scale_, b.scale_));
}

Decimal operator-(const Decimal& a, const Decimal& b) {
    auto [x, y] = aligned(a, b);
    return Decimal(x - y, std::max(a.scale_, b.scale_));
}

Decimal operator*(const Decimal& a, const Decimal& b) {
    return Decimal(a.coefficient_ * b.coefficient_, a.scale_ + b.scale_);
}

Decimal Decimal::operator-() const { return Decimal(-coefficient_, scale_); }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    auto [x, y] = aligned(a, b);
    if (x < y) return std::strong_ordering::less;
    if (x > y) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

bool operator==(const Decimal& a, const Decimal& b) {
    auto [x, y] = aligned(a, b);
    return x == y;
}

Decimal Decimal::rescaled(int scale, RoundingMode mode) const {
    if (scale < 0) throw_invalid("scale", "a decimal scale must not be negative");
    if (scale >= scale_) return Decimal(coefficient_ * pow10(scale - scale_), scale);
    return Decimal(divide_rounded(coefficient_, pow10(scale_ - scale), mode), scale);
}

Decimal Decimal::divided(const Decimal& divisor, int scale, RoundingMode mode) const {
    if (divisor.is_zero()) throw_invalid("divisor", "cannot divide by zero");
    if (scale < 0) throw_invalid("scale", "a decimal scale must not be negative");
    // (a / 10^s) / (b / 10^t) at `scale` decimals is the integer (a * 10^(t + scale)) / (b * 10^s), rounded; the
    // sign moves to the numerator so divide_rounded sees a positive denominator.
    Int numerator = coefficient_ * pow10(divisor.scale_ + scale);
    Int denominator = divisor.coefficient_ * pow10(scale_);
    if (denominator.sign() < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    return Decimal(divide_rounded(numerator, denominator, mode), scale);
}

Decimal Decimal::rounded_to_increment(const Decimal& increment, RoundingMode mode) const {
    if (increment.sign() <= 0) throw_invalid("increment", "a rounding increment must be positive");
    // value / increment = (c * 10^t) / (k * 10^s) for value = c/10^s and increment = k/10^t.
    const Int multiples = divide_rounded(coefficient_ * pow10(increment.scale_),
                                         increment.coefficient_ * pow10(scale_), mode);
    return Decimal(multiples * increment.coefficient_, increment.scale_);
}

std::ostream& operator<<(std::ostream& out, const Decimal& value) { return out << value.to_string(); }

}  // namespace commerce
