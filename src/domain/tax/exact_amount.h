// An exact number of minor units that may have no finite decimal form. The tax inside a tax-inclusive price is
// gross * rate / (1 + rate): 10.00 EUR at 20% holds 166.666... cents of VAT. Invoice-level rounding must add
// such amounts exactly before rounding once, so they are kept as fractions until then.
#pragma once

#include "core/decimal.h"
#include "core/rounding.h"

#include <cstdint>
#include <span>
#include <vector>

namespace commerce {

class ExactAmount {
public:
    using Int = Decimal::Int;

    ExactAmount() = default;  // zero
    // numerator / denominator minor units; the denominator must be positive.
    ExactAmount(const Decimal& numerator, const Decimal& denominator);

    const Int& numerator() const noexcept { return numerator_; }
    const Int& denominator() const noexcept { return denominator_; }

    ExactAmount operator+(const ExactAmount& other) const;

    // The whole number of minor units nearest by `mode`. Beyond 64 bits is COMMERCE_ERR_OVERFLOW.
    std::int64_t rounded(RoundingMode mode) const;

private:
    ExactAmount(Int numerator, Int denominator);

    Int numerator_ = 0;
    Int denominator_ = 1;  // positive, and coprime with the numerator
};

// Non-negative amounts as integer weights for Money::allocate, in exact proportion: the amounts brought to a
// common denominator, divided by their greatest common divisor. Only when even those exceed 64 bits (amounts
// near 10^18 minor units, or many unrelated denominators) are all weights divided by one factor, which keeps the
// proportions to about one part in 10^18.
std::vector<std::int64_t> proportional_weights(std::span<const ExactAmount> amounts);

}  // namespace commerce
