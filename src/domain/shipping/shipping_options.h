// Which shipping methods a cart may use, and at what price: a pure function of the store's definitions and what
// the cart holds. The rules (docs/shipping.md): a cart of digital goods only needs no shipping; pickup methods are
// offered everywhere; delivery methods need a destination inside their countries (and regions); a method is
// offered only when it has a rate in the cart's currency that covers the cart's weight; thresholds (subtotal
// tiers, free_over) compare the goods' subtotal before promotions.
#pragma once

#include "core/currency.h"
#include "core/money.h"
#include "domain/shipping/shipping_definitions.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

struct ShippingDestination {
    std::string country;  // ISO alpha-2, uppercase
    std::optional<std::string> region;
};

struct ShippingRequest {
    const Currency* currency = nullptr;
    std::optional<ShippingDestination> destination;
    Money subtotal;        // of the goods, before promotions
    int64_t weight_grams;  // of the physical goods
    bool requires_shipping;
};

struct ShippingOption {
    const ShippingMethod* method;
    Money price;
};

// The methods offered, in the definition's order.
std::vector<ShippingOption> shipping_options(const ShippingDefinitions& definitions, const ShippingRequest& request);

}  // namespace commerce
