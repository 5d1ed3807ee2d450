// A cart's money in other currencies (docs/currencies.md): the unit price of a variant that has no set price in
// the cart's currency, converted from its base-currency price, and the cart's total in its display currency.
#pragma once

#include "domain/cart/cart.h"
#include "domain/catalog/product.h"
#include "domain/currency/exchange_rate.h"
#include "ports/storage.h"

#include <optional>

namespace commerce::flows {

// Where a converted price came from: the variant's base-currency price and the rate applied to it.
struct PriceConversion {
    Money from;
    ExchangeRate rate;
};

struct UnitPrice {
    Money amount;
    std::optional<PriceConversion> conversion;  // nullopt for a set price
};

// Prices variants in one currency at one moment. A set price wins; without one, the variant's price in the store's
// base currency converted at the rate in force and rounded by the currency's presentment rules, when the currency
// is a presentment currency. The settings and the rate are read once, when the first variant without a set price
// needs them, so a cart pays for them once rather than per line.
class CatalogPricer {
public:
    CatalogPricer(Transaction& tx, const Currency& currency, int64_t now_ms)
        : tx_(tx), currency_(currency), now_ms_(now_ms) {}

    // nullopt when the variant has neither a set price nor a convertible base price.
    std::optional<UnitPrice> unit_price(const Variant& variant);

private:
    struct Conversion {
        const Currency* base;
        PriceRounding rounding;
        ExchangeRate rate;
    };
    // nullopt without settings, when the currency is not a presentment one, or without a rate in force.
    const std::optional<Conversion>& conversion();

    Transaction& tx_;
    const Currency& currency_;
    int64_t now_ms_;
    std::optional<std::optional<Conversion>> conversion_;  // outer: resolved yet
};

// The cart's total shown in its display currency at the rate in force now (half-even to the minor unit: charm
// endings shape prices, not totals).
struct DisplayTotal {
    Money total;
    ExchangeRate rate;
};

// nullopt when the cart has no display currency or no rate is in force for it.
std::optional<DisplayTotal> display_total(Transaction& tx, const Cart& cart, const Money& total, int64_t now_ms);

}  // namespace commerce::flows
