// The tax computation on the peers' tricky cases, each with its numbers worked out by hand.
#include "tax_support.h"

#include "error_of.h"

#include <doctest/doctest.h>

using namespace tax_test;

namespace {

const char* kFrance = R"({
  "origin": {"country": "FR"},
  "zones": [{"id": "fr", "country": "FR",
             "rates": {"standard": [{"name": "VAT", "rate": "20"}],
                       "reduced": [{"name": "VAT", "rate": "5.5"}]}}]
})";

const char* kGermanyInclusive = R"({
  "origin": {"country": "DE"},
  "prices_include_tax": true,
  "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "MwSt", "rate": "19"}]}}]
})";

const TaxAddress kParis{"FR", std::nullopt, "75011"};
const TaxAddress kBerlin{"DE", std::nullopt, "10115"};

}  // namespace

TEST_CASE("tax: exclusive VAT is added on top of the shown prices") {
    const TaxDefinitions rules = definitions(kFrance);
    TaxRequest cart = request("EUR", kParis, {line("lamp", "standard", "19.99", "EUR", 1),
                                              line("book", "reduced", "5.00", "EUR", 2)});
    cart.shipping = TaxableShipping{"standard", money("4.90", "EUR")};
    const TaxResult result = compute_taxes(rules, cart);
    check_reconciles(cart, result);
    CHECK(result.zone_id == "fr");
    CHECK_FALSE(result.prices_include_tax);
    REQUIRE(result.lines.size() == 2);
    CHECK(result.lines[0].id == "book");  // sorted by id
    CHECK(result.lines[0].quantity == 2);
    CHECK(breakdown_text(result.lines[0].breakdown) == "5.00 + [VAT 5.5: 0.28] = 5.28");  // 0.275, a tie to even
    CHECK(breakdown_text(result.lines[1].breakdown) == "19.99 + [VAT 20: 4.00] = 23.99");  // 3.998
    CHECK(breakdown_text(*result.shipping) == "4.90 + [VAT 20: 0.98] = 5.88");
    CHECK(breakdown_text(result.total) == "29.89 + [VAT 5.5: 0.28, VAT 20: 4.98] = 35.15");
}

TEST_CASE("tax: inclusive VAT is extracted from the shown prices, which stay the gross") {
    const TaxDefinitions rules = definitions(kGermanyInclusive);
    const TaxRequest cart = request("EUR", kBerlin, {line("a", "standard", "119.00", "EUR"),
                                                     line("b", "standard", "10.00", "EUR")});
    const TaxResult result = compute_taxes(rules, cart);
    check_reconciles(cart, result);
    CHECK(result.prices_include_tax);
    CHECK(breakdown_text(result.lines[0].breakdown) == "100.00 + [MwSt 19: 19.00] = 119.00");
    CHECK(breakdown_text(result.lines[1].breakdown) == "8.40 + [MwSt 19: 1.60] = 10.00");  // 1.5966...
    CHECK(breakdown_text(result.total) == "108.40 + [MwSt 19: 20.60] = 129.00");
}

TEST_CASE("tax: a 10% promotion on tax-inclusive prices takes 10% of the gross, then the tax is extracted") {
    // medusa#12226 took the discount from the net (83.33 * 10% = 8.33) and the tax from the undiscounted gross
    // (16.67), so the VAT on a 90.00 sale came out as 16.67 instead of 15.00. Here the promotion engine hands
    // over the discounted gross and the tax comes from it.
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "FR"}, "prices_include_tax": true,
      "zones": [{"id": "fr", "country": "FR", "rates": {"standard": [{"name": "VAT", "rate": "20"}]}}]})");
    const Money coat = money("100.00", "EUR");
    const Money scarf = money("50.00", "EUR");
    const Decimal ten_percent = Decimal::parse("0.10");
    const TaxRequest cart = request("EUR", kParis,
                                    {{"coat", "standard", 1, coat - coat.times_rate(ten_percent)},
                                     {"scarf", "standard", 1, scarf - scarf.times_rate(ten_percent)}});
    const TaxResult result = compute_taxes(rules, cart);
    check_reconciles(cart, result);
    CHECK(breakdown_text(result.lines[0].breakdown) == "75.00 + [VAT 20: 15.00] = 90.00");
    CHECK(breakdown_text(result.lines[1].breakdown) == "37.50 + [VAT 20: 7.50] = 45.00");
    CHECK(breakdown_text(result.total) == "112.50 + [VAT 20: 22.50] = 135.00");
    CHECK(result.lines[0].breakdown.taxes[0].amount != money("16.67", "EUR"));
}

