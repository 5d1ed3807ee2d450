#include "core/money.h"

#include "core/decimal_text.h"
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <numeric>
#include <ostream>

namespace commerce {
namespace {

using Int = Decimal::Int;

std::string code_of(const Currency& currency) { return std::string(currency.code); }

[[noreturn]] void throw_overflow(const Currency& currency, const std::string& what, nlohmann::json details) {
    details["currency"] = code_of(currency);
    throw Error(COMMERCE_ERR_OVERFLOW, what + " does not fit in 64-bit " + code_of(currency) + " minor units",
                std::move(details));
}

std::int64_t to_int64(const Int& value, const Currency& currency, const std::string& what,
                      nlohmann::json details = nlohmann::json::object()) {
    if (value > std::numeric_limits<std::int64_t>::max() || value < std::numeric_limits<std::int64_t>::min()) {
        throw_overflow(currency, what, std::move(details));
    }
    return value.convert_to<std::int64_t>();
}

// Codes, not pointers, decide: a Currency built outside the table is still the same currency.
void require_same_currency(const Currency& left, const Currency& right) {
    if (&left == &right || left.code == right.code) return;
    throw Error(COMMERCE_ERR_CURRENCY_MISMATCH,
                "cannot combine " + code_of(left) + " and " + code_of(right) + " amounts",
                {{"left", code_of(left)}, {"right", code_of(right)}});
}

}  // namespace

Money Money::parse(std::string_view amount, std::string_view currency_code) {
    const Currency& unit = commerce::currency(currency_code);
    const Decimal value = Decimal::parse(amount);
    if (value.scale() > unit.exponent) {
        // The text passed Decimal::parse, so it is short plain ASCII and safe to echo.
        throw_invalid("amount", "amount '" + std::string(amount) + "' has more decimals than " + code_of(unit) +
                                    " allows (" + std::to_string(unit.exponent) + ")");
    }
    return of(value, unit);
}

Money Money::of(const Decimal& amount, const Currency& currency) {
    const Decimal on_minor_grid = amount.rescaled(currency.exponent, RoundingMode::down);
    if (on_minor_grid != amount)
        throw_invalid("amount", "amount " + amount.to_string() + " is not a whole number of " + code_of(currency) +
                                    " minor units");
    return Money(to_int64(on_minor_grid.coefficient(), currency, "amount " + amount.to_string(), {{"field", "amount"}}),
                 currency);
}

Money Money::from_minor(std::int64_t minor, const Currency& currency) noexcept { return Money(minor, currency); }

Money Money::zero(const Currency& currency) noexcept { return Money(0, currency); }

Money Money::from_json(const nlohmann::json& value) {
    if (!value.is_object()) throw_invalid("money", "money must be an object with string members amount and currency");
    const auto amount = value.find("amount");
    if (amount == value.end() || !amount->is_string()) throw_invalid("amount", "amount must be a string like \"19.90\"");
    const auto code = value.find("currency");
    if (code == value.end() || !code->is_string()) throw_invalid("currency", "currency must be a string like \"EUR\"");
    return parse(amount->get_ref<const std::string&>(), code->get_ref<const std::string&>());
}

Decimal Money::amount() const { return Decimal(Int(minor_), currency_->exponent); }

// Straight from the 64-bit minor units: every document shows many amounts, and a trip through Decimal's big
// integer costs more than the rest of the formatting.
std::string Money::amount_string() const {
    const auto magnitude = minor_ < 0 ? 0 - static_cast<std::uint64_t>(minor_) : static_cast<std::uint64_t>(minor_);
    return scaled_text(std::to_string(magnitude), currency_->exponent, minor_ < 0);
}

nlohmann::json Money::to_json() const {
    nlohmann::json value(nlohmann::json::value_t::object);
    value.emplace("amount", amount_string());
    value.emplace("currency", code_of(*currency_));
    return value;
}

Money Money::operator+(const Money& other) const {
    require_same_currency(*currency_, *other.currency_);
    std::int64_t sum = 0;
    if (__builtin_add_overflow(minor_, other.minor_, &sum)) throw_overflow(*currency_, "sum", {});
    return Money(sum, *currency_);
}

Money Money::operator-(const Money& other) const {
    require_same_currency(*currency_, *other.currency_);
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(minor_, other.minor_, &difference)) throw_overflow(*currency_, "difference", {});
    return Money(difference, *currency_);
}

