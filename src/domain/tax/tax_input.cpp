#include "domain/tax/tax_input.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/text.h"
#include "domain/tax/place_codes.h"
#include "domain/tax/postal_pattern.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace commerce {
namespace {

using namespace definition;

const Members kDefinitionMembers = {"origin", "prices_include_tax", "rounding", "tax_classes", "zones"};
const Members kOriginMembers = {"country", "region"};
const Members kRoundingMembers = {"level", "mode"};
const Members kZoneMembers = {"id",     "country",          "regions",  "origin_region", "postal_codes",
                              "rates", "prices_include_tax", "rounding"};
const Members kRateMembers = {"name", "rate", "compound"};
const std::initializer_list<const char*> kBuiltInClasses = {kTaxClassStandard, kTaxClassReduced, kTaxClassZero,
                                                            kTaxClassDigital};

// Zone ids, class and rate names: short, non-empty UTF-8.
std::string name_text(std::string text, const std::string& field) {
    if (text.empty()) throw_invalid(field, "empty", fmt::format("{} must not be empty", field));
    if (text.size() > kMaxTaxName || !is_valid_utf8(text))
        throw_invalid(field, "too_long", fmt::format("{} must be UTF-8 of at most {} bytes", field, kMaxTaxName));
    return text;
}

// Class names are identifiers products refer to, so they keep to a spelling every host can carry.
std::string class_name(const json& value, const std::string& field) {
    if (!value.is_string()) throw_invalid(field, "type", fmt::format("{} must be a string", field));
    std::string name = name_text(value.get<std::string>(), field);
    const bool identifier = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    if (!identifier) throw_invalid(field, "format", fmt::format("{} holds only a-z, 0-9, '_' and '-'", field));
    return name;
}

std::string country_code(const std::string& text, const std::string& field) {
    auto code = normalized_country(text);
    if (!code) throw_invalid(field, "format", fmt::format("{} must be an ISO 3166-1 alpha-2 code like \"FR\"", field));
    return *code;
}

std::string region_code(const json& value, const std::string& field) {
    auto code = value.is_string() ? normalized_region(value.get_ref<const std::string&>()) : std::nullopt;
    if (!code)
        throw_invalid(field, "format", fmt::format("{} must be an ISO 3166-2 subdivision code like \"CA\"", field));
    return *code;
}

TaxOrigin parse_origin(const json& input) {
    const json* value = member(input, "origin");
    if (!value) throw_invalid("origin", "required", "origin (the country the store ships from) is required");
    require_known_members(*value, "origin", kOriginMembers);
    TaxOrigin origin;
    origin.country = country_code(required_string_member(*value, "country", "origin.country"), "origin.country");
    if (const json* region = member(*value, "region")) origin.region = region_code(*region, "origin.region");
    return origin;
}

// `rounding` with the members the object gives replaced: a zone may change the mode and keep the store's level.
TaxRounding parse_rounding(const json& value, const std::string& field, TaxRounding rounding) {
    require_known_members(value, field, kRoundingMembers);
    if (auto level = string_member(value, "level", path(field, "level"))) {
        if (*level == "line") rounding.level = TaxRoundingLevel::line;
        else if (*level == "invoice") rounding.level = TaxRoundingLevel::invoice;
        else throw_invalid(path(field, "level"), "unknown_level", "rounding level must be line or invoice");
    }
    if (auto mode = string_member(value, "mode", path(field, "mode"))) {
        try {
            rounding.mode = parse_rounding_mode(*mode);
        } catch (const Error&) {
            throw_invalid(path(field, "mode"), "unknown_mode", "rounding mode must be half_even, half_up, down or up");
        }
    }
    return rounding;
}

std::vector<std::string> parse_tax_classes(const json& input) {
    std::set<std::string> classes(kBuiltInClasses.begin(), kBuiltInClasses.end());
    std::set<std::string> listed;
    if (const json* list = array_member(input, "tax_classes", "tax_classes", kMaxTaxClasses)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string field = indexed("tax_classes", i);
            std::string name = class_name((*list)[i], field);
            if (!listed.insert(name).second)
                throw_invalid(field, "duplicate", fmt::format("tax class {} is listed twice", name));
            classes.insert(std::move(name));
        }
    }
    return {classes.begin(), classes.end()};
}

