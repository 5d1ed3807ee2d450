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

// The product, which must exist and have a price in the currency (CURRENCY_MISMATCH otherwise).
Product sellable_product(Transaction& tx, std::string_view product_id, const Currency& currency);

PricedCart price_cart(Transaction& tx, const Cart& cart);

// The cart, if the caller may use it: guest carts are open to the holder of their id, a user's cart only to
// that user (or an admin). NOT_FOUND for an unknown id, FORBIDDEN for someone else's cart.
Cart accessible_cart(Transaction& tx, std::string_view cart_id, const std::optional<Actor>& actor);

nlohmann::json cart_document(const PricedCart& priced);

}  // namespace commerce::flows