Money Money::operator-() const {
    std::int64_t negated = 0;
    if (__builtin_sub_overflow(std::int64_t{0}, minor_, &negated)) throw_overflow(*currency_, "negated amount", {});
    return Money(negated, *currency_);
}

Money Money::times(std::int64_t quantity) const {
    std::int64_t product = 0;
    if (__builtin_mul_overflow(minor_, quantity, &product)) throw_overflow(*currency_, "product", {});
    return Money(product, *currency_);
}

Money Money::times_rate(const Decimal& rate, RoundingMode mode) const {
    // In minor units the product only needs rounding to an integer.
    const Decimal exact = Decimal(Int(minor_)) * rate;
    return Money(to_int64(exact.rescaled(0, mode).coefficient(), *currency_, "product"), *currency_);
}

Money Money::rounded_to_cash(const Decimal& increment, RoundingMode mode) const {
    // Work in minor units, where the increment must be a whole number (0.05 CHF = 5 rappen): a finer increment
    // would produce amounts the currency cannot hold.
    const Decimal on_minor_grid = increment.rescaled(currency_->exponent, RoundingMode::down);
    if (on_minor_grid != increment) {
        throw_invalid("increment", "cash increment " + increment.to_string() + " is not a whole number of " +
                                       code_of(*currency_) + " minor units");
    }
    const Decimal increment_minor(on_minor_grid.coefficient());
    const Decimal rounded = Decimal(Int(minor_)).rounded_to_increment(increment_minor, mode);
    return Money(to_int64(rounded.rescaled(0).coefficient(), *currency_, "cash-rounded amount"), *currency_);
}

std::strong_ordering Money::operator<=>(const Money& other) const {
    require_same_currency(*currency_, *other.currency_);
    return minor_ <=> other.minor_;
}

bool Money::operator==(const Money& other) const {
    require_same_currency(*currency_, *other.currency_);
    return minor_ == other.minor_;
}

std::vector<Money> Money::allocate(std::span<const std::int64_t> weights) const {
    if (weights.empty()) throw_invalid("weights", "weights must not be empty");
    Int total_weight;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] < 0) throw_invalid("weights", "weight " + std::to_string(i) + " is negative");
        total_weight += weights[i];
    }
    if (total_weight.is_zero()) {
        if (minor_ != 0) throw_invalid("weights", "all weights are zero but the amount is not");
        return std::vector<Money>(weights.size(), *this);
    }
    // Allocate the magnitude and negate afterwards, so allocate(-x) is exactly -allocate(x). Int holds 2^63 too.
    const Int magnitude = minor_ < 0 ? Int(-Int(minor_)) : Int(minor_);
    std::vector<Int> shares(weights.size());
    std::vector<Int> remainders(weights.size());
    Int allocated;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Int exact_numerator = magnitude * weights[i];
        shares[i] = exact_numerator / total_weight;
        remainders[i] = exact_numerator % total_weight;
        allocated += shares[i];
    }
    // The leftover is below the count of non-zero remainders (each remainder is under one unit), so only shares
    // with a fractional part receive one and a zero weight stays zero. The sort is stable: equal remainders keep
    // index order, so ties go to the lower index.
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    const auto leftover = Int(magnitude - allocated).convert_to<std::size_t>();
    for (std::size_t k = 0; k < leftover; ++k) shares[order[k]] += 1;

    std::vector<Money> result;
    result.reserve(weights.size());
    for (const Int& share : shares) {
        // Every share is at most the magnitude, so it fits once the sign is restored.
        result.push_back(Money((minor_ < 0 ? Int(-share) : share).convert_to<std::int64_t>(), *currency_));
    }
    return result;
}

std::ostream& operator<<(std::ostream& out, const Money& value) {
    return out << value.amount_string() << ' ' << value.currency().code;
}

}  // namespace commerce
