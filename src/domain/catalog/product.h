// A product as the catalog sells it: one SKU, a price per currency, and a stock count.
#pragma once

#include "core/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

struct Product {
    std::string id;
    std::string sku;
    std::string title;
    std::string description;
    std::vector<Money> prices;  // at most one per currency
    int64_t stock = 0;
    int64_t version = 1;        // bumped on every update; optimistic concurrency
    int64_t created_ms = 0;
    int64_t updated_ms = 0;

    std::optional<Money> price_in(const Currency& currency) const {
        for (const auto& price : prices)
            if (&price.currency() == &currency) return price;
        return std::nullopt;
    }
};

}  // namespace commerce
