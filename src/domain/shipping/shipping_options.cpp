#include "domain/shipping/shipping_options.h"

#include <algorithm>

namespace commerce {
namespace {

bool delivers_to(const ShippingMethod& method, const std::optional<ShippingDestination>& destination) {
    if (method.kind == ShippingKind::pickup) return true;
    if (!destination) return false;  // a delivery is priced once the cart says where it goes
    if (!method.countries.empty() &&
        !std::binary_search(method.countries.begin(), method.countries.end(), destination->country))
        return false;
    if (method.regions.empty()) return true;
    return destination->region &&
           std::binary_search(method.regions.begin(), method.regions.end(), *destination->region);
}

// The rate's price for the cart, nullopt when its weight tiers do not reach the cart's weight.
std::optional<Money> price_of(const ShippingRate& rate, const ShippingRequest& request) {
    if (rate.free_over && request.subtotal >= *rate.free_over) return Money::zero(*request.currency);
    if (const auto* flat = std::get_if<FlatRate>(&rate.rule)) return flat->amount;
    if (const auto* tiers = std::get_if<std::vector<WeightTier>>(&rate.rule)) {
        for (const auto& tier : *tiers)
            if (!tier.max_grams || request.weight_grams <= *tier.max_grams) return tier.amount;
        return std::nullopt;
    }
    const auto& tiers = std::get<std::vector<SubtotalTier>>(rate.rule);
    std::optional<Money> price;
    for (const auto& tier : tiers)
        if (request.subtotal >= tier.min_subtotal) price = tier.amount;
    return price;  // below the first tier the method is not offered
}

}  // namespace

std::vector<ShippingOption> shipping_options(const ShippingDefinitions& definitions, const ShippingRequest& request) {
    std::vector<ShippingOption> options;
    if (!request.requires_shipping) return options;
    for (const auto& method : definitions.methods) {
        if (!delivers_to(method, request.destination)) continue;
        const auto rate = method.rates.find(std::string(request.currency->code));
        if (rate == method.rates.end()) {
            if (method.kind == ShippingKind::pickup && method.rates.empty())
                options.push_back({&method, Money::zero(*request.currency)});
            continue;
        }
        if (auto price = price_of(rate->second, request)) options.push_back({&method, *price});
    }
    return options;
}

}  // namespace commerce
