// Use cases of the catalog.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json create_product(Engine& engine, const char* session, const char* product_json);
nlohmann::json update_product(Engine& engine, const char* session, const char* product_id, const char* patch_json);
nlohmann::json get_product(Engine& engine, const char* product_id);
nlohmann::json list_products(Engine& engine, const char* query_json);
void delete_product(Engine& engine, const char* session, const char* product_id);

}  // namespace commerce::flows
