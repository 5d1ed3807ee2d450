// A cart priced against the catalog: each line's unit price in the cart's currency, and exact totals.
// Pricing lives in the flows because it joins two modules, cart and catalog.
#pragma once

#include "core/actor.h"
#include "core/permission_names.h"
#include "ports/storage.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace commerce::flows {

struct PricedLine {
    Product product;
    Variant variant;
    int64_t quantity;
    Money unit_price;
    Money line_total;
};

struct PricedCart {
    Cart cart;
    std::vector<PricedLine> lines;
    Money subtotal;
    Money total;  // equals the subtotal until promotions, taxes and shipping arrive
};

// The variant a cart call names: a variant id, or the id of a product with exactly one variant (INVALID_ARGUMENT
// with reason "variant_required" for a product with several). NOT_FOUND when neither exists.
VariantKey named_variant(Transaction& tx, std::string_view item_id);

// The product and variant item_id names, if shoppers may buy it now (NOT_FOUND for a product not on sale) in the
// currency (CURRENCY_MISMATCH when the variant has no price in it).
PricedLine sellable_variant(Transaction& tx, std::string_view item_id, const Currency& currency, int64_t now_ms);

PricedCart price_cart(Transaction& tx, const Cart& cart);

// The cart, if the caller may use it: guest carts are open to the holder of their id, a user's cart only to
// that user (or an admin). NOT_FOUND for an unknown id, FORBIDDEN for someone else's cart.
Cart accessible_cart(Transaction& tx, std::string_view cart_id, const std::optional<Actor>& actor);

nlohmann::json cart_document(const PricedCart& priced);

}  // namespace commerce::flows
