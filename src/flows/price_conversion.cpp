#include "flows/price_conversion.h"

#include "flows/currencies.h"

namespace commerce::flows {

std::optional<UnitPrice> CatalogPricer::unit_price(const Variant& variant) {
    if (auto set = variant.price_in(currency_)) return UnitPrice{*set, std::nullopt};
    const auto& resolved = conversion();
    if (!resolved) return std::nullopt;
    const auto base_price = variant.price_in(*resolved->base);
    if (!base_price) return std::nullopt;
    return UnitPrice{convert(*base_price, resolved->rate, resolved->rounding),
                     PriceConversion{*base_price, resolved->rate}};
}

const std::optional<CatalogPricer::Conversion>& CatalogPricer::conversion() {
    if (conversion_) return *conversion_;
    conversion_.emplace();
    const auto settings = store_currency_settings(tx_);
    if (!settings) return *conversion_;
    const PresentmentCurrency* presentment = settings->presentment_of(currency_);
    if (!presentment) return *conversion_;
    if (auto rate = rate_between(tx_, *settings->base, currency_, now_ms_))
        conversion_->emplace(Conversion{settings->base, presentment->rounding, *std::move(rate)});
    return *conversion_;
}

std::optional<DisplayTotal> display_total(Transaction& tx, const Cart& cart, const Money& total, int64_t now_ms) {
    if (!cart.display_currency) return std::nullopt;
    const auto rate = rate_between(tx, *cart.currency, *cart.display_currency, now_ms);
    if (!rate) return std::nullopt;
    return DisplayTotal{convert(total, *rate), *rate};
}

}  // namespace commerce::flows
