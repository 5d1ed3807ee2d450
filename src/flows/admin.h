// Use cases of administration: users, roles, the audit log and login analytics. Each checks a permission.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json list_users(Engine& engine, const char* session, const char* query_json);
nlohmann::json get_user(Engine& engine, const char* session, const char* user_id);
nlohmann::json suspend_user(Engine& engine, const char* session, const char* user_id, const char* reason);
nlohmann::json unsuspend_user(Engine& engine, const char* session, const char* user_id);
void force_password_reset(Engine& engine, const char* session, const char* user_id);
nlohmann::json set_user_roles(Engine& engine, const char* session, const char* user_id, const char* roles_json);
nlohmann::json define_role(Engine& engine, const char* session, const char* role_json);
void delete_role(Engine& engine, const char* session, const char* name);
nlohmann::json list_roles(Engine& engine, const char* session);
nlohmann::json list_audit(Engine& engine, const char* session, const char* query_json);
nlohmann::json login_report(Engine& engine, const char* session, const char* query_json);

}  // namespace commerce::flows