TEST_CASE("tax: a compound rate applies on the base plus the taxes before it") {
    // Quebec before 2013: QST 9.5% on price + GST 5%.
    const char* quebec = R"({
      "origin": {"country": "CA", "region": "QC"}, %s
      "zones": [{"id": "qc", "country": "CA", "regions": ["QC"],
                 "rates": {"standard": [{"name": "GST", "rate": "5"},
                                        {"name": "QST", "rate": "9.5", "compound": true}]}}]})";
    const TaxAddress montreal{"CA", "qc", "H2X 1Y4"};
    SUBCASE("exclusive") {
        const TaxDefinitions rules = definitions(filled(quebec, ""));
        const TaxRequest cart = request("CAD", montreal, {line("sled", "standard", "100.00", "CAD")});
        const TaxResult result = compute_taxes(rules, cart);
        check_reconciles(cart, result);
        // QST = 9.5% of 105.00 = 9.975, a tie rounded to the even 9.98.
        CHECK(breakdown_text(result.lines[0].breakdown) == "100.00 + [GST 5: 5.00, QST 9.5: 9.98] = 114.98");
    }
    SUBCASE("inclusive") {
        const TaxDefinitions rules = definitions(filled(quebec, R"("prices_include_tax": true,)"));
        const TaxRequest cart = request("CAD", montreal, {line("sled", "standard", "114.98", "CAD")});
        const TaxResult result = compute_taxes(rules, cart);
        check_reconciles(cart, result);
        // net = 114.98 / (1.05 * 1.095) = 100.0043...; GST 5.0002..., QST 9.9754...
        CHECK(breakdown_text(result.lines[0].breakdown) == "100.00 + [GST 5: 5.00, QST 9.5: 9.98] = 114.98");
    }
    SUBCASE("a plain rate after a compound one still applies to the base alone") {
        const TaxDefinitions rules = definitions(R"({
          "origin": {"country": "US"},
          "zones": [{"id": "us", "country": "US",
                     "rates": {"standard": [{"name": "State", "rate": "10"},
                                            {"name": "Surcharge", "rate": "10", "compound": true},
                                            {"name": "City", "rate": "1"}]}}]})");
        const TaxRequest cart = request("USD", {"US", "NY", "10001"}, {line("desk", "standard", "200.00", "USD")});
        const TaxResult result = compute_taxes(rules, cart);
        check_reconciles(cart, result);
        CHECK(breakdown_text(result.lines[0].breakdown) ==
              "200.00 + [State 10: 20.00, Surcharge 10: 22.00, City 1: 2.00] = 244.00");
    }
}

TEST_CASE("tax: India GST splits into CGST + SGST within the store's state and is IGST across states") {
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "IN", "region": "KA"}, "prices_include_tax": true,
      "zones": [
        {"id": "in-intra-state", "country": "IN", "origin_region": "same_as_origin",
         "rates": {"standard": [{"name": "CGST", "rate": "9"}, {"name": "SGST", "rate": "9"}],
                   "reduced": [{"name": "CGST", "rate": "2.5"}, {"name": "SGST", "rate": "2.5"}]}},
        {"id": "in-inter-state", "country": "IN", "origin_region": "other_than_origin",
         "rates": {"standard": [{"name": "IGST", "rate": "18"}], "reduced": [{"name": "IGST", "rate": "5"}]}}]})");
    const std::vector<TaxableLine> lines = {line("phone", "standard", "1180.00", "INR"),
                                            line("rice", "reduced", "105.00", "INR")};
    SUBCASE("Bengaluru, Karnataka: the store's own state") {
        const TaxRequest cart = request("INR", {"IN", "KA", "560001"}, lines);
        const TaxResult result = compute_taxes(rules, cart);
        check_reconciles(cart, result);
        CHECK(result.zone_id == "in-intra-state");
        CHECK(breakdown_text(result.lines[0].breakdown) == "1000.00 + [CGST 9: 90.00, SGST 9: 90.00] = 1180.00");
        CHECK(breakdown_text(result.lines[1].breakdown) == "100.00 + [CGST 2.5: 2.50, SGST 2.5: 2.50] = 105.00");
        CHECK(taxes_text(result.total) == "CGST 2.5: 2.50, CGST 9: 90.00, SGST 2.5: 2.50, SGST 9: 90.00");
    }
    SUBCASE("Mumbai, Maharashtra: another state") {
        const TaxRequest cart = request("INR", {"IN", "MH", "400001"}, lines);
        const TaxResult result = compute_taxes(rules, cart);
        check_reconciles(cart, result);
        CHECK(result.zone_id == "in-inter-state");
        CHECK(breakdown_text(result.lines[0].breakdown) == "1000.00 + [IGST 18: 180.00] = 1180.00");
        CHECK(breakdown_text(result.total) == "1100.00 + [IGST 5: 5.00, IGST 18: 180.00] = 1285.00");
    }
    SUBCASE("without a state neither zone can tell, so none applies") {
        const TaxRequest cart = request("INR", {"IN", std::nullopt, "560001"}, lines);
        const TaxResult result = compute_taxes(rules, cart);
        check_reconciles(cart, result);
        CHECK_FALSE(result.zone_id.has_value());
        CHECK(result.total.taxes.empty());
    }
}

