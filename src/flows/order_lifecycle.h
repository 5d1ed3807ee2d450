// An order's life after checkout: taking the money that was not taken at once, refunds, cancellation, and the
// expiry of orders left unpaid. Each call is one write transaction: the order's new states and history, the
// stock it gives back, the redemptions it releases and its outbox events commit together (docs/orders.md).
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// See commerce_order_capture_payment, commerce_order_refund, commerce_order_cancel and commerce_order_sweep.
nlohmann::json capture_payment(Engine& engine, const char* session, const char* order_id, const char* request_json);
nlohmann::json refund_order(Engine& engine, const char* session, const char* order_id, const char* request_json);
nlohmann::json cancel_order(Engine& engine, const char* session, const char* order_id, const char* request_json);
nlohmann::json sweep_orders(Engine& engine, int64_t limit);

}  // namespace commerce::flows
