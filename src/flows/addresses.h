// Use cases of a user's own addresses.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json add_address(Engine& engine, const char* session, const char* address_json);
nlohmann::json update_address(Engine& engine, const char* session, const char* address_id, const char* patch_json);
void remove_address(Engine& engine, const char* session, const char* address_id);
nlohmann::json list_addresses(Engine& engine, const char* session);

}  // namespace commerce::flows
