// Getting an order's goods to the shopper: shipments with their tracking, their way to delivery, and the
// order's completion. One write transaction per call, with its outbox events (docs/orders.md#fulfilment).
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// See commerce_order_ship, commerce_order_update_shipment and commerce_order_complete.
nlohmann::json ship_order(Engine& engine, const char* session, const char* order_id, const char* request_json);
nlohmann::json update_shipment(Engine& engine, const char* session, const char* order_id, const char* shipment_id,
                               const char* request_json);
nlohmann::json complete_order(Engine& engine, const char* session, const char* order_id, const char* request_json);

}  // namespace commerce::flows
