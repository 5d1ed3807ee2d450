// Exchange rates and conversion between two currencies (docs/currencies.md). A rate says what one unit of its base
// currency is worth in its quote currency from a moment on; rates are history, recorded once and never edited,
// so any past conversion can be made again exactly.
#pragma once

#include "core/money.h"
#include "domain/currency/price_rounding.h"

#include <cstdint>
#include <optional>
#include <string>

namespace commerce {

struct ExchangeRate {
    std::string id;
    const Currency* base = nullptr;
    const Currency* quote = nullptr;
    Decimal rate;  // one base is `rate` quote: positive, exact
    int64_t effective_ms = 0;  // in force from then until the pair's next rate by effective time
    int64_t created_ms = 0;
    std::optional<std::string> created_by;  // the user who recorded it
};

// The most fraction digits a rate may have: finer than any published rate, and a bound on the cost of exact
// arithmetic with it.
inline constexpr int kMaxExchangeRateDecimals = 12;

// INVALID_ARGUMENT unless the rate is usable: two different currencies (field "quote", reason "same_currency"),
// a positive rate (field "rate", reason "out_of_range") of at most kMaxExchangeRateDecimals decimals ("precision").
void check_exchange_rate(const ExchangeRate& rate);

// The amount, in the rate's base or quote currency, in the other one: multiplied by the rate from the base, divided
// by it from the quote, and rounded once by `rounding` (half-even to the minor unit by default).
// CURRENCY_MISMATCH for an amount in neither currency.
Money convert(const Money& amount, const ExchangeRate& rate, const PriceRounding& rounding = {});

}  // namespace commerce
