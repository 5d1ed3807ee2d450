// Use cases of accounts and sessions, each one storage transaction.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json register_customer(Engine& engine, const char* email, const char* password);
nlohmann::json bootstrap_admin(Engine& engine, const char* email, const char* password);
nlohmann::json current_user(Engine& engine, const char* session);
nlohmann::json login(Engine& engine, const char* email, const char* password);
void logout(Engine& engine, const char* session);

}  // namespace commerce::flows
