// The order document as every flow shows it: the order with the licence keys its digital lines received.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json order_with_keys(Engine& engine, Transaction& tx, const Order& order);

}  // namespace commerce::flows
