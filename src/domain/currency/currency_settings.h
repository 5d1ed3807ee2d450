// The store's currencies (docs/currencies.md): the base currency its prices are set in and reports are made in,
// and the presentment currencies shoppers may see prices in, each with how a converted price is rounded.
#pragma once

#include "domain/currency/price_rounding.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <vector>

namespace commerce {

inline constexpr std::size_t kMaxPresentmentCurrencies = 64;

struct PresentmentCurrency {
    const Currency* currency = nullptr;
    PriceRounding rounding;
};

struct CurrencySettings {
    const Currency* base = nullptr;
    std::vector<PresentmentCurrency> presentment;  // never the base, each once

    // The presentment entry of the currency, or nullptr when shoppers do not see converted prices in it.
    const PresentmentCurrency* presentment_of(const Currency& currency) const;
};

// {"base": "EUR", "presentment": [{"currency": "USD", "rounding_increment": "0.05", "rounding": "half_up",
//  "charm": {"step": "1", "ending": "0.99"}}]}: only "base" is required. INVALID_ARGUMENT naming the member by its
// path ("presentment[1].charm.ending") with a reason: "required", "type", "unknown_member", "unknown_currency",
// "duplicate", "same_as_base", "too_many", "format", "unknown_mode", and check_price_rounding's reasons.
CurrencySettings parse_currency_settings(const nlohmann::json& input);

}  // namespace commerce
