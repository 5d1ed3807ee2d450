// Price lists as a pure rule: reading definitions (with the stable field and reason of each refusal), whether a
// list's conditions hold, and which price wins (docs/price-lists.md), independent of the order lists come in.
#include "domain/pricing/price_list_input.h"
#include "domain/pricing/price_resolution.h"

#include "error_of.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace commerce;
using json = nlohmann::json;

namespace {

Money eur(const char* amount) { return Money::parse(amount, "EUR"); }

json price(const char* variant, const char* amount, int64_t min_quantity = 1, const char* currency = "EUR") {
    return {{"variant_id", variant}, {"price", {{"amount", amount}, {"currency", currency}}},
            {"min_quantity", min_quantity}};
}

PriceList list(const char* id, const char* type, json prices, json extra = json::object()) {
    json definition = {{"id", id}, {"name", id}, {"type", type}, {"prices", std::move(prices)}};
    definition.update(extra);
    return parse_price_list(definition);
}

ResolvedPrice resolve(const Money& catalog, int64_t quantity, const std::vector<PriceList>& lists) {
    std::vector<const PriceList*> pointers;
    for (const auto& each : lists) pointers.push_back(&each);
    return resolve_unit_price(catalog, "v1", quantity, pointers);
}

std::string reason_of(const json& definition) {
    return error_of([&] { parse_price_list(definition); }).details().value("reason", "");
}

std::string field_of(const json& definition) {
    return error_of([&] { parse_price_list(definition); }).details().value("field", "");
}

}  // namespace

TEST_CASE("a definition is read with sorted conditions and prices in tier order") {
    const PriceList read = list("wholesale", "override",
                                {price("v2", "4.00"), price("v1", "8.00", 10), price("v1", "9.00")},
                                {{"customer_groups", {"trade", "b2b", "trade"}}, {"channels", {"web"}},
                                 {"starts_at", "2026-12-01T00:00:00Z"}, {"ends_at", "2027-01-01T00:00:00Z"}});
    CHECK(read.type == PriceListType::override_price);
    CHECK(read.customer_groups == std::vector<std::string>{"b2b", "trade"});
    REQUIRE(read.prices.size() == 3);
    CHECK(read.prices[0].variant_id == "v1");
    CHECK(read.prices[0].min_quantity == 1);
    CHECK(read.prices[1].min_quantity == 10);
    CHECK(read.prices[2].variant_id == "v2");
    CHECK(read.starts_at_ms.has_value());
    CHECK(list("plain", "sale", json::array()).type == PriceListType::sale);
}

TEST_CASE("bad definitions name their field and reason") {
    const json good = {{"id", "l"}, {"name", "L"}, {"prices", {price("v1", "1.00")}}};
    auto with = [&](const json& patch) {
        json definition = good;
        definition.merge_patch(patch);
        return definition;
    };
    CHECK(reason_of(with({{"type", "discount"}})) == "unknown_value");
    CHECK(reason_of(with({{"colour", "red"}})) == "unknown_member");
    CHECK(reason_of(with({{"prices", {price("v1", "-1.00")}}})) == "negative");
    CHECK(field_of(with({{"prices", {price("v1", "-1.00")}}})) == "prices[0].price");
    CHECK(reason_of(with({{"prices", {price("v1", "1.00", 0)}}})) == "out_of_range");
    CHECK(reason_of(with({{"prices", {price("v1", "1.00"), price("v1", "2.00")}}})) == "duplicate");
    CHECK(reason_of(with({{"prices", {price("v1", "1.001")}}})) == "money_format");
    CHECK(reason_of(with({{"starts_at", "2027-01-01T00:00:00Z"}, {"ends_at", "2026-01-01T00:00:00Z"}})) == "window");
    CHECK(reason_of(with({{"starts_at", "next week"}})) == "format");
    CHECK(field_of(with({{"name", nullptr}})) == "name");
    // The same variant in two currencies, or from two quantities, is no duplicate.
    CHECK_NOTHROW(parse_price_list(with({{"prices", {price("v1", "1.00"), price("v1", "2.00", 1, "USD"),
                                                      price("v1", "0.90", 5)}}})));
}

