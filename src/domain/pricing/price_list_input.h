// Reading a price list's definition (docs/price-lists.md) from JSON. Errors are INVALID_ARGUMENT naming the member
// by its path ("prices[3].min_quantity") with a reason; nothing about storage is checked here (whether the
// variants exist is the flow's question).
#pragma once

#include "core/json_input.h"
#include "domain/pricing/price_list.h"

namespace commerce {

inline constexpr std::size_t kMaxPriceListPrices = 10'000;

PriceList parse_price_list(const json& definition);

}  // namespace commerce
