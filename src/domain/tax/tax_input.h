// Reading a store's tax definition from JSON (the format is documented in docs/taxes.md). Everything is checked
// here, once, so the computation never meets an impossible definition: bad input is INVALID_ARGUMENT with
// details {"field": "zones[2].rates.standard[0].rate", "reason": "out_of_range"} and a stable reason.
#pragma once

#include "core/json_input.h"
#include "domain/tax/tax_definitions.h"

namespace commerce {

// Bounds that keep a hostile definition cheap to read and to evaluate, generous for any real store.
inline constexpr std::size_t kMaxTaxZones = 1000;
inline constexpr std::size_t kMaxTaxClasses = 100;
inline constexpr std::size_t kMaxRatesPerClass = 8;
inline constexpr std::size_t kMaxZoneRegions = 200;
inline constexpr std::size_t kMaxZonePostalPatterns = 1000;
inline constexpr std::size_t kMaxTaxName = 64;  // zone ids, class names, rate names
inline constexpr int kMaxRateDecimals = 6;     // "9.975", "8.875": four are already rare

TaxDefinitions parse_tax_definitions(const json& input);

}  // namespace commerce
