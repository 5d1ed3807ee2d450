// Returns (RMA) through their life: requested by the shopper or staff, approved or rejected, received with each
// line restocked or discarded, and refunded in the same step. One write transaction per call (docs/orders.md).
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// See commerce_return_request, _approve, _reject and _receive.
nlohmann::json request_return(Engine& engine, const char* session, const char* order_id, const char* request_json);
nlohmann::json approve_return(Engine& engine, const char* session, const char* order_id, const char* return_id,
                              const char* request_json);
nlohmann::json reject_return(Engine& engine, const char* session, const char* order_id, const char* return_id,
                             const char* request_json);
nlohmann::json receive_return(Engine& engine, const char* session, const char* order_id, const char* return_id,
                              const char* request_json);

}  // namespace commerce::flows
