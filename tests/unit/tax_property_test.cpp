// Random stores and carts (fixed seed, bounded): every result reconciles to the minor unit, does not depend on
// the order of the lines, and each tax stays within its rounding distance of the exact value computed here
// independently, the long way round.
#include "tax_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

using namespace tax_test;

namespace {

struct RandomRate {
    std::string name;
    Decimal percent;
    bool compound;
};

// Taxes of `net` applied one after the other, as a tax authority would describe them.
std::vector<Decimal> sequential_taxes(const Decimal& net, const std::vector<RandomRate>& rates) {
    std::vector<Decimal> taxes;
    Decimal earlier;
    for (const RandomRate& rate : rates) {
        const Decimal base = rate.compound ? net + earlier : net;
        taxes.push_back(base * rate.percent * Decimal(1, 2));
        earlier = earlier + taxes.back();
    }
    return taxes;
}

// The exact taxes of a shown amount in minor units, to 30 decimals. For a tax-inclusive amount the net is the
// amount divided by the gross of a net of one.
std::vector<Decimal> oracle_taxes(std::int64_t shown_minor, const std::vector<RandomRate>& rates, bool inclusive) {
    const Decimal shown{Decimal::Int(shown_minor)};
    Decimal net = shown;
    if (inclusive) {
        Decimal gross_of_one(1);
        for (const Decimal& tax : sequential_taxes(Decimal(1), rates)) gross_of_one = gross_of_one + tax;
        net = shown.divided(gross_of_one, 30);
    }
    return sequential_taxes(net, rates);
}

Decimal magnitude(const Decimal& value) { return value.sign() < 0 ? -value : value; }

// Whether a value the oracle approximated to 30 decimals lies so close to a whole or a half minor unit that its
// rounding might differ from the exact value's.
bool near_rounding_boundary(const Decimal& approximate) {
    const Decimal doubled = approximate + approximate;  // whole and half units become whole numbers
    return magnitude(doubled - doubled.rescaled(0)) < Decimal(1, 20);
}

}  // namespace

