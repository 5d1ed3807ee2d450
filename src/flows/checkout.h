// Placing an order from a cart.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// One write transaction: the order, its lines with a price snapshot, the stock decrement, the payment and the
// completed cart commit together or not at all. See commerce_checkout_place_order for the request.
nlohmann::json place_order(Engine& engine, const char* session, const char* cart_id, const char* request_json);

}  // namespace commerce::flows
