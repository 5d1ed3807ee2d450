// Use cases of second factors and linked social identities, for the session's own account.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json totp_enroll(Engine& engine, const char* session);
nlohmann::json totp_confirm(Engine& engine, const char* session, const char* code);
nlohmann::json set_email_otp(Engine& engine, const char* session, bool enabled);
nlohmann::json mfa_status(Engine& engine, const char* session);
nlohmann::json regenerate_recovery_codes(Engine& engine, const char* session, const char* password);
void disable_mfa(Engine& engine, const char* session, const char* password);
void link_identity(Engine& engine, const char* session, const char* provider, const char* subject);
void unlink_identity(Engine& engine, const char* session, const char* provider, const char* subject);

}  // namespace commerce::flows