TEST_CASE("a list applies inside its window, to its channels and to its customer groups") {
    const PriceList festive = list("festive", "sale", json::array(),
                                   {{"starts_at", 1000}, {"ends_at", 2000}, {"channels", {"pos"}},
                                    {"customer_groups", {"vip"}}});
    const PriceContext vip_at_pos{{"staff", "vip"}, "pos", 1000};
    CHECK(list_applies(festive, vip_at_pos));
    CHECK_FALSE(list_applies(festive, {{"vip"}, "pos", 999}));
    CHECK_FALSE(list_applies(festive, {{"vip"}, "pos", 2000}));  // ends_at is exclusive
    CHECK_FALSE(list_applies(festive, {{"vip"}, "web", 1500}));
    CHECK_FALSE(list_applies(festive, {{}, "pos", 1500}));
    CHECK(list_applies(list("open", "sale", json::array()), {{}, "anything", 0}));
}

TEST_CASE("the quantity tier is the highest min_quantity the line reaches") {
    const std::vector<PriceList> tiers = {
        list("tiers", "override", {price("v1", "9.00"), price("v1", "8.00", 10), price("v1", "7.00", 100)})};
    CHECK(resolve(eur("10.00"), 1, tiers).unit_price == eur("9.00"));
    CHECK(resolve(eur("10.00"), 9, tiers).unit_price == eur("9.00"));
    CHECK(resolve(eur("10.00"), 10, tiers).unit_price == eur("8.00"));
    CHECK(resolve(eur("10.00"), 250, tiers).unit_price == eur("7.00"));
    // A list whose first tier the line does not reach leaves the catalog price.
    const std::vector<PriceList> bulk_only = {list("bulk", "sale", {price("v1", "6.00", 50)})};
    const ResolvedPrice few = resolve(eur("10.00"), 3, bulk_only);
    CHECK(few.unit_price == eur("10.00"));
    CHECK_FALSE(few.price_list_id.has_value());
}

TEST_CASE("an override wins even above the catalog price; a sale only when cheaper") {
    const ResolvedPrice above = resolve(eur("10.00"), 1, {list("contract", "override", {price("v1", "12.00")})});
    CHECK(above.unit_price == eur("12.00"));
    CHECK(above.price_list_id == "contract");
    const ResolvedPrice dearer_sale = resolve(eur("10.00"), 1, {list("odd", "sale", {price("v1", "11.00")})});
    CHECK(dearer_sale.unit_price == eur("10.00"));
    CHECK_FALSE(dearer_sale.price_list_id.has_value());
    // Both kinds present: the override decides, even against a cheaper sale.
    const ResolvedPrice both = resolve(eur("10.00"), 1, {list("sale", "sale", {price("v1", "5.00")}),
                                                         list("contract", "override", {price("v1", "8.00")})});
    CHECK(both.unit_price == eur("8.00"));
    CHECK(both.price_list_id == "contract");
    // Prices in other currencies or for other variants never count.
    const ResolvedPrice other = resolve(eur("10.00"), 1, {list("usd", "override", {price("v1", "1.00", 1, "USD"),
                                                                                     price("v2", "1.00")})});
    CHECK(other.unit_price == eur("10.00"));
}

TEST_CASE("the winner does not depend on the order lists come in; equal prices go to the smaller id") {
    std::vector<PriceList> lists = {list("c", "sale", {price("v1", "7.00")}), list("a", "sale", {price("v1", "6.00")}),
                                    list("b", "sale", {price("v1", "6.00")}),
                                    list("d", "sale", {price("v1", "6.50", 1), price("v1", "5.00", 20)})};
    std::sort(lists.begin(), lists.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
    do {
        const ResolvedPrice one = resolve(eur("10.00"), 1, lists);
        CHECK(one.unit_price == eur("6.00"));
        CHECK(one.price_list_id == "a");
        CHECK(resolve(eur("10.00"), 20, lists).price_list_id == "d");
    } while (std::next_permutation(lists.begin(), lists.end(),
                                   [](const auto& x, const auto& y) { return x.id < y.id; }));
}

TEST_CASE("zero- and three-decimal currencies resolve exactly") {
    const Money yen = Money::parse("1200", "JPY");
    const ResolvedPrice jpy =
        resolve(yen, 3, {list("yen", "sale", {price("v1", "980", 1, "JPY"), price("v1", "900", 3, "JPY")})});
    CHECK(jpy.unit_price == Money::parse("900", "JPY"));
    const Money dinar = Money::parse("4.250", "KWD");
    CHECK(resolve(dinar, 1, {list("kwd", "sale", {price("v1", "3.995", 1, "KWD")})}).unit_price ==
          Money::parse("3.995", "KWD"));
}
