// Use cases of accounts: registration, verification, profile and passwords. Each is one transaction.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json register_customer(Engine& engine, const char* email, const char* password);
nlohmann::json verify_email(Engine& engine, const char* token);
void resend_verification(Engine& engine, const char* email);
nlohmann::json bootstrap_admin(Engine& engine, const char* email, const char* password);
nlohmann::json current_user(Engine& engine, const char* session);
nlohmann::json update_profile(Engine& engine, const char* session, const char* patch_json);
void change_password(Engine& engine, const char* session, const char* current_password, const char* new_password);
void request_password_reset(Engine& engine, const char* email);
void reset_password(Engine& engine, const char* token, const char* new_password);

// Issues a reset token and emits "user.password_reset_requested" (also used by the admin's forced reset).
void send_password_reset(Engine& engine, Transaction& tx, const User& user, std::string_view reason);

}  // namespace commerce::flows
