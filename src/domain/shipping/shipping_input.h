// Reading a store's shipping methods from JSON (docs/shipping.md). Everything is checked here, once: bad input is
// INVALID_ARGUMENT with details {"field": "methods[1].rates[0].tiers[2].max_grams", "reason": "not_increasing"}.
#pragma once

#include "core/json_input.h"
#include "domain/shipping/shipping_definitions.h"

namespace commerce {

inline constexpr std::size_t kMaxShippingMethods = 100;
inline constexpr std::size_t kMaxShippingTiers = 50;
inline constexpr std::size_t kMaxShippingCountries = 300;
inline constexpr int64_t kMaxDeliveryDays = 365;

ShippingDefinitions parse_shipping_definitions(const json& input);

}  // namespace commerce
