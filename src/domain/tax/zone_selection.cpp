#include "domain/tax/zone_selection.h"

#include "core/error.h"
#include "domain/tax/place_codes.h"
#include "domain/tax/postal_pattern.h"

#include <algorithm>

namespace commerce {
namespace {

// The destination in the canonical form zones are stored in.
struct Destination {
    std::string country;
    std::optional<std::string> region;
    std::optional<std::string> postal_code;
};

Destination canonical(const TaxAddress& address) {
    Destination destination;
    auto country = normalized_country(address.country);
    if (!country) throw_invalid("country", "format", "country must be an ISO 3166-1 alpha-2 code like \"FR\"");
    destination.country = *country;
    if (address.region) {
        destination.region = normalized_region(*address.region);
        if (!destination.region)
            throw_invalid("region", "format", "region must be an ISO 3166-2 subdivision code like \"CA\" or \"KA\"");
    }
    if (address.postal_code) {
        destination.postal_code = normalized_postal(*address.postal_code, /*pattern=*/false);
        if (!destination.postal_code)
            throw_invalid("postal_code", "format",
                          "postal_code holds at most 32 ASCII letters, digits, '-' and spaces");
    }
    return destination;
}

// Larger is more specific: postal patterns narrow a zone most, then a region condition, then a country.
int specificity(const TaxZone& zone) {
    if (!zone.postal_patterns.empty()) return 3;
    if (!zone.regions.empty() || zone.origin_region != OriginRegionCondition::any) return 2;
    if (zone.country) return 1;
    return 0;
}

bool within_origin_region(const Destination& destination, const TaxOrigin& origin) {
    return destination.country == origin.country && origin.region && destination.region == origin.region;
}

bool matches(const TaxZone& zone, const Destination& destination, const TaxOrigin& origin) {
    if (zone.country && *zone.country != destination.country) return false;
    const bool region_condition = !zone.regions.empty() || zone.origin_region != OriginRegionCondition::any;
    if (region_condition && !destination.region) return false;
    if (!zone.regions.empty() && !std::binary_search(zone.regions.begin(), zone.regions.end(), *destination.region))
        return false;
    if (zone.origin_region == OriginRegionCondition::same_as_origin && !within_origin_region(destination, origin))
        return false;
    if (zone.origin_region == OriginRegionCondition::other_than_origin && within_origin_region(destination, origin))
        return false;
    if (zone.postal_patterns.empty()) return true;
    if (!destination.postal_code) return false;
    return std::any_of(zone.postal_patterns.begin(), zone.postal_patterns.end(), [&](const std::string& pattern) {
        return matches_postal_pattern(*destination.postal_code, pattern);
    });
}

}  // namespace

const TaxZone* select_tax_zone(const TaxDefinitions& definitions, const TaxAddress& address) {
    const Destination destination = canonical(address);
    const TaxZone* best = nullptr;
    // Zones are sorted by id, so keeping the first of the highest specificity breaks ties by the smallest id.
    for (const TaxZone& zone : definitions.zones) {
        if (!matches(zone, destination, definitions.origin)) continue;
        if (!best || specificity(zone) > specificity(*best)) best = &zone;
    }
    return best;
}

}  // namespace commerce