// The same value with no trailing fraction zeros, so that "20.0" and "20" name the same rate everywhere.
Decimal without_trailing_zeros(const Decimal& value) {
    if (value.is_zero()) return Decimal();
    Decimal::Int coefficient = value.coefficient();
    int scale = value.scale();
    while (scale > 0 && coefficient % 10 == 0) {
        coefficient /= 10;
        --scale;
    }
    return Decimal(std::move(coefficient), scale);
}

// A percentage as a decimal string, never a JSON number: a binary float would already have rounded it.
Decimal parse_percent(const json& value, const std::string& field) {
    if (!value.is_string()) throw_invalid(field, "type", fmt::format("{} must be a decimal string like \"20\"", field));
    std::optional<Decimal> percent;
    try {
        percent = Decimal::parse(value.get_ref<const std::string&>());
    } catch (const Error&) {
        throw_invalid(field, "format", fmt::format("{} must be a decimal string like \"20\" or \"9.975\"", field));
    }
    if (percent->sign() < 0 || *percent > Decimal(100))
        throw_invalid(field, "out_of_range", fmt::format("{} must be between 0 and 100 (percent)", field));
    const Decimal normalized = without_trailing_zeros(*percent);
    if (normalized.scale() > kMaxRateDecimals)
        throw_invalid(field, "precision", fmt::format("{} has more than {} decimals", field, kMaxRateDecimals));
    return normalized;
}

std::vector<TaxRate> parse_rate_list(const json& list, const std::string& field) {
    if (!list.is_array()) throw_invalid(field, "type", fmt::format("{} must be an array of rates", field));
    if (list.size() > kMaxRatesPerClass)
        throw_invalid(field, "too_many", fmt::format("{} has more than {} rates", field, kMaxRatesPerClass));
    std::vector<TaxRate> rates;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = indexed(field, i);
        require_known_members(list[i], at, kRateMembers);
        TaxRate rate;
        rate.name = name_text(required_string_member(list[i], "name", path(at, "name")), path(at, "name"));
        const json* percent = member(list[i], "rate");
        if (!percent) throw_invalid(path(at, "rate"), "required", fmt::format("{}.rate is required", at));
        rate.percent = parse_percent(*percent, path(at, "rate"));
        rate.compound = bool_member(list[i], "compound", path(at, "compound")).value_or(false);
        for (const TaxRate& earlier : rates)
            if (earlier.name == rate.name)
                throw_invalid(path(at, "name"), "duplicate", fmt::format("{} names {} twice", field, rate.name));
        rates.push_back(std::move(rate));
    }
    return rates;
}

TaxRatesByClass parse_rates(const json& zone, const std::string& prefix, const std::vector<std::string>& classes) {
    const std::string field = path(prefix, "rates");
    const json* value = member(zone, "rates");
    if (!value) throw_invalid(field, "required", fmt::format("{} is required", field));
    require_object(*value, field);
    TaxRatesByClass rates;
    for (const auto& [name, list] : value->items()) {
        if (!std::binary_search(classes.begin(), classes.end(), name))
            throw_invalid(path(field, name), "unknown_tax_class",
                          fmt::format("{} is not a tax class (list shop classes in tax_classes)", name));
        rates[name] = parse_rate_list(list, path(field, name));
    }
    return rates;
}

OriginRegionCondition parse_origin_region(const json& zone, const std::string& field) {
    auto condition = string_member(zone, "origin_region", field);
    if (!condition) return OriginRegionCondition::any;
    if (*condition == "same_as_origin") return OriginRegionCondition::same_as_origin;
    if (*condition == "other_than_origin") return OriginRegionCondition::other_than_origin;
    throw_invalid(field, "unknown_condition", fmt::format("{} must be same_as_origin or other_than_origin", field));
}

