// Reading promotion definitions: what a valid one becomes, and the stable field and reason of every refusal.
#include "promotion_fixtures.h"

#include "error_of.h"

#include <doctest/doctest.h>

using namespace promotion_fixtures;

namespace {

// The smallest valid definition, for cases to change one member of.
json base() {
    return {{"id", "summer"}, {"name", "Summer sale"}, {"action", {{"type", "percentage_off_items"}, {"percent", "10"}}}};
}

json with(json definition, const json& patch) {
    definition.merge_patch(patch);
    return definition;
}

}  // namespace

TEST_CASE("a full definition is read with its defaults, sorted lists and normalized code") {
    const Promotion read = promotion({
        {"id", "vip-tiers"},
        {"name", "VIP tiers"},
        {"code", "vip-2026"},
        {"priority", 5},
        {"group", "loyalty"},
        {"combinable_with", {"seasonal", "free-ship", "seasonal"}},
        {"lane", "after_tax"},
        {"starts_at", "2026-06-01T00:00:00Z"},
        {"ends_at", 1782864000000},
        {"usage_limit", 100},
        {"usage_limit_per_customer", 1},
        {"conditions", {{"tags", {"sale", "new"}}, {"customer_groups", {"vip"}}, {"first_order", true}, {"channels", {"web"}}}},
        {"action", {{"type", "tiered"},
                    {"tiers", {{{"min_subtotal", {{"amount", "100"}, {"currency", "EUR"}}}, {"percent", "10"}},
                               {{"min_subtotal", {{"amount", "50"}, {"currency", "EUR"}}}, {"amount", {{"amount", "5"}, {"currency", "EUR"}}}}}}}},
        {"max_discount", {{"amount", "30.00"}, {"currency", "EUR"}}},
    });
    CHECK(read.code == "VIP-2026");
    CHECK(read.priority == 5);
    CHECK_FALSE(read.exclusive);
    CHECK(read.lane == Lane::after_tax);
    CHECK(read.starts_at_ms == 1780272000000);
    CHECK(read.ends_at_ms == 1782864000000);
    CHECK(*read.combinable_with == std::vector<std::string>{"free-ship", "seasonal"});
    CHECK(read.conditions.items.tags == std::vector<std::string>{"new", "sale"});
    REQUIRE(read.conditions.currencies.size() == 1);  // implied by the amounts
    CHECK(read.conditions.currencies.front()->code == "EUR");
    const auto& tiers = std::get<Tiered>(read.action).tiers;
    REQUIRE(tiers.size() == 2);
    CHECK(std::get<Money>(tiers[0].threshold) == money("50"));  // sorted by threshold
    CHECK(std::get<Money>(tiers[0].reduction) == money("5"));
    CHECK(std::get<Percent>(tiers[1].reduction).value == Decimal::parse("10"));
    CHECK(*read.max_discount == money("30"));
}

TEST_CASE("defaults: automatic, before tax, priority 0, combinable with everything, any currency") {
    const Promotion read = promotion(base());
    CHECK_FALSE(read.code);
    CHECK(read.lane == Lane::before_tax);
    CHECK(read.priority == 0);
    CHECK_FALSE(read.combinable_with);
    CHECK(read.conditions.currencies.empty());
    CHECK(std::get<Percent>(std::get<ItemsOff>(read.action).reduction).value == Decimal::parse("10"));
}

TEST_CASE("buy X get Y reads its quantities, its get set and its percentage") {
    const Promotion read = promotion(with(base(), {{"action", {{"type", "buy_x_get_y"}, {"percent", nullptr}, {"buy_quantity", 2},
                                                                {"get", {{"category_ids", {"socks"}}}}, {"max_applications", 3}}}}));
    const auto& bxgy = std::get<BuyXGetY>(read.action);
    CHECK(bxgy.buy_quantity == 2);
    CHECK(bxgy.get_quantity == 1);
    CHECK(bxgy.get->category_ids == std::vector<std::string>{"socks"});
    CHECK(bxgy.percent.value == Decimal(100));
    CHECK(bxgy.max_applications == 3);
}

