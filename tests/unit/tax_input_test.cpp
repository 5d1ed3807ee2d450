// Reading tax definitions: what a valid definition becomes, and every refusal with its field and reason.
#include "tax_support.h"

#include "domain/tax/postal_pattern.h"

#include "error_of.h"

#include <doctest/doctest.h>

using namespace tax_test;

TEST_CASE("tax input: a full definition, with store defaults inherited by zones") {
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "in", "region": "ka"},
      "prices_include_tax": true,
      "rounding": {"level": "invoice", "mode": "half_up"},
      "tax_classes": ["books", "food-basic"],
      "zones": [
        {"id": "z-postal", "country": "FR", "postal_codes": ["75 *", "75*", "sw1a 1aa"],
         "prices_include_tax": false, "rounding": {"mode": "down"},
         "rates": {"standard": [{"name": "VAT", "rate": "20.000"}]}},
        {"id": "a-intra", "country": "IN", "origin_region": "same_as_origin", "regions": ["ka", "KA", "tn"],
         "rates": {"books": [{"name": "CGST", "rate": "0"}, {"name": "Cess", "rate": "1.5", "compound": true}]}},
        {"id": "m-world", "country": "*", "rates": {}}]})");
    CHECK(rules.origin.country == "IN");
    CHECK(rules.origin.region == "KA");
    CHECK(rules.tax_classes ==
          std::vector<std::string>{"books", "digital", "food-basic", "reduced", "standard", "zero"});
    REQUIRE(rules.zones.size() == 3);
    const TaxZone& intra = rules.zones[0];  // sorted by id
    CHECK(intra.id == "a-intra");
    CHECK(intra.country == "IN");
    CHECK(intra.regions == std::vector<std::string>{"KA", "TN"});
    CHECK(intra.origin_region == OriginRegionCondition::same_as_origin);
    CHECK(intra.prices_include_tax);
    CHECK(intra.rounding.level == TaxRoundingLevel::invoice);
    CHECK(intra.rounding.mode == RoundingMode::half_up);
    REQUIRE(intra.rates.at("books").size() == 2);
    CHECK(intra.rates.at("books")[0].percent.to_string() == "0");
    CHECK_FALSE(intra.rates.at("books")[0].compound);
    CHECK(intra.rates.at("books")[1].name == "Cess");
    CHECK(intra.rates.at("books")[1].percent.to_string() == "1.5");
    CHECK(intra.rates.at("books")[1].compound);
    const TaxZone& world = rules.zones[1];
    CHECK_FALSE(world.country.has_value());
    CHECK(world.rates.empty());
    const TaxZone& postal = rules.zones[2];
    CHECK(postal.postal_patterns == std::vector<std::string>{"75*", "SW1A1AA"});
    CHECK_FALSE(postal.prices_include_tax);
    CHECK(postal.rounding.level == TaxRoundingLevel::invoice);  // inherited
    CHECK(postal.rounding.mode == RoundingMode::down);          // overridden
    CHECK(postal.rates.at("standard")[0].percent.to_string() == "20");
}

TEST_CASE("tax input: the defaults of a minimal definition") {
    const TaxDefinitions rules = definitions(R"({"origin": {"country": "DE"}})");
    CHECK_FALSE(rules.origin.region.has_value());
    CHECK(rules.tax_classes == std::vector<std::string>{"digital", "reduced", "standard", "zero"});
    CHECK(rules.zones.empty());
    const TaxDefinitions one = definitions(R"({"origin": {"country": "DE"},
      "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "MwSt", "rate": "100"}]}}]})");
    CHECK_FALSE(one.zones[0].prices_include_tax);
    CHECK(one.zones[0].rounding.level == TaxRoundingLevel::line);
    CHECK(one.zones[0].rounding.mode == RoundingMode::half_even);
    CHECK(one.zones[0].rates.at("standard")[0].percent.to_string() == "100");
}