// Distinct entries of a list of codes or patterns, sorted so matching never depends on the order written.
template <class Normalize>
std::vector<std::string> code_list(const json& zone, std::string_view name, const std::string& field,
                                   std::size_t max_count, Normalize normalize) {
    std::set<std::string> codes;
    if (const json* list = array_member(zone, name, field, max_count)) {
        if (list->empty()) throw_invalid(field, "empty", fmt::format("{} must not be empty when given", field));
        for (std::size_t i = 0; i < list->size(); ++i) codes.insert(normalize((*list)[i], indexed(field, i)));
    }
    return {codes.begin(), codes.end()};
}

std::string postal_pattern(const json& value, const std::string& field) {
    auto pattern = value.is_string() ? normalized_postal(value.get_ref<const std::string&>(), /*pattern=*/true)
                                     : std::nullopt;
    if (!pattern)
        throw_invalid(field, "format",
                      fmt::format("{} holds at most {} ASCII letters, digits, '-', ' ' and '*'", field,
                                  kMaxPostalPattern));
    return *pattern;
}

TaxZone parse_zone(const json& value, const std::string& prefix, const TaxDefinitions& store,
                   const TaxZone& defaults) {
    require_known_members(value, prefix, kZoneMembers);
    TaxZone zone = defaults;
    zone.id = name_text(required_string_member(value, "id", path(prefix, "id")), path(prefix, "id"));
    const std::string country = required_string_member(value, "country", path(prefix, "country"));
    if (country != "*") zone.country = country_code(country, path(prefix, "country"));
    zone.regions = code_list(value, "regions", path(prefix, "regions"), kMaxZoneRegions, region_code);
    zone.origin_region = parse_origin_region(value, path(prefix, "origin_region"));
    zone.postal_patterns =
        code_list(value, "postal_codes", path(prefix, "postal_codes"), kMaxZonePostalPatterns, postal_pattern);
    if (!zone.country && (!zone.regions.empty() || !zone.postal_patterns.empty() ||
                          zone.origin_region != OriginRegionCondition::any))
        throw_invalid(path(prefix, "country"), "catch_all_with_conditions",
                      "the catch-all zone (country \"*\") cannot have regions, postal codes or an origin_region");
    if (zone.origin_region != OriginRegionCondition::any && !store.origin.region)
        throw_invalid("origin.region", "required",
                      fmt::format("{} compares with the origin's region, so origin.region is required", prefix));
    if (auto include = bool_member(value, "prices_include_tax", path(prefix, "prices_include_tax")))
        zone.prices_include_tax = *include;
    if (const json* rounding = member(value, "rounding"))
        zone.rounding = parse_rounding(*rounding, path(prefix, "rounding"), zone.rounding);
    zone.rates = parse_rates(value, prefix, store.tax_classes);
    return zone;
}

}  // namespace

TaxDefinitions parse_tax_definitions(const json& input) {
    require_known_members(input, "", kDefinitionMembers);
    TaxDefinitions definitions;
    definitions.origin = parse_origin(input);
    definitions.tax_classes = parse_tax_classes(input);
    // The store-wide settings are the defaults every zone starts from.
    TaxZone defaults;
    defaults.prices_include_tax = bool_member(input, "prices_include_tax", "prices_include_tax").value_or(false);
    if (const json* rounding = member(input, "rounding")) defaults.rounding = parse_rounding(*rounding, "rounding", {});
    if (const json* zones = array_member(input, "zones", "zones", kMaxTaxZones)) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < zones->size(); ++i) {
            TaxZone zone = parse_zone((*zones)[i], indexed("zones", i), definitions, defaults);
            if (!ids.insert(zone.id).second)
                throw_invalid(path(indexed("zones", i), "id"), "duplicate",
                              fmt::format("two zones have the id {}", zone.id));
            definitions.zones.push_back(std::move(zone));
        }
    }
    std::sort(definitions.zones.begin(), definitions.zones.end(),
              [](const TaxZone& a, const TaxZone& b) { return a.id < b.id; });
    return definitions;
}

}  // namespace commerce