TEST_CASE("every bad definition gives its field and stable reason") {
    const json eur5 = {{"amount", "5"}, {"currency", "EUR"}};
    struct Case {
        const char* name;
        json definition;
        const char* field;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"not an object", json::array(), "promotion", "type"},
        {"unknown member", with(base(), {{"colour", "red"}}), "colour", "unknown_member"},
        {"no id", with(base(), {{"id", nullptr}}), "id", "required"},
        {"empty name", with(base(), {{"name", ""}}), "name", "empty"},
        {"id not a string", with(base(), {{"id", 7}}), "id", "type"},
        {"code with a space", with(base(), {{"code", "SUMMER 10"}}), "code", "format"},
        {"priority not an integer", with(base(), {{"priority", "high"}}), "priority", "type"},
        {"priority out of range", with(base(), {{"priority", 2000000}}), "priority", "out_of_range"},
        {"exclusive not a bool", with(base(), {{"exclusive", "yes"}}), "exclusive", "type"},
        {"exclusive yet combinable", with(base(), {{"exclusive", true}, {"combinable_with", {"x"}}}), "combinable_with", "exclusive_conflict"},
        {"combinable_with not strings", with(base(), {{"combinable_with", {1}}}), "combinable_with", "type"},
        {"unknown lane", with(base(), {{"lane", "during_tax"}}), "lane", "unknown_lane"},
        {"bad start time", with(base(), {{"starts_at", "June 1st"}}), "starts_at", "format"},
        {"negative end time", with(base(), {{"ends_at", -1}}), "ends_at", "out_of_range"},
        {"empty window", with(base(), {{"starts_at", 2000}, {"ends_at", 1000}}), "ends_at", "window"},
        {"usage limit zero", with(base(), {{"usage_limit", 0}}), "usage_limit", "out_of_range"},
        {"customer limit negative", with(base(), {{"usage_limit_per_customer", -1}}), "usage_limit_per_customer", "out_of_range"},
        {"no action", with(base(), {{"action", nullptr}}), "action", "required"},
        {"action not an object", with(base(), {{"action", "10%"}}), "action", "type"},
        {"unknown action", with(base(), {{"action", {{"type", "half_price_tuesdays"}}}}), "action.type", "unknown_type"},
        {"percent above 100", with(base(), {{"action", {{"percent", "100.01"}}}}), "action.percent", "out_of_range"},
        {"percent zero", with(base(), {{"action", {{"percent", "0"}}}}), "action.percent", "out_of_range"},
        {"percent negative", with(base(), {{"action", {{"percent", "-5"}}}}), "action.percent", "out_of_range"},
        {"percent as a JSON number", with(base(), {{"action", {{"percent", 10}}}}), "action.percent", "type"},
        {"percent malformed", with(base(), {{"action", {{"percent", "1e1"}}}}), "action.percent", "type"},
        {"percent missing", with(base(), {{"action", {{"percent", nullptr}}}}), "action.percent", "required"},
        {"amount on a percentage action", with(base(), {{"action", {{"amount", eur5}}}}), "action.amount", "unknown_member"},
        {"negative fixed amount", with(base(), {{"action", {{"type", "fixed_off_order"}, {"percent", nullptr}, {"amount", {{"amount", "-5"}, {"currency", "EUR"}}}}}}), "action.amount", "negative"},
        {"zero fixed amount", with(base(), {{"action", {{"type", "fixed_off_items"}, {"percent", nullptr}, {"amount", {{"amount", "0"}, {"currency", "EUR"}}}}}}), "action.amount", "zero"},
        {"amount with too many decimals", with(base(), {{"action", {{"type", "fixed_off_order"}, {"percent", nullptr}, {"amount", {{"amount", "5.001"}, {"currency", "EUR"}}}}}}), "action.amount", "money_format"},
        {"amount of an unknown currency", with(base(), {{"action", {{"type", "fixed_off_order"}, {"percent", nullptr}, {"amount", {{"amount", "5"}, {"currency", "XXY"}}}}}}), "action.amount", "money_format"},
        {"amount as a number", with(base(), {{"action", {{"type", "fixed_off_order"}, {"percent", nullptr}, {"amount", 5}}}}), "action.amount", "money_format"},
        {"fixed amount outside the currencies", with(base(), {{"conditions", {{"currencies", {"USD"}}}}, {"action", {{"type", "fixed_off_order"}, {"percent", nullptr}, {"amount", eur5}}}}), "conditions.currencies", "currency_mismatch"},
        {"fixed amount beside another currency", with(base(), {{"conditions", {{"currencies", {"EUR", "USD"}}}}, {"action", {{"type", "fixed_off_order"}, {"percent", nullptr}, {"amount", eur5}}}}), "conditions.currencies", "currency_mismatch"},
        {"cap in another currency", with(base(), {{"action", {{"type", "fixed_off_order"}, {"percent", nullptr}, {"amount", eur5}}}, {"max_discount", {{"amount", "5"}, {"currency", "USD"}}}}), "max_discount", "currency_mismatch"},
        {"negative cap", with(base(), {{"max_discount", {{"amount", "-1"}, {"currency", "EUR"}}}}), "max_discount", "negative"},
        {"unknown currency listed", with(base(), {{"conditions", {{"currencies", {"EURO"}}}}}), "conditions.currencies", "unknown_currency"},
        {"unknown condition", with(base(), {{"conditions", {{"weekday", "friday"}}}}), "conditions.weekday", "unknown_member"},
        {"conditions not an object", with(base(), {{"conditions", {1, 2}}}), "conditions", "type"},
        {"negative min_subtotal", with(base(), {{"conditions", {{"min_subtotal", {{"amount", "-1"}, {"currency", "EUR"}}}}}}), "conditions.min_subtotal", "negative"},
        {"min_quantity zero", with(base(), {{"conditions", {{"min_quantity", 0}}}}), "conditions.min_quantity", "out_of_range"},
        {"product_ids not an array", with(base(), {{"conditions", {{"product_ids", "p1"}}}}), "conditions.product_ids", "type"},
        {"an empty tag", with(base(), {{"conditions", {{"tags", {""}}}}}), "conditions.tags", "type"},
        {"first_order not a bool", with(base(), {{"conditions", {{"first_order", 1}}}}), "conditions.first_order", "type"},
        {"bxgy buy quantity zero", with(base(), {{"action", {{"type", "buy_x_get_y"}, {"percent", nullptr}, {"buy_quantity", 0}}}}), "action.buy_quantity", "out_of_range"},
        {"bxgy unknown get member", with(base(), {{"action", {{"type", "buy_x_get_y"}, {"percent", nullptr}, {"get", {{"sku", "x"}}}}}}), "action.get.sku", "unknown_member"},
        {"bxgy percent above 100", with(base(), {{"action", {{"type", "buy_x_get_y"}, {"percent", "150"}}}}), "action.percent", "out_of_range"},
        {"tiered without tiers", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}}}}), "action.tiers", "required"},
        {"tiered tiers empty", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", json::array()}}}}), "action.tiers", "empty"},
        {"tiers not an array", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", "many"}}}}), "action.tiers", "type"},
        {"tier without threshold", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", {{{"percent", "5"}}}}}}}), "action.tiers[0].min_subtotal", "required"},
        {"tier with two thresholds", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", {{{"min_quantity", 2}, {"min_subtotal", eur5}, {"percent", "5"}}}}}}}), "action.tiers[0].min_quantity", "conflict"},
        {"tier with percent and amount", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", {{{"min_quantity", 2}, {"amount", eur5}, {"percent", "5"}}}}}}}), "action.tiers[0].amount", "conflict"},
        {"tier without reduction", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", {{{"min_quantity", 2}}}}}}}), "action.tiers[0].percent", "required"},
        {"mixed tiers", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", {{{"min_quantity", 2}, {"percent", "5"}}, {{"min_subtotal", eur5}, {"percent", "10"}}}}}}}), "action.tiers", "mixed_tiers"},
        {"duplicate tier", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", {{{"min_quantity", 2}, {"percent", "5"}}, {{"min_quantity", 2}, {"percent", "10"}}}}}}}), "action.tiers", "duplicate_tier"},
        {"tier percent above 100", with(base(), {{"action", {{"type", "tiered"}, {"percent", nullptr}, {"tiers", {{{"min_quantity", 2}, {"percent", "101"}}}}}}}), "action.tiers[0].percent", "out_of_range"},
        {"free shipping with a percent", with(base(), {{"action", {{"type", "free_shipping"}}}}), "action.percent", "unknown_member"},
    };
    for (const Case& each : cases) {
        CAPTURE(each.name);
        const Error error = error_of([&] { promotion(each.definition); });
        CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(error.details().value("field", "") == each.field);
        CHECK(error.details().value("reason", "") == each.reason);
    }
}

TEST_CASE("codes are compared case-insensitively and refuse anything but A-Z, 0-9, - and _") {
    CHECK(normalized_code("summer-10_a") == "SUMMER-10_A");
    CHECK_FALSE(normalized_code(""));
    CHECK_FALSE(normalized_code("café"));
    CHECK_FALSE(normalized_code(std::string(65, 'A')));
    CHECK(normalized_code(std::string(64, 'a')) == std::string(64, 'A'));
}