TEST_CASE("tax input: every refusal names its field and a stable reason") {
    struct Case {
        const char* zones;  // the zones member, or a whole definition when it starts with '!'
        const char* field;
        const char* reason;
    };
    const Case cases[] = {
        // The definition and its origin.
        {"![]", "definition", "type"},
        {R"(!{"origin": {"country": "FR"}, "currency": "EUR"})", "currency", "unknown_member"},
        {R"(!{})", "origin", "required"},
        {R"(!{"origin": "FR"})", "origin", "type"},
        {R"(!{"origin": {}})", "origin.country", "required"},
        {R"(!{"origin": {"country": 33}})", "origin.country", "type"},
        {R"(!{"origin": {"country": "FRA"}})", "origin.country", "format"},
        {R"(!{"origin": {"country": "FR", "region": "Île-de-France"}})", "origin.region", "format"},
        {R"(!{"origin": {"country": "FR", "city": "Paris"}})", "origin.city", "unknown_member"},
        {R"(!{"origin": {"country": "FR"}, "prices_include_tax": "yes"})", "prices_include_tax", "type"},
        {R"(!{"origin": {"country": "FR"}, "rounding": "line"})", "rounding", "type"},
        {R"(!{"origin": {"country": "FR"}, "rounding": {"level": "order"}})", "rounding.level", "unknown_level"},
        {R"(!{"origin": {"country": "FR"}, "rounding": {"mode": "bankers"}})", "rounding.mode", "unknown_mode"},
        {R"(!{"origin": {"country": "FR"}, "rounding": {"when": "now"}})", "rounding.when", "unknown_member"},
        {R"(!{"origin": {"country": "FR"}, "tax_classes": "books"})", "tax_classes", "type"},
        {R"(!{"origin": {"country": "FR"}, "tax_classes": [7]})", "tax_classes[0]", "type"},
        {R"(!{"origin": {"country": "FR"}, "tax_classes": [""]})", "tax_classes[0]", "empty"},
        {R"(!{"origin": {"country": "FR"}, "tax_classes": ["Books"]})", "tax_classes[0]", "format"},
        {R"(!{"origin": {"country": "FR"}, "tax_classes": ["books", "books"]})", "tax_classes[1]", "duplicate"},
        {R"(!{"origin": {"country": "FR"}, "zones": {}})", "zones", "type"},
        // Zones.
        {R"(["fr"])", "zones[0]", "type"},
        {R"([{"country": "FR", "rates": {}}])", "zones[0].id", "required"},
        {R"([{"id": "", "country": "FR", "rates": {}}])", "zones[0].id", "empty"},
        {R"([{"id": "fr", "rates": {}}])", "zones[0].country", "required"},
        {R"([{"id": "fr", "country": "F", "rates": {}}])", "zones[0].country", "format"},
        {R"([{"id": "fr", "country": "FR"}])", "zones[0].rates", "required"},
        {R"([{"id": "fr", "country": "FR", "rates": []}])", "zones[0].rates", "type"},
        {R"([{"id": "fr", "country": "FR", "rates": {}, "vat_id": "X"}])", "zones[0].vat_id", "unknown_member"},
        {R"([{"id": "fr", "country": "FR", "rates": {}}, {"id": "fr", "country": "BE", "rates": {}}])",
         "zones[1].id", "duplicate"},
        {R"([{"id": "fr", "country": "FR", "regions": "IDF", "rates": {}}])", "zones[0].regions", "type"},
        {R"([{"id": "fr", "country": "FR", "regions": [], "rates": {}}])", "zones[0].regions", "empty"},
        {R"([{"id": "fr", "country": "FR", "regions": ["IDF", "FR-IDF"], "rates": {}}])", "zones[0].regions[1]",
         "format"},
        {R"([{"id": "fr", "country": "FR", "postal_codes": ["75[0-9]"], "rates": {}}])", "zones[0].postal_codes[0]",
         "format"},
        {R"([{"id": "fr", "country": "FR", "postal_codes": ["   "], "rates": {}}])", "zones[0].postal_codes[0]",
         "format"},
        {R"([{"id": "fr", "country": "FR", "origin_region": "same", "rates": {}}])", "zones[0].origin_region",
         "unknown_condition"},
        {R"([{"id": "fr", "country": "FR", "origin_region": "same_as_origin", "rates": {}}])", "origin.region",
         "required"},
        {R"([{"id": "all", "country": "*", "regions": ["CA"], "rates": {}}])", "zones[0].country",
         "catch_all_with_conditions"},
        {R"([{"id": "all", "country": "*", "postal_codes": ["9*"], "rates": {}}])", "zones[0].country",
         "catch_all_with_conditions"},
        {R"([{"id": "fr", "country": "FR", "prices_include_tax": 1, "rates": {}}])", "zones[0].prices_include_tax",
         "type"},
        {R"([{"id": "fr", "country": "FR", "rounding": {"level": "cart"}, "rates": {}}])", "zones[0].rounding.level",
         "unknown_level"},
        // Rates.
        {R"([{"id": "fr", "country": "FR", "rates": {"luxury": []}}])", "zones[0].rates.luxury", "unknown_tax_class"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": {}}}])", "zones[0].rates.standard", "type"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [1,2,3,4,5,6,7,8,9]}}])", "zones[0].rates.standard",
         "too_many"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": ["VAT"]}}])", "zones[0].rates.standard[0]", "type"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"rate": "20"}]}}])",
         "zones[0].rates.standard[0].name", "required"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT"}]}}])",
         "zones[0].rates.standard[0].rate", "required"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": 20}]}}])",
         "zones[0].rates.standard[0].rate", "type"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": "20%"}]}}])",
         "zones[0].rates.standard[0].rate", "format"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": "-1"}]}}])",
         "zones[0].rates.standard[0].rate", "out_of_range"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": "100.0001"}]}}])",
         "zones[0].rates.standard[0].rate", "out_of_range"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": "2.0000005"}]}}])",
         "zones[0].rates.standard[0].rate", "precision"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": "20", "compound": "no"}]}}])",
         "zones[0].rates.standard[0].compound", "type"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": "20", "kind": "x"}]}}])",
         "zones[0].rates.standard[0].kind", "unknown_member"},
        {R"([{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": "20"},
                                                                  {"name": "VAT", "rate": "5"}]}}])",
         "zones[0].rates.standard[1].name", "duplicate"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.zones);
        const std::string text = c.zones[0] == '!'
                                     ? std::string(c.zones + 1)
                                     : R"({"origin": {"country": "FR"}, "zones": )" + std::string(c.zones) + "}";
        const commerce::Error error = error_of([&] { definitions(text); });
        CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(error.details() == commerce::json{{"field", c.field}, {"reason", c.reason}});
    }
}

