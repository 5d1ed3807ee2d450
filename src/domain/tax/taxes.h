// The tax computation: a pure function from a store's definitions and one cart's taxable amounts to every tax
// line, per line, for shipping and in total. It runs after the before-tax promotions (the amounts it receives
// are already discounted) and before the after-tax ones. The rules are in docs/taxes.md; in short:
// - the zone is chosen by zone_selection.h; with no zone nothing is taxed and every amount is charged as shown;
// - the zone decides whether shown amounts include tax: then gross == shown and the tax is extracted from it,
//   otherwise net == shown and the tax is added on top;
// - rounding is per tax of each line, or once per tax of the invoice and allocated back to the lines;
// - always, per line and in total, net + the sum of the taxes == gross, exactly, in minor units.
#pragma once

#include "core/decimal.h"
#include "core/money.h"
#include "domain/tax/tax_definitions.h"
#include "domain/tax/zone_selection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

// One cart line as the tax engine sees it.
struct TaxableLine {
    std::string id;         // the variant id; unique in the request
    std::string tax_class;  // one of the definitions' classes
    std::int64_t quantity;  // > 0; carried to the result for the totals document, ad valorem taxes ignore it
    Money amount;           // the line total after before-tax discounts, as shown (inclusive or exclusive)
};

struct TaxableShipping {
    std::string tax_class;
    Money amount;  // after before-tax discounts, as shown
};

struct TaxRequest {
    std::string currency;  // ISO 4217; every amount must be in it
    TaxAddress destination;
    bool customer_exempt = false;
    std::vector<TaxableLine> lines;
    std::optional<TaxableShipping> shipping;
};

// One tax charged: "VAT 20%: 3.33 EUR".
struct TaxLine {
    std::string name;
    Decimal percent;  // as defined, trailing zeros removed: "20", "9.975"
    Money amount;
};

// What one taxed amount is made of: net + the sum of taxes == gross.
struct TaxBreakdown {
    Money net;
    std::vector<TaxLine> taxes;  // per line and for shipping in the zone's rate order; in totals by name, percent
    Money gross;
};

struct TaxedLine {
    std::string id;
    std::int64_t quantity;
    TaxBreakdown breakdown;
};

struct TaxResult {
    std::optional<std::string> zone_id;  // the zone that applied, nullopt when none did
    bool prices_include_tax;             // how the shown amounts were read: the zone's setting, false without one
    std::vector<TaxedLine> lines;        // sorted by id, whatever the request's order
    std::optional<TaxBreakdown> shipping;
    TaxBreakdown total;                  // the sums, with the taxes aggregated per (name, percent)
};

// Errors, each INVALID_ARGUMENT with a stable reason unless noted: an unknown currency (field "currency"); a line
// id empty ("lines[i].id", "required") or repeated ("duplicate"); a quantity below 1 ("lines[i].quantity",
// "out_of_range"); a tax class the definitions do not know ("lines[i].tax_class" or "shipping.tax_class",
// "unknown_tax_class"); a negative amount ("negative"); an amount in another currency
// (COMMERCE_ERR_CURRENCY_MISMATCH); a malformed destination (zone_selection.h); a result beyond 64-bit minor
// units (COMMERCE_ERR_OVERFLOW).
TaxResult compute_taxes(const TaxDefinitions& definitions, const TaxRequest& request);

}  // namespace commerce
