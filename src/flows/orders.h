// Reading orders.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json get_order(Engine& engine, const char* session, const char* order_id);
nlohmann::json list_orders(Engine& engine, const char* session, const char* query_json);
// See commerce_order_search.
nlohmann::json search_orders(Engine& engine, const char* session, const char* query_json);

}  // namespace commerce::flows