TEST_CASE("tax: line and invoice rounding differ, and each adds up") {
    const char* rules_text = R"({
      "origin": {"country": "DE"}, "rounding": {"level": "%s"},
      "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "MwSt", "rate": "19"}]}}]})";
    // Each line's exact tax is 0.1881.
    const TaxRequest cart = request("EUR", kBerlin, {line("c", "standard", "0.99", "EUR"),
                                                     line("a", "standard", "0.99", "EUR"),
                                                     line("b", "standard", "0.99", "EUR")});
    SUBCASE("per line: 0.19 three times") {
        const TaxResult result = compute_taxes(definitions(filled(rules_text, "line")), cart);
        check_reconciles(cart, result);
        for (const TaxedLine& taxed : result.lines) CHECK(taxes_text(taxed.breakdown) == "MwSt 19: 0.19");
        CHECK(breakdown_text(result.total) == "2.97 + [MwSt 19: 0.57] = 3.54");
    }
    SUBCASE("per invoice: 0.5643 rounds to 0.56, allocated 0.19, 0.19, 0.18 in id order") {
        const TaxResult result = compute_taxes(definitions(filled(rules_text, "invoice")), cart);
        check_reconciles(cart, result);
        CHECK(taxes_text(result.lines[0].breakdown) == "MwSt 19: 0.19");
        CHECK(taxes_text(result.lines[1].breakdown) == "MwSt 19: 0.19");
        CHECK(taxes_text(result.lines[2].breakdown) == "MwSt 19: 0.18");
        CHECK(breakdown_text(result.total) == "2.97 + [MwSt 19: 0.56] = 3.53");
    }
}

TEST_CASE("tax: the zone's rounding mode decides") {
    const char* rules_text = R"({
      "origin": {"country": "DE"},
      "zones": [{"id": "de", "country": "DE", "rounding": {"mode": "%s"},
                 "rates": {"standard": [{"name": "MwSt", "rate": "19"}]}}]})";
    // 0.50 * 19% = 0.095: a tie.
    const TaxRequest cart = request("EUR", kBerlin, {line("a", "standard", "0.50", "EUR")});
    const std::pair<const char*, const char*> expected[] = {
        {"half_even", "0.10"}, {"half_up", "0.10"}, {"down", "0.09"}, {"up", "0.10"}};
    for (const auto& [mode, tax] : expected) {
        CAPTURE(mode);
        const TaxResult result = compute_taxes(definitions(filled(rules_text, mode)), cart);
        check_reconciles(cart, result);
        CHECK(result.lines[0].breakdown.taxes[0].amount.amount_string() == tax);
    }
    // 0.10 * 5% = 0.005: half_even goes to 0.00, half_up to 0.01.
    const TaxDefinitions half_even = definitions(R"({"origin": {"country": "DE"},
      "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "T", "rate": "5"}]}}]})");
    const TaxRequest small = request("EUR", kBerlin, {line("a", "standard", "0.10", "EUR")});
    CHECK(compute_taxes(half_even, small).lines[0].breakdown.taxes[0].amount.is_zero());
}

