// Shared helpers of the tax tests: definitions from JSON text, requests in one line, the reconciliation every
// result must satisfy, and a printable form of a result for comparisons.
#pragma once

#include "core/money.h"
#include "domain/tax/tax_input.h"
#include "domain/tax/taxes.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace tax_test {

using namespace commerce;

inline TaxDefinitions definitions(const std::string& text) { return parse_tax_definitions(json::parse(text)); }

// `text` with its "%s" replaced by `value`: one definition, several variants.
inline std::string filled(std::string text, const std::string& value) {
    return text.replace(text.find("%s"), 2, value);
}

inline Money money(const char* amount, const char* currency) { return Money::parse(amount, currency); }

inline TaxableLine line(const char* id, const char* tax_class, const char* amount, const char* currency,
                        std::int64_t quantity = 1) {
    return {id, tax_class, quantity, money(amount, currency)};
}

inline TaxRequest request(const char* currency, TaxAddress destination, std::vector<TaxableLine> lines) {
    return {currency, std::move(destination), false, std::move(lines), std::nullopt};
}

// "VAT 20: 3.33 EUR, VAT 5.5: 0.28 EUR"
inline std::string taxes_text(const TaxBreakdown& breakdown) {
    std::string text;
    for (const TaxLine& tax : breakdown.taxes) {
        if (!text.empty()) text += ", ";
        text += tax.name + " " + tax.percent.to_string() + ": " + tax.amount.amount_string();
    }
    return text;
}

inline std::string breakdown_text(const TaxBreakdown& breakdown) {
    return breakdown.net.amount_string() + " + [" + taxes_text(breakdown) + "] = " + breakdown.gross.amount_string();
}

// Every amount of a result, for comparing two results whole.
inline std::string result_text(const TaxResult& result) {
    std::string text = "zone " + result.zone_id.value_or("-") + (result.prices_include_tax ? " incl\n" : " excl\n");
    for (const TaxedLine& taxed : result.lines)
        text += taxed.id + " x" + std::to_string(taxed.quantity) + ": " + breakdown_text(taxed.breakdown) + "\n";
    if (result.shipping) text += "shipping: " + breakdown_text(*result.shipping) + "\n";
    return text + "total: " + breakdown_text(result.total);
}

inline Money sum_of_taxes(const TaxBreakdown& breakdown) {
    Money sum = Money::zero(breakdown.net.currency());
    for (const TaxLine& tax : breakdown.taxes) sum = sum + tax.amount;
    return sum;
}

// The invariants of every result: net + taxes == gross for each part and in total, the total is the sum of the
// parts, and the shown amount is the gross (inclusive) or the net (exclusive) unless the customer is exempt.
inline void check_reconciles(const TaxRequest& request, const TaxResult& result) {
    REQUIRE(result.lines.size() == request.lines.size());
    REQUIRE(result.shipping.has_value() == request.shipping.has_value());
    const Currency& currency = commerce::currency(request.currency);
    Money net = Money::zero(currency), tax = Money::zero(currency), gross = Money::zero(currency);
    auto check_part = [&](const TaxBreakdown& part, const Money& shown) {
        CAPTURE(breakdown_text(part));
        CHECK(part.net + sum_of_taxes(part) == part.gross);
        if (request.customer_exempt) CHECK(part.taxes.empty());
        else if (result.prices_include_tax) CHECK(part.gross == shown);
        else CHECK(part.net == shown);
        net = net + part.net;
        tax = tax + sum_of_taxes(part);
        gross = gross + part.gross;
    };
    for (const TaxedLine& taxed : result.lines) {
        auto shown = std::find_if(request.lines.begin(), request.lines.end(),
                                  [&](const TaxableLine& l) { return l.id == taxed.id; });
        REQUIRE(shown != request.lines.end());
        check_part(taxed.breakdown, shown->amount);
    }
    if (result.shipping) check_part(*result.shipping, request.shipping->amount);
    CHECK(result.total.net == net);
    CHECK(sum_of_taxes(result.total) == tax);
    CHECK(result.total.gross == gross);
    CHECK(net + tax == gross);
}

}  // namespace tax_test
