// Which zone applies: postal patterns, region conditions, the most specific zone, and ties by id.
#include "tax_support.h"

#include "domain/tax/postal_pattern.h"
#include "domain/tax/zone_selection.h"

#include <doctest/doctest.h>

using namespace tax_test;

TEST_CASE("tax zones: postal codes and patterns are normalized the same way") {
    CHECK(normalized_postal("sw1a 1aa", false) == "SW1A1AA");
    CHECK(normalized_postal("75 *", true) == "75*");
    CHECK(normalized_postal("90210-1234", false) == "90210-1234");
    CHECK_FALSE(normalized_postal("75*", false).has_value());  // '*' only in patterns
    CHECK_FALSE(normalized_postal("", true).has_value());
    CHECK_FALSE(normalized_postal("   ", true).has_value());
    CHECK_FALSE(normalized_postal("75[0-9]", true).has_value());
    CHECK_FALSE(normalized_postal("7501\xC3\xA9", false).has_value());
    CHECK_FALSE(normalized_postal(std::string(kMaxPostalPattern + 1, '7'), false).has_value());
    CHECK(normalized_postal(std::string(kMaxPostalPattern, '7'), false).has_value());
}

TEST_CASE("tax zones: '*' matches any run of characters, everything else itself") {
    struct Case {
        const char* code;
        const char* pattern;
        bool matches;
    };
    const Case cases[] = {
        {"75011", "75011", true}, {"75011", "7501", false}, {"7501", "75011", false},
        {"75011", "75*", true},   {"75", "75*", true},      {"76011", "75*", false},
        {"75011", "*", true},     {"75011", "*11", true},   {"75012", "*11", false},
        {"75011", "7*1*1", true}, {"75011", "7*0*9", false}, {"90210-1234", "9021*-*", true},
        {"90210", "9021*-*", false}, {"AAAB", "*A*B", true}, {"AAAA", "*A*B", false},
        {"SW1A1AA", "SW1A*", true}, {"SW1A1AA", "**1**", true},
    };
    for (const Case& c : cases) {
        CAPTURE(c.code);
        CAPTURE(c.pattern);
        CHECK(matches_postal_pattern(c.code, c.pattern) == c.matches);
    }
    // The worst case stays quadratic in two 32-character strings, never exponential.
    std::string pattern;
    for (int i = 0; i < 15; ++i) pattern += "*A";
    CHECK_FALSE(matches_postal_pattern(std::string(31, 'A') + "B", pattern + "C"));
}

TEST_CASE("tax zones: the most specific matching zone wins, ties by the smallest id") {
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "FR", "region": "IDF"},
      "zones": [
        {"id": "world", "country": "*", "rates": {}},
        {"id": "fr", "country": "FR", "rates": {}},
        {"id": "fr-corsica", "country": "FR", "regions": ["20R"], "rates": {}},
        {"id": "fr-paris", "country": "FR", "postal_codes": ["75*"], "rates": {}},
        {"id": "fr-home", "country": "FR", "origin_region": "same_as_origin", "rates": {}},
        {"id": "de-b", "country": "DE", "rates": {}},
        {"id": "de-a", "country": "DE", "rates": {}},
        {"id": "es-canary", "country": "ES", "postal_codes": ["35*", "38*"], "rates": {}}]})");
    struct Case {
        TaxAddress destination;
        const char* zone;
    };
    const Case cases[] = {
        {{"FR", std::nullopt, "13001"}, "fr"},                  // a country beats the catch-all
        {{"fr", std::nullopt, "75011"}, "fr-paris"},            // postal beats country
        {{"FR", "20R", "20000"}, "fr-corsica"},                 // region beats country
        {{"FR", "20R", "75001"}, "fr-paris"},                   // postal beats region
        {{"FR", "IDF", "75001"}, "fr-paris"},                   // postal beats the origin condition
        {{"FR", "idf", "91000"}, "fr-home"},                    // the origin's own region
        {{"FR", "ARA", "69001"}, "fr"},                         // no region condition holds
        {{"DE", std::nullopt, std::nullopt}, "de-a"},           // a tie goes to the smaller id
        {{"ES", "CN", "35001"}, "es-canary"},
        {{"ES", std::nullopt, "28001"}, "world"},               // no ES zone without a Canary postal code
        {{"ES", std::nullopt, std::nullopt}, "world"},          // postal zones need a postal code
        {{"US", "CA", "94103"}, "world"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.destination.country);
        CAPTURE(c.destination.region.value_or("-"));
        CAPTURE(c.destination.postal_code.value_or("-"));
        const TaxZone* zone = select_tax_zone(rules, c.destination);
        REQUIRE(zone != nullptr);
        CHECK(zone->id == c.zone);
    }
}

TEST_CASE("tax zones: region conditions relate to the origin") {
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "IN", "region": "KA"},
      "zones": [
        {"id": "intra", "country": "IN", "origin_region": "same_as_origin", "rates": {}},
        {"id": "inter", "country": "IN", "origin_region": "other_than_origin", "rates": {}},
        {"id": "south", "country": "IN", "regions": ["KA", "TN"], "rates": {}},
        {"id": "export", "country": "*", "rates": {}}]})");
    auto zone_of = [&](TaxAddress destination) {
        const TaxZone* zone = select_tax_zone(rules, destination);
        return zone ? zone->id : std::string("none");
    };
    // "intra" and "south" are equally specific: the smaller id decides.
    CHECK(zone_of({"IN", "KA", std::nullopt}) == "intra");
    CHECK(zone_of({"IN", "MH", std::nullopt}) == "inter");
    CHECK(zone_of({"IN", "TN", std::nullopt}) == "inter");
    CHECK(zone_of({"IN", std::nullopt, std::nullopt}) == "export");  // no region: no region condition holds
    CHECK(zone_of({"NP", "KA", std::nullopt}) == "export");          // the same region code in another country
    const TaxDefinitions no_catch_all = definitions(R"({"origin": {"country": "IN", "region": "KA"},
      "zones": [{"id": "inter", "country": "IN", "origin_region": "other_than_origin", "rates": {}}]})");
    CHECK(select_tax_zone(no_catch_all, {"IN", "KA", std::nullopt}) == nullptr);
    CHECK(select_tax_zone(no_catch_all, {"LK", "KA", std::nullopt}) == nullptr);  // another country
}