TEST_CASE("tax property: random carts reconcile, are deterministic, and stay near the exact taxes") {
    std::mt19937_64 random(20250611);
    auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    const char* currencies[] = {"EUR", "JPY", "KWD"};
    const char* modes[] = {"half_even", "half_up", "down", "up"};
    const char* classes[] = {"standard", "reduced", "zero", "books"};
    const char* names[] = {"VAT", "GST", "PST"};
    const char* common_rates[] = {"5", "20", "9.975"};
    for (int round = 0; round < 300; ++round) {
        CAPTURE(round);
        const char* currency = currencies[pick(0, 2)];
        const bool inclusive = pick(0, 1) == 1;
        const bool per_invoice = pick(0, 1) == 1;
        const char* mode = modes[pick(0, 3)];
        std::map<std::string, std::vector<RandomRate>> rates_by_class;
        json rates = json::object();
        for (const char* tax_class : {"standard", "reduced", "books"}) {
            const int count = pick(tax_class == std::string("standard") ? 1 : 0, 3);
            auto& list = rates_by_class[tax_class];
            for (int k = 0; k < count; ++k) {
                // The names repeat across classes, so invoice rounding groups taxes of several classes.
                // Half the time a common rate, so that classes share taxes; else 0 to 30 percent with 0 to 3 decimals.
                const int decimals = pick(0, 3);
                const int upper = decimals == 0 ? 30 : decimals == 1 ? 300 : decimals == 2 ? 3000 : 30000;
                const Decimal percent = pick(0, 1) == 0 ? Decimal::parse(common_rates[pick(0, 2)])
                                                        : Decimal(pick(0, upper), decimals);
                RandomRate rate{names[k], percent, k > 0 && pick(0, 2) == 0};
                list.push_back(rate);
                rates[tax_class].push_back(
                    {{"name", rate.name}, {"rate", rate.percent.to_string()}, {"compound", rate.compound}});
            }
            if (count == 0) rates[tax_class] = json::array();
        }
        const json store = {
            {"origin", {{"country", "FR"}}},
            {"tax_classes", {"books"}},
            {"zones", {{{"id", "fr"}, {"country", "FR"}, {"prices_include_tax", inclusive},
                        {"rounding", {{"level", per_invoice ? "invoice" : "line"}, {"mode", mode}}},
                        {"rates", rates}}}}};
        const TaxDefinitions rules = parse_tax_definitions(store);
        CAPTURE(store.dump());

        const Currency& unit = commerce::currency(currency);
        TaxRequest cart = request(currency, {"FR", std::nullopt, "75011"}, {});
        const int line_count = pick(0, 12);
        for (int i = 0; i < line_count; ++i) {
            const std::int64_t minor = pick(0, 4) == 0 ? pick(0, 9) : pick(0, 1'000'000);
            cart.lines.push_back({"line-" + std::to_string(i), classes[pick(0, 3)], pick(1, 5),
                                  Money::from_minor(minor, unit)});
        }
        if (pick(0, 1) == 1)
            cart.shipping = TaxableShipping{classes[pick(0, 3)], Money::from_minor(pick(0, 5000), unit)};
        cart.customer_exempt = pick(0, 4) == 0;

        const TaxResult result = compute_taxes(rules, cart);
        check_reconciles(cart, result);
        CHECK(result.zone_id == "fr");

        // The same cart in another order gives the same result, line for line.
        TaxRequest shuffled = cart;
        std::shuffle(shuffled.lines.begin(), shuffled.lines.end(), random);
        CHECK(result_text(compute_taxes(rules, shuffled)) == result_text(result));
        CHECK(std::is_sorted(result.lines.begin(), result.lines.end(),
                             [](const TaxedLine& a, const TaxedLine& b) { return a.id < b.id; }));
        if (cart.customer_exempt) continue;

        // Each tax against the oracle: within one minor unit per line, or within two per line (the allocation's
        // unit plus the invoice rounding's) and within one for the whole invoice.
        std::map<std::pair<std::string, Decimal>, Decimal> exact_per_tax;
        auto check_part = [&](const TaxBreakdown& part, const Money& shown, const std::string& tax_class) {
            const std::vector<RandomRate>& class_rates = rates_by_class[tax_class];  // "zero": unlisted, none
            const std::vector<Decimal> exact = oracle_taxes(shown.minor(), class_rates, inclusive);
            REQUIRE(part.taxes.size() == exact.size());
            for (std::size_t k = 0; k < exact.size(); ++k) {
                CHECK(part.taxes[k].name == class_rates[k].name);
                CHECK(part.taxes[k].percent == class_rates[k].percent);
                const Decimal error = magnitude(Decimal(Decimal::Int(part.taxes[k].amount.minor())) - exact[k]);
                CHECK(error < Decimal(per_invoice ? 2 : 1));
                Decimal& sum = exact_per_tax[{class_rates[k].name, class_rates[k].percent}];
                sum = sum + exact[k];
            }
        };
        for (const TaxedLine& taxed : result.lines) {
            auto given = std::find_if(cart.lines.begin(), cart.lines.end(),
                                      [&](const TaxableLine& l) { return l.id == taxed.id; });
            check_part(taxed.breakdown, given->amount, given->tax_class);
        }
        if (cart.shipping) check_part(*result.shipping, cart.shipping->amount, cart.shipping->tax_class);
        REQUIRE(result.total.taxes.size() == exact_per_tax.size());
        for (const TaxLine& total : result.total.taxes) {
            const Decimal exact = exact_per_tax.at({total.name, total.percent});
            const Decimal error = magnitude(Decimal(Decimal::Int(total.amount.minor())) - exact);
            // Per line the errors of the lines add up; per invoice the tax is rounded once, with the zone's mode.
            CHECK(error < Decimal(per_invoice ? 1 : static_cast<int>(result.lines.size()) + 1));
            if (per_invoice && !near_rounding_boundary(exact))
                CHECK(total.amount.minor() == exact.rescaled(0, parse_rounding_mode(mode)).coefficient());
        }
    }
}
