// What every order flow shares: the order document with the licence keys its digital lines received, and the
// outbox event that announces a change of an order.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace commerce::flows {

nlohmann::json order_with_keys(Engine& engine, Transaction& tx, const Order& order);

// Appends `topic` ("order.placed", "order.paid", "order.cancelled", "order.refunded") about the order, in the
// caller's transaction. The payload names the order and its states (an "order_change", outbox_batch.schema.json);
// `amount` is the money the change moved, when it moved any.
void emit_order_event(Engine& engine, Transaction& tx, std::string_view topic, const Order& order,
                      const std::optional<Money>& amount = std::nullopt);

}  // namespace commerce::flows
