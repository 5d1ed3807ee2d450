// What a shopper agrees to at checkout besides the cart: where the goods go and whom the order bills, and the
// totals they saw, which must still hold when the order is placed (docs/orders.md#checkout).
#pragma once

#include "core/actor.h"
#include "domain/order/order.h"
#include "flows/priced_cart.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace commerce::flows {

struct CheckoutAddresses {
    std::optional<PostalAddress> shipping;
    std::optional<PostalAddress> billing;  // the shipping address when not given
};

// The request's "shipping_address" and "billing_address": a whole address ({"name", "line1", "city", "country",
// ...}, checked as the address book checks it) or {"address_id": "..."} from the signed-in user's book. The
// shipping address must be where the cart was priced for (its country, region and postal code, when the cart
// has them): INVALID_ARGUMENT with reason "not_the_priced_address" otherwise, so taxes and shipping are never
// charged for another place. NOT_FOUND for an address id that is not the user's.
CheckoutAddresses checkout_addresses(Transaction& tx, const nlohmann::json& request, const PricedCart& priced,
                                     const std::optional<Actor>& actor);

// The request's "expected": the totals the shopper saw ({"total", "subtotal", "discount_total",
// "shipping_total", "tax_total"} as money, and "items": [{"variant_id", "quantity", "unit_price"}]). Each member
// given must equal the cart as priced now; otherwise COMMERCE_ERR_CONFLICT with reason "totals_changed" and
// "changes": [{"field", "expected", "actual"}] naming every difference ("items[<variant_id>].unit_price",
// "items[<variant_id>]" for a line added or gone, "total", ...). Nothing is written.
void require_expected_totals(const nlohmann::json& request, const PricedCart& priced);

}  // namespace commerce::flows
