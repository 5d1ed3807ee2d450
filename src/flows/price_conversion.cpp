#include "flows/price_conversion.h"

#include "flows/currencies.h"

namespace commerce::flows {

std::optional<UnitPrice> unit_price(Transaction& tx, const Variant& variant, const Currency& currency, int64_t now_ms) {
    if (auto set = variant.price_in(currency)) return UnitPrice{*set, std::nullopt};
    // Only a variant without a set price pays for reading the settings and the rate.
    const auto settings = store_currency_settings(tx);
    if (!settings) return std::nullopt;
    const PresentmentCurrency* presentment = settings->presentment_of(currency);
    const auto base_price = variant.price_in(*settings->base);
    if (!presentment || !base_price) return std::nullopt;
    const auto rate = rate_between(tx, *settings->base, currency, now_ms);
    if (!rate) return std::nullopt;
    return UnitPrice{convert(*base_price, *rate, presentment->rounding), PriceConversion{*base_price, *rate}};
}

std::optional<DisplayTotal> display_total(Transaction& tx, const Cart& cart, const Money& total, int64_t now_ms) {
    if (!cart.display_currency) return std::nullopt;
    const auto rate = rate_between(tx, *cart.currency, *cart.display_currency, now_ms);
    if (!rate) return std::nullopt;
    return DisplayTotal{convert(total, *rate), *rate};
}

}  // namespace commerce::flows
