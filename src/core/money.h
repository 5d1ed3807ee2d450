// An amount of one currency as a whole number of its minor units (cents for EUR, yen for JPY, fils for KWD).
// Integers make sums exact and storage trivial; every way into a Money either is exact or names its rounding.
#pragma once

#include "core/currency.h"
#include "core/decimal.h"
#include "core/rounding.h"

#include <nlohmann/json_fwd.hpp>

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

class Money {
public:
    // "19.90" in "EUR". Fewer decimals than the currency has are fine ("5" EUR is 5.00); more are refused, never
    // rounded. Errors: unknown currency (field "currency"), malformed text or too many decimals (field "amount"),
    // COMMERCE_ERR_OVERFLOW when the amount does not fit in 64-bit minor units.
    static Money parse(std::string_view amount, std::string_view currency_code);
    // An exact decimal that is a whole number of the currency's minor units (trailing zeros are fine: 1.500 is
    // 1.50 EUR), as computed amounts are once rounded; a finer value is invalid input in the field "amount",
    // one outside 64-bit minor units COMMERCE_ERR_OVERFLOW.
    static Money of(const Decimal& amount, const Currency& currency);
    static Money from_minor(std::int64_t minor, const Currency& currency) noexcept;
    static Money zero(const Currency& currency) noexcept;
    // {"amount":"19.90","currency":"EUR"}: both members required strings, then as parse().
    static Money from_json(const nlohmann::json& value);

    std::int64_t minor() const noexcept { return minor_; }
    const Currency& currency() const noexcept { return *currency_; }
    // The exact value in major units, scale = the currency's exponent.
    Decimal amount() const;
    // Always exactly the currency's decimals: "19.90" EUR, "1000" JPY, "1.250" KWD, "-0.05" EUR.
    std::string amount_string() const;
    nlohmann::json to_json() const;

    bool is_negative() const noexcept { return minor_ < 0; }
    bool is_zero() const noexcept { return minor_ == 0; }

    // Both operands must share the currency (else COMMERCE_ERR_CURRENCY_MISMATCH with details left/right); a
    // result outside 64-bit minor units is COMMERCE_ERR_OVERFLOW.
    Money operator+(const Money& other) const;
    Money operator-(const Money& other) const;
    Money operator-() const;
    Money times(std::int64_t quantity) const;
    // The exact product with a decimal rate (a tax or discount rate, a unit price factor), rounded once to the
    // currency's minor unit.
    Money times_rate(const Decimal& rate, RoundingMode mode = RoundingMode::half_even) const;
    // Rounded to a multiple of a cash increment (CHF 0.05). The increment must be positive and a whole number of
    // the currency's minor units, else invalid input in the field "increment".
    Money rounded_to_cash(const Decimal& increment, RoundingMode mode = RoundingMode::half_even) const;

    // Ordering only exists within one currency: comparing EUR with USD throws COMMERCE_ERR_CURRENCY_MISMATCH.
    std::strong_ordering operator<=>(const Money& other) const;
    bool operator==(const Money& other) const;

    // Splits this amount over non-negative integer weights by the largest remainder method, in minor units: the
    // shares sum exactly to this amount, each is within one minor unit of its exact proportional value, a zero
    // weight gets zero, and allocating -x gives the negated shares of x. Leftover units go to the largest
    // remainders, ties to the lower index. Empty weights, a negative weight, or all-zero weights with a non-zero
    // amount are invalid input in the field "weights".
    std::vector<Money> allocate(std::span<const std::int64_t> weights) const;

private:
    Money(std::int64_t minor, const Currency& currency) noexcept : minor_(minor), currency_(&currency) {}

    std::int64_t minor_;
    const Currency* currency_;
};

// Prints "19.90 EUR": readable test failures and logs.
std::ostream& operator<<(std::ostream& out, const Money& value);

}  // namespace commerce