TEST_CASE("tax: an exempt customer is charged no tax, and pays the net of a tax-inclusive price") {
    SUBCASE("exclusive prices: the shown price") {
        TaxRequest cart = request("EUR", kParis, {line("lamp", "standard", "19.99", "EUR")});
        cart.customer_exempt = true;
        const TaxResult result = compute_taxes(definitions(kFrance), cart);
        check_reconciles(cart, result);
        CHECK(result.zone_id == "fr");
        CHECK(breakdown_text(result.lines[0].breakdown) == "19.99 + [] = 19.99");
        CHECK(breakdown_text(result.total) == "19.99 + [] = 19.99");
    }
    SUBCASE("inclusive prices: the tax inside the price is removed") {
        TaxRequest cart = request("EUR", kBerlin, {line("a", "standard", "119.00", "EUR"),
                                                   line("b", "standard", "10.00", "EUR")});
        cart.shipping = TaxableShipping{"standard", money("5.95", "EUR")};
        cart.customer_exempt = true;
        const TaxResult result = compute_taxes(definitions(kGermanyInclusive), cart);
        check_reconciles(cart, result);
        CHECK(breakdown_text(result.lines[0].breakdown) == "100.00 + [] = 100.00");
        CHECK(breakdown_text(result.lines[1].breakdown) == "8.40 + [] = 8.40");
        CHECK(breakdown_text(*result.shipping) == "5.00 + [] = 5.00");
        CHECK(breakdown_text(result.total) == "113.40 + [] = 113.40");
    }
}

TEST_CASE("tax: JPY has no decimals, and Japan rounds once per rate per invoice") {
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "JP"}, "prices_include_tax": true,
      "rounding": {"level": "invoice", "mode": "down"},
      "zones": [{"id": "jp", "country": "JP",
                 "rates": {"standard": [{"name": "Consumption tax", "rate": "10"}],
                           "reduced": [{"name": "Consumption tax", "rate": "8"}]}}]})");
    const TaxRequest cart = request("JPY", {"JP", "13", "100-0001"},
                                    {line("a", "standard", "999", "JPY"), line("b", "standard", "999", "JPY"),
                                     line("c", "standard", "999", "JPY"), line("tea", "reduced", "1080", "JPY")});
    const TaxResult result = compute_taxes(rules, cart);
    check_reconciles(cart, result);
    // 3 * 999 / 11 = 272.45 -> 272 (down), allocated 91 + 91 + 90; 1080 * 8 / 108 = 80 exactly.
    CHECK(breakdown_text(result.lines[0].breakdown) == "908 + [Consumption tax 10: 91] = 999");
    CHECK(breakdown_text(result.lines[1].breakdown) == "908 + [Consumption tax 10: 91] = 999");
    CHECK(breakdown_text(result.lines[2].breakdown) == "909 + [Consumption tax 10: 90] = 999");
    CHECK(breakdown_text(result.lines[3].breakdown) == "1000 + [Consumption tax 8: 80] = 1080");
    CHECK(breakdown_text(result.total) == "3725 + [Consumption tax 8: 80, Consumption tax 10: 272] = 4077");
}

TEST_CASE("tax: KWD has three decimals") {
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "KW"}, "rounding": {"mode": "half_up"},
      "zones": [{"id": "kw", "country": "KW", "rates": {"standard": [{"name": "VAT", "rate": "5"}]}}]})");
    TaxRequest cart = request("KWD", {"KW", std::nullopt, std::nullopt},
                              {line("a", "standard", "1.250", "KWD"), line("b", "standard", "0.999", "KWD")});
    cart.shipping = TaxableShipping{"standard", money("2.010", "KWD")};
    const TaxResult result = compute_taxes(rules, cart);
    check_reconciles(cart, result);
    CHECK(breakdown_text(result.lines[0].breakdown) == "1.250 + [VAT 5: 0.063] = 1.313");  // 0.0625, half up
    CHECK(breakdown_text(result.lines[1].breakdown) == "0.999 + [VAT 5: 0.050] = 1.049");  // 0.04995
    CHECK(breakdown_text(*result.shipping) == "2.010 + [VAT 5: 0.101] = 2.111");          // 0.1005
    CHECK(breakdown_text(result.total) == "4.259 + [VAT 5: 0.214] = 4.473");
}

