#include "domain/currency/exchange_rate.h"

#include "core/error.h"

#include <fmt/format.h>

namespace commerce {

void check_exchange_rate(const ExchangeRate& rate) {
    if (rate.base->code == rate.quote->code)
        throw_invalid("quote", "same_currency", "an exchange rate needs two different currencies");
    if (rate.rate.sign() <= 0) throw_invalid("rate", "out_of_range", "an exchange rate must be positive");
    if (rate.rate.scale() > kMaxExchangeRateDecimals)
        throw_invalid("rate", "precision",
                      fmt::format("an exchange rate has at most {} decimals", kMaxExchangeRateDecimals));
}

Money convert(const Money& amount, const ExchangeRate& rate, const PriceRounding& rounding) {
    const std::string_view from = amount.currency().code;
    if (from == rate.base->code) return rounded_price(amount.amount() * rate.rate, Decimal(1), *rate.quote, rounding);
    if (from == rate.quote->code) return rounded_price(amount.amount(), rate.rate, *rate.base, rounding);
    throw Error(COMMERCE_ERR_CURRENCY_MISMATCH,
                fmt::format("a {}/{} rate cannot convert {}", rate.base->code, rate.quote->code, from),
                {{"currency", from}, {"base", rate.base->code}, {"quote", rate.quote->code}});
}

}  // namespace commerce
