// A store's shipping methods, as read from their JSON definition (shipping_input.h): where each delivers, what it
// costs in each currency, how long it takes, and which tax class its price belongs to. Plain values: the choice
// of methods for a cart (shipping_options.h) reads them, storage keeps their JSON.
#pragma once

#include "core/money.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace commerce {

// One step of a weight-based rate: up to max_grams (inclusive) the price is amount. The last tier may have no
// bound; a cart heavier than every bounded tier of a rate without one cannot use the method.
struct WeightTier {
    std::optional<int64_t> max_grams;
    Money amount;
};

// One step of a subtotal-based rate: from min_subtotal on (inclusive) the price is amount.
struct SubtotalTier {
    Money min_subtotal;
    Money amount;
};

struct FlatRate {
    Money amount;
};

// Tiers are sorted by their threshold and strictly increasing.
using RateRule = std::variant<FlatRate, std::vector<WeightTier>, std::vector<SubtotalTier>>;

// A method's price in one currency; free_over makes it free from that subtotal on.
struct ShippingRate {
    RateRule rule;
    std::optional<Money> free_over;
};

enum class ShippingKind { delivery, pickup };

struct ShippingMethod {
    std::string id;
    std::string name;
    ShippingKind kind = ShippingKind::delivery;
    std::vector<std::string> countries;  // delivery: ISO alpha-2, sorted; empty means every country ("*")
    std::vector<std::string> regions;    // delivery: sorted; empty means any region of those countries
    std::optional<std::string> location_id;  // pickup: where the goods are collected
    std::map<std::string, ShippingRate> rates;  // by currency code; a pickup without rates is free in any currency
    int64_t min_days = 0;
    int64_t max_days = 0;
    std::string tax_class{"standard"};
};

struct ShippingDefinitions {
    std::vector<ShippingMethod> methods;  // in the order the shop lists them
};

}  // namespace commerce
