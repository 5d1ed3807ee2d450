#include "flows/identity_support.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "domain/identity/document.h"

#include <algorithm>

namespace commerce::flows {

nlohmann::json user_doc(Transaction& tx, const User& user) {
    return user_document(user, granted_permissions(tx, user.roles), tx.second_factors().find(user.id));
}

User existing_user(Transaction& tx, std::string_view user_id) {
    auto user = tx.users().by_id(user_id);
    if (!user) throw Error(COMMERCE_ERR_NOT_FOUND, "no user has this id", {{"field", "user_id"}});
    return *user;
}

bool is_admin(const User& user) {
    return std::find(user.roles.begin(), user.roles.end(), kRoleAdmin) != user.roles.end();
}

void require_may_manage(const Actor& actor, const User& user) {
    actor.require(permission::users_manage);
    if (is_admin(user) && user.id != actor.user_id) actor.require(permission::roles_manage);
}

void audit(Engine& engine, Transaction& tx, const std::optional<std::string>& actor_id, std::string_view action,
           std::string_view target_type, std::string_view target_id, nlohmann::json before, nlohmann::json after) {
    tx.audit().insert({.id = engine.ids().next(), .actor_id = actor_id, .action = std::string(action),
                       .target_type = std::string(target_type), .target_id = std::string(target_id),
                       .before = std::move(before), .after = std::move(after), .created_ms = engine.now_ms()});
}

nlohmann::json parse_context(const char* context_json) {
    nlohmann::json context = parse_object(context_json, "context", /*optional=*/true);
    reject_unknown_members(context, "the login context", {"ip", "user_agent"});
    return context;
}

SessionClient client_from(const nlohmann::json& context) {
    return {optional_string(context, "ip", 64).value_or(""),
            optional_string(context, "user_agent", 1024).value_or("")};
}

void record_login(Engine& engine, Transaction& tx, const std::optional<std::string>& user_id, std::string_view email,
                  const SessionClient& client, std::string_view method, std::string_view outcome,
                  std::optional<std::string> reason) {
    tx.login_events().insert({.id = engine.ids().next(), .user_id = user_id, .email = std::string(email),
                              .ip = client.ip, .user_agent = client.user_agent, .method = std::string(method),
                              .outcome = std::string(outcome), .reason = std::move(reason),
                              .created_ms = engine.now_ms()});
}

void emit_user_event(Engine& engine, Transaction& tx, std::string_view topic, const User& user,
                     nlohmann::json payload, const nlohmann::json& secrets) {
    payload["user_id"] = user.id;
    payload["email"] = user.email;
    emit_event(engine.outbox(tx), topic, user.id, payload, secrets);
}

}  // namespace commerce::flows
