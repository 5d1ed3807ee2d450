// A store's tax rules, as read from its JSON definition (tax_input.h): where the store ships from, the tax
// classes its products belong to, and the zones that say which rates apply where. Plain values: the computation
// (taxes.h) reads them, storage will persist them, and nothing here knows about carts.
#pragma once

#include "core/decimal.h"
#include "core/rounding.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

// The classes every store has. A shop adds its own names ("books", "children_clothing") next to these.
inline constexpr const char* kTaxClassStandard = "standard";
inline constexpr const char* kTaxClassReduced = "reduced";
inline constexpr const char* kTaxClassZero = "zero";
inline constexpr const char* kTaxClassDigital = "digital";

// Where the store ships from. The region matters for taxes that depend on whether a sale crosses a regional
// border (India GST: CGST + SGST within the store's state, IGST across states).
struct TaxOrigin {
    std::string country;                // ISO 3166-1 alpha-2, uppercase
    std::optional<std::string> region;  // the subdivision part of ISO 3166-2, uppercase ("KA" for IN-KA)
};

// One tax of a class in a zone: "VAT 20%". A compound rate applies to the base plus the taxes listed before it
// (Quebec's QST before 2013 applied on price + GST); a plain rate applies to the base alone.
struct TaxRate {
    std::string name;  // "VAT", "CGST"; unique within its class in a zone
    Decimal percent;   // 0 <= percent <= 100, trailing zeros removed: "20", "9.975"
    bool compound = false;
};

// Per tax class, the rates in the order they apply (which matters for compound rates).
using TaxRatesByClass = std::map<std::string, std::vector<TaxRate>, std::less<>>;

// Whether rounding happens per tax of each line, or once per tax of the whole invoice (then allocated back to
// the lines so they still add up).
enum class TaxRoundingLevel { line, invoice };

struct TaxRounding {
    TaxRoundingLevel level = TaxRoundingLevel::line;
    RoundingMode mode = RoundingMode::half_even;
};

// A zone condition relating the destination's region to the store's origin region. It makes split taxes
// generic: a zone for sales within the origin's region and another for sales leaving it.
enum class OriginRegionCondition {
    any,              // no condition
    same_as_origin,   // destination country and region equal the origin's
    other_than_origin // destination outside the origin's region (or country)
};

// Where a set of rates applies. A zone matches a destination when every condition it names holds; when several
// match, the most specific wins (zone_selection.h).
struct TaxZone {
    std::string id;
    std::optional<std::string> country;        // ISO 3166-1 alpha-2, uppercase; nullopt for the catch-all "*"
    std::vector<std::string> regions;          // sorted, uppercase; empty means any region
    OriginRegionCondition origin_region = OriginRegionCondition::any;
    std::vector<std::string> postal_patterns;  // normalized (postal_pattern.h); empty means any postal code
    bool prices_include_tax = false;
    TaxRounding rounding;
    TaxRatesByClass rates;
};

struct TaxDefinitions {
    TaxOrigin origin;
    std::vector<std::string> tax_classes;  // sorted: the built-in classes and the shop's own
    std::vector<TaxZone> zones;            // sorted by id
};

}  // namespace commerce
