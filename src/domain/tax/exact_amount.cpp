#include "domain/tax/exact_amount.h"

#include "core/error.h"

#include <boost/multiprecision/integer.hpp>

#include <algorithm>
#include <limits>

namespace commerce {
namespace {

using Int = ExactAmount::Int;

Int pow10(int exponent) { return boost::multiprecision::pow(Int(10), static_cast<unsigned>(exponent)); }

const Int kMaxWeight = std::numeric_limits<std::int64_t>::max();

}  // namespace

ExactAmount::ExactAmount(Int numerator, Int denominator) {
    // Reduced on construction, so sums over many lines keep small denominators.
    const Int divisor = gcd(numerator, denominator);
    numerator_ = numerator / divisor;
    denominator_ = denominator / divisor;
}

ExactAmount::ExactAmount(const Decimal& numerator, const Decimal& denominator) {
    if (denominator.sign() <= 0) throw_invalid("denominator", "an exact amount needs a positive denominator");
    // (a / 10^s) / (b / 10^t) = (a * 10^t) / (b * 10^s)
    *this = ExactAmount(numerator.coefficient() * pow10(denominator.scale()),
                        denominator.coefficient() * pow10(numerator.scale()));
}

ExactAmount ExactAmount::operator+(const ExactAmount& other) const {
    return ExactAmount(numerator_ * other.denominator_ + other.numerator_ * denominator_,
                       denominator_ * other.denominator_);
}

std::int64_t ExactAmount::rounded(RoundingMode mode) const {
    const Int whole = Decimal(numerator_).divided(Decimal(denominator_), 0, mode).coefficient();
    if (whole > std::numeric_limits<std::int64_t>::max() || whole < std::numeric_limits<std::int64_t>::min())
        throw Error(COMMERCE_ERR_OVERFLOW, "a tax amount does not fit in 64-bit minor units");
    return whole.convert_to<std::int64_t>();
}

std::vector<std::int64_t> proportional_weights(std::span<const ExactAmount> amounts) {
    Int common_denominator = 1;
    for (const ExactAmount& amount : amounts) common_denominator = lcm(common_denominator, amount.denominator());
    std::vector<Int> weights;
    weights.reserve(amounts.size());
    Int divisor = 0;  // gcd(0, x) == x, so the first non-zero weight starts it
    for (const ExactAmount& amount : amounts) {
        weights.push_back(amount.numerator() * (common_denominator / amount.denominator()));
        divisor = gcd(divisor, weights.back());
    }
    if (divisor.is_zero()) return std::vector<std::int64_t>(amounts.size(), 0);
    Int largest = 0;
    for (Int& weight : weights) {
        weight /= divisor;
        largest = std::max(largest, weight);
    }
    const Int shrink = largest > kMaxWeight ? Int(largest / kMaxWeight + 1) : Int(1);
    std::vector<std::int64_t> result;
    result.reserve(weights.size());
    for (const Int& weight : weights) result.push_back(Int(weight / shrink).convert_to<std::int64_t>());
    return result;
}

}  // namespace commerce

