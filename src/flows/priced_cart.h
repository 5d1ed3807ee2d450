// A cart priced against the catalog, its promotions and the store's taxes: each line's unit price in the cart's
// currency, what each promotion took, each tax, and exact totals. Pricing lives in the flows because it joins
// modules: cart, catalog, promotion and tax.
#pragma once

#include "core/actor.h"
#include "core/permission_names.h"
#include "domain/identity/customer_group.h"
#include "domain/promotion/outcome.h"
#include "domain/tax/taxes.h"
#include "flows/price_conversion.h"
#include "ports/storage.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace commerce::flows {

struct PricedLine {
    std::shared_ptr<const Product> product;  // read-only and shared, as the storage hands it out
    const Variant* variant;                  // the line's variant, inside *product
    int64_t quantity;
    Money catalog_unit_price;                  // the variant's own price in the cart's currency
    Money unit_price;                          // what the line pays: the catalog price or a price list's
    std::optional<std::string> price_list_id;  // the list whose price won (docs/price-lists.md)
    Money line_total;                          // unit_price × quantity, before any promotion
    // Set when the catalog price was converted from the base currency (docs/currencies.md).
    std::optional<PriceConversion> conversion;
};

// A shipping method offered to the cart, with its price for it (docs/shipping.md).
struct OfferedShipping {
    std::string id;
    std::string name;
    std::string kind;  // "delivery" or "pickup"
    Money price;
    int64_t min_days;
    int64_t max_days;
    std::optional<std::string> location_id;
    std::string tax_class;
};

// What the promotions and taxes made of a line: total = line_total − discount (+ tax when prices exclude it).
struct LineTotals {
    Money discount;  // both lanes
    std::vector<TaxLine> taxes;
    Money tax;
    Money total;
};

struct PricedCart {
    Cart cart;
    std::vector<PricedLine> lines;
    std::vector<LineTotals> line_totals;  // one per line, same order
    bool requires_shipping = false;                  // some line is a physical good
    bool store_ships = false;                        // the store defines shipping methods
    std::vector<OfferedShipping> shipping_options;   // empty while the store defines no methods
    std::optional<OfferedShipping> shipping_method;  // the cart's choice, while it is offered
    std::vector<CustomerGroup> customer_groups;      // of the cart's user, sorted by id
    PromotionOutcome promotions;
    std::map<std::string, std::string> promotion_names;  // by id, of every candidate
    std::optional<TaxResult> taxes;  // nullopt while the store has no tax definition
    bool tax_estimated = false;      // the cart has no address yet: taxed as a sale at the store's origin
    Money subtotal;                  // Σ line_total
    Money discount_total;            // Σ applied promotions, both lanes
    Money shipping_total;  // the chosen method's price, before promotions and tax
    Money tax_total;       // on the lines and on shipping
    // subtotal − discount_total + shipping_total + tax_total when prices exclude tax;
    // subtotal − discount_total + shipping_total − tax_exemption when they include it (the tax is inside).
    Money total;
    bool tax_exempt = false;  // the customer is in a tax-exempt group: no tax is charged
    // What a tax-exempt customer does not pay of tax-inclusive prices: the tax they contained. Zero otherwise.
    Money tax_exemption;
    std::optional<DisplayTotal> display;  // the total in the cart's display currency, while a rate is in force
};

// The variant a cart call names: a variant id, or the id of a product with exactly one variant (INVALID_ARGUMENT
// with reason "variant_required" for a product with several). NOT_FOUND when neither exists.
VariantKey named_variant(Transaction& tx, std::string_view item_id);

// The product and variant item_id names, if shoppers may buy it now (NOT_FOUND for a product not on sale) in the
// currency (CURRENCY_MISMATCH when the variant has no price in it).
PricedLine sellable_variant(Transaction& tx, std::string_view item_id, const Currency& currency, int64_t now_ms);

// Prices the cart at now_ms: catalog prices, promotions (automatic ones and the cart's coupons), taxes.
PricedCart price_cart(Transaction& tx, Cart cart, int64_t now_ms);

// The cart, if the caller may use it: guest carts are open to the holder of their id, a user's cart only to
// that user (or an admin). NOT_FOUND for an unknown id, FORBIDDEN for someone else's cart.
Cart accessible_cart(Transaction& tx, std::string_view cart_id, const std::optional<Actor>& actor);

// The parts of the cart's total, each an exact amount: what the cart document shows and an order keeps.
nlohmann::json cart_totals_json(const PricedCart& priced);
nlohmann::json cart_document(const PricedCart& priced);
// The "cart_totals" document: the cart's id, currency and item count with cart_totals_json as "totals".
nlohmann::json cart_totals_document(const PricedCart& priced);

}  // namespace commerce::flows
