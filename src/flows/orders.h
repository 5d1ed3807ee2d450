// Reading orders.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json get_order(Engine& engine, const char* session, const char* order_id);
// See commerce_order_receipt and commerce_order_invoice.
nlohmann::json order_receipt(Engine& engine, const char* session, const char* order_id, const char* options_json);
nlohmann::json order_invoice(Engine& engine, const char* session, const char* order_id, const char* options_json);
nlohmann::json list_orders(Engine& engine, const char* session, const char* query_json);
// See commerce_order_search.
nlohmann::json search_orders(Engine& engine, const char* session, const char* query_json);

}  // namespace commerce::flows
