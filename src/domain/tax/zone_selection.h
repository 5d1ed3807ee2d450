// Which tax zone applies to a destination. The rule, documented in docs/taxes.md: among the zones whose every
// condition holds, the most specific wins — a zone with postal patterns, then one with a region condition (a
// regions list or a condition on the origin's region), then one naming only a country, then the catch-all
// "*" — and equally specific zones are decided by the smallest id.
#pragma once

#include "domain/tax/tax_definitions.h"

#include <optional>
#include <string>

namespace commerce {

// Where the goods go. Country, region and postal code are compared in canonical form (uppercase, postal
// spaces removed), so callers may pass them as the customer typed them.
struct TaxAddress {
    std::string country;                     // ISO 3166-1 alpha-2
    std::optional<std::string> region;       // the subdivision part of ISO 3166-2: "CA", "QC", "KA"
    std::optional<std::string> postal_code;
};

// The zone that applies to `destination`, or nullptr when none matches. A zone with a region condition never
// matches a destination without a region, nor one with postal patterns a destination without a postal code.
// Errors: a country that is not two ASCII letters (field "country", reason "format"), a region that is not 1 to
// 8 ASCII letters or digits (field "region"), a postal code outside postal_pattern.h's alphabet (field
// "postal_code"), each INVALID_ARGUMENT.
const TaxZone* select_tax_zone(const TaxDefinitions& definitions, const TaxAddress& destination);

}  // namespace commerce
