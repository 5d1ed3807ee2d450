// Pieces the identity flows share: the user document with its permissions, the audit log, login records
// and the client context of a call.
#pragma once

#include "core/actor.h"
#include "domain/audit/audit.h"
#include "domain/identity/accounts.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace commerce::flows {

// Passwords are bounded in characters by the rules; this bound in bytes only stops absurd inputs early.
inline constexpr std::size_t kMaxPasswordBytes = 4 * 128;

nlohmann::json user_doc(Transaction& tx, const User& user);

// The user or NOT_FOUND.
User existing_user(Transaction& tx, std::string_view user_id);

bool is_admin(const User& user);

// Managing a user needs "users.manage"; managing an admin other than oneself also needs "roles.manage", so that
// whoever may only manage users cannot lock the admins out and take the store over.
void require_may_manage(const Actor& actor, const User& user);

void audit(Engine& engine, Transaction& tx, const std::optional<std::string>& actor_id, std::string_view action,
           std::string_view target_type, std::string_view target_id, nlohmann::json before, nlohmann::json after);

// {"ip": ..., "user_agent": ...} from an optional context JSON (or from a profile that carries them).
SessionClient client_from(const nlohmann::json& context);
nlohmann::json parse_context(const char* context_json);

void record_login(Engine& engine, Transaction& tx, const std::optional<std::string>& user_id, std::string_view email,
                  const SessionClient& client, std::string_view method, std::string_view outcome,
                  std::optional<std::string> reason = std::nullopt);

// Emails that identity mails out carry the user and address; secrets go sealed.
void emit_user_event(Engine& engine, Transaction& tx, std::string_view topic, const User& user,
                     nlohmann::json payload = nlohmann::json::object(),
                     const nlohmann::json& secrets = nlohmann::json::object());

}  // namespace commerce::flows
