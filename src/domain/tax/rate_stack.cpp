#include "domain/tax/rate_stack.h"

namespace commerce {

const std::vector<TaxRate>& rates_for_class(const TaxZone& zone, std::string_view tax_class) {
    static const std::vector<TaxRate> untaxed;
    if (auto listed = zone.rates.find(tax_class); listed != zone.rates.end()) return listed->second;
    if (tax_class == kTaxClassZero) return untaxed;
    auto standard = zone.rates.find(kTaxClassStandard);
    return standard != zone.rates.end() ? standard->second : untaxed;
}

RateStack stack_rates(const std::vector<TaxRate>& rates) {
    const Decimal hundredth(1, 2);
    RateStack stack;
    Decimal taxes_so_far;  // the sum of the earlier factors: what a compound rate adds to its base
    for (const TaxRate& rate : rates) {
        const Decimal base = rate.compound ? Decimal(1) + taxes_so_far : Decimal(1);
        const Decimal factor = rate.percent * hundredth * base;
        stack.rates.push_back({&rate, factor});
        taxes_so_far = taxes_so_far + factor;
    }
    stack.gross_factor = Decimal(1) + taxes_so_far;
    return stack;
}

}  // namespace commerce
