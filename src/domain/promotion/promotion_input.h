// Reading promotion definitions from JSON. Every rule that needs no storage is checked here, so a Promotion that
// exists is one the engine can evaluate; uniqueness of ids and codes is the storage layer's.
#pragma once

#include "core/json_input.h"
#include "domain/promotion/promotion.h"

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// A promotion from its JSON definition (docs/promotions.md). Bad input is COMMERCE_ERR_INVALID_ARGUMENT with
// details {"field": "action.percent", "reason": "out_of_range"}; the reasons are listed in the doc.
Promotion parse_promotion(const json& definition);

// A coupon code in the form promotions store and compare it: 1 to 64 of A-Z, 0-9, '-' and '_', uppercased, so
// "summer-10" and "SUMMER-10" are one code. nullopt for anything else.
std::optional<std::string> normalized_code(std::string_view code);

}  // namespace commerce