TEST_CASE("tax: classes a zone does not list fall back to its standard rates, except the zero class") {
    const TaxDefinitions rules = definitions(R"({
      "origin": {"country": "GB"}, "tax_classes": ["books", "children_clothing"],
      "zones": [{"id": "gb", "country": "GB",
                 "rates": {"standard": [{"name": "VAT", "rate": "20"}], "children_clothing": [],
                           "digital": [{"name": "VAT", "rate": "20.00"}]}}]})");
    const TaxRequest cart = request("GBP", {"GB", std::nullopt, "SW1A 1AA"},
                                    {line("novel", "books", "10.00", "GBP"), line("bread", "zero", "1.00", "GBP"),
                                     line("socks", "children_clothing", "3.00", "GBP"),
                                     line("ebook", "digital", "5.00", "GBP")});
    const TaxResult result = compute_taxes(rules, cart);
    check_reconciles(cart, result);
    CHECK(breakdown_text(result.lines[0].breakdown) == "1.00 + [] = 1.00");          // bread: zero, unlisted
    CHECK(breakdown_text(result.lines[1].breakdown) == "5.00 + [VAT 20: 1.00] = 6.00");  // ebook
    CHECK(breakdown_text(result.lines[2].breakdown) == "10.00 + [VAT 20: 2.00] = 12.00");  // novel: standard
    CHECK(breakdown_text(result.lines[3].breakdown) == "3.00 + [] = 3.00");          // socks: listed empty
    // "20.00" and "20" are one rate, so the totals hold one VAT line.
    CHECK(taxes_text(result.total) == "VAT 20: 3.00");
}

TEST_CASE("tax: without a matching zone nothing is taxed and the shown amounts are charged") {
    TaxRequest cart = request("USD", {"US", "CA", "94103"}, {line("a", "standard", "10.00", "USD")});
    cart.shipping = TaxableShipping{"standard", money("3.00", "USD")};
    const TaxResult result = compute_taxes(definitions(kGermanyInclusive), cart);
    check_reconciles(cart, result);
    CHECK_FALSE(result.zone_id.has_value());
    CHECK_FALSE(result.prices_include_tax);
    CHECK(breakdown_text(result.total) == "13.00 + [] = 13.00");
}

TEST_CASE("tax: an empty cart has zero totals") {
    const TaxRequest cart = request("EUR", kParis, {});
    const TaxResult result = compute_taxes(definitions(kFrance), cart);
    check_reconciles(cart, result);
    CHECK(breakdown_text(result.total) == "0.00 + [] = 0.00");
}

TEST_CASE("tax: bad requests are refused with a stable reason") {
    const TaxDefinitions rules = definitions(kFrance);
    auto refused = [&](TaxRequest cart, const char* field, const char* reason) {
        CAPTURE(field);
        const commerce::Error error = error_of([&] { compute_taxes(rules, cart); });
        CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(error.details() == commerce::json{{"field", field}, {"reason", reason}});
    };
    refused(request("EUR", kParis, {line("", "standard", "1.00", "EUR")}), "lines[0].id", "required");
    refused(request("EUR", kParis, {line("a", "standard", "1.00", "EUR"), line("a", "standard", "2.00", "EUR")}),
            "lines[1].id", "duplicate");
    refused(request("EUR", kParis, {line("a", "standard", "1.00", "EUR", 0)}), "lines[0].quantity", "out_of_range");
    refused(request("EUR", kParis, {line("a", "standard", "1.00", "EUR", -2)}), "lines[0].quantity", "out_of_range");
    refused(request("EUR", kParis, {line("a", "luxury", "1.00", "EUR")}), "lines[0].tax_class", "unknown_tax_class");
    refused(request("EUR", kParis, {line("a", "standard", "-1.00", "EUR")}), "lines[0].amount", "negative");
    refused(request("EUR", {"France", std::nullopt, std::nullopt}, {}), "country", "format");
    refused(request("EUR", {"FR", "Île", std::nullopt}, {}), "region", "format");
    refused(request("EUR", {"FR", std::nullopt, "75011?"}, {}), "postal_code", "format");
    TaxRequest shipping = request("EUR", kParis, {});
    shipping.shipping = TaxableShipping{"freight", money("1.00", "EUR")};
    refused(shipping, "shipping.tax_class", "unknown_tax_class");
    shipping.shipping = TaxableShipping{"standard", money("-1.00", "EUR")};
    refused(shipping, "shipping.amount", "negative");

    const commerce::Error currency = error_of([&] { compute_taxes(rules, request("XXY", kParis, {})); });
    CHECK(currency.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(currency.details()["field"] == "currency");
    const commerce::Error mismatch =
        error_of([&] { compute_taxes(rules, request("EUR", kParis, {line("a", "standard", "1.00", "USD")})); });
    CHECK(mismatch.code() == COMMERCE_ERR_CURRENCY_MISMATCH);
    CHECK(mismatch.details()["field"] == "lines[0].amount");
}