TEST_CASE("tax input: the bounds keep hostile definitions small") {
    commerce::json zones = commerce::json::array();
    for (std::size_t i = 0; i <= kMaxTaxZones; ++i)
        zones.push_back({{"id", "z" + std::to_string(i)}, {"country", "FR"}, {"rates", commerce::json::object()}});
    const commerce::json too_many_zones = {{"origin", {{"country", "FR"}}}, {"zones", zones}};
    CHECK(error_of([&] { parse_tax_definitions(too_many_zones); }).details() ==
          commerce::json{{"field", "zones"}, {"reason", "too_many"}});
    const commerce::json long_name = {
        {"origin", {{"country", "FR"}}},
        {"zones",
         {{{"id", std::string(kMaxTaxName + 1, 'z')}, {"country", "FR"}, {"rates", commerce::json::object()}}}}};
    CHECK(error_of([&] { parse_tax_definitions(long_name); }).details() ==
          commerce::json{{"field", "zones[0].id"}, {"reason", "too_long"}});
    const commerce::json long_pattern = {
        {"origin", {{"country", "FR"}}},
        {"zones", {{{"id", "fr"}, {"country", "FR"}, {"postal_codes", {std::string(kMaxPostalPattern + 1, '7')}},
                    {"rates", commerce::json::object()}}}}};
    CHECK(error_of([&] { parse_tax_definitions(long_pattern); }).details() ==
          commerce::json{{"field", "zones[0].postal_codes[0]"}, {"reason", "format"}});
}
