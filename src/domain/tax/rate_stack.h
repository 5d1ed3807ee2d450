// The rates a zone applies to one tax class, turned into factors of the net price. A plain rate takes
// percent/100 of the net; a compound rate takes percent/100 of the net plus every tax listed before it. Either
// way each tax is net * factor, and the gross is net * (1 + the sum of the factors), which is all the
// computation needs to go from a tax-exclusive price up or from a tax-inclusive price down.
#pragma once

#include "core/decimal.h"
#include "domain/tax/tax_definitions.h"

#include <string_view>
#include <vector>

namespace commerce {

struct StackedRate {
    const TaxRate* rate;  // points into the zone, which outlives the computation
    Decimal factor;       // this tax as a fraction of the net
};

struct RateStack {
    std::vector<StackedRate> rates;  // in the order the zone lists them
    Decimal gross_factor{1};         // gross / net
};

// The rates that apply to `tax_class` in `zone`: those the zone lists for the class; for a class it does not
// list, the zone's standard rates, because charging the general rate is the safe default for a forgotten class
// — except the zero class, which is untaxed unless listed.
const std::vector<TaxRate>& rates_for_class(const TaxZone& zone, std::string_view tax_class);

RateStack stack_rates(const std::vector<TaxRate>& rates);

}  // namespace commerce
