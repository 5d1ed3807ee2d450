// Use cases of logging in and out: password, second factor, social identity, access tokens.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json login(Engine& engine, const char* email, const char* password, const char* context_json);
nlohmann::json complete_login(Engine& engine, const char* challenge, const char* method, const char* code,
                              const char* context_json);
void send_email_otp(Engine& engine, const char* challenge);
nlohmann::json social_login(Engine& engine, const char* provider, const char* subject, const char* profile_json);
void logout(Engine& engine, const char* session);
void logout_others(Engine& engine, const char* session);
nlohmann::json issue_access_token(Engine& engine, const char* session);
nlohmann::json verify_access_token(Engine& engine, const char* token);

// Provider names: 1..64 characters of [a-z0-9._-]. INVALID_ARGUMENT otherwise.
std::string_view checked_provider(const char* provider);

}  // namespace commerce::flows
