// Use cases of the inventory, behind include/commerce/inventory.h. Writes need "inventory.write".
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json create_location(Engine& engine, const char* session, const char* location_json);
nlohmann::json list_locations(Engine& engine);
nlohmann::json adjust_stock(Engine& engine, const char* session, const char* movement_json);
nlohmann::json transfer_stock(Engine& engine, const char* session, const char* transfer_json);
nlohmann::json stock_level(Engine& engine, const char* variant_id);
nlohmann::json list_stock_movements(Engine& engine, const char* session, const char* query_json);
nlohmann::json reserve_stock(Engine& engine, const char* session, const char* reservation_json);
void release_reservation(Engine& engine, const char* session, const char* reservation_id);

}  // namespace commerce::flows
