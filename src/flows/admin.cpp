#include "flows/admin.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/identity/document.h"
#include "domain/identity/permissions.h"
#include "flows/access.h"
#include "flows/accounts.h"
#include "flows/identity_support.h"

#include <algorithm>
#include <set>

namespace commerce::flows {
namespace {

constexpr int64_t kMaxPage = 200;
constexpr int64_t kMaxReportDays = 366;

// The roles a user may be given: built-in or defined.
void require_known_roles(Transaction& tx, const std::vector<std::string>& roles) {
    for (const auto& role : roles)
        if (!builtin_role(role) && !tx.roles().find(role))
            throw Error(COMMERCE_ERR_NOT_FOUND, "no role has this name", {{"field", "roles"}, {"role", role}});
}

nlohmann::json set_status(Engine& engine, const char* session, const char* user_id, const char* status,
                          const char* reason_text) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(user_id, "user_id");
    const std::string_view reason = optional_text(reason_text, "reason", 1024);
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        User user = existing_user(tx, id);
        require_may_manage(actor, user);
        if (user.status == kUserErased) throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the user was erased");
        if (user.id == actor.user_id) throw Error(COMMERCE_ERR_ILLEGAL_STATE, "you cannot change your own status");
        if (status == kUserSuspended && is_admin(user) && user.status == kUserActive &&
            tx.users().count_with_role(kRoleAdmin) <= 1)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the store's last admin cannot be suspended");
        const nlohmann::json before = user_doc(tx, user);
        user.status = status;
        user.updated_ms = engine.now_ms();
        tx.users().update(user);
        if (user.status == kUserSuspended) tx.sessions().remove_for_user(user.id, "");
        document = user_doc(tx, user);
        nlohmann::json after = document;
        if (!reason.empty()) after["reason"] = reason;
        audit(engine, tx, actor.user_id, user.status == kUserSuspended ? "user.suspend" : "user.unsuspend", "user",
              user.id, before, after);
    });
    return document;
}

}  // namespace

nlohmann::json list_users(Engine& engine, const char* session, const char* query_json) {
    const json query_input = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query_input, "a user query", {"search", "status", "role", "limit", "after"});
    UserQuery query{.search = optional_string(query_input, "search", kMaxShortText).value_or(""),
                    .status = optional_string(query_input, "status", 16).value_or(""),
                    .role = optional_string(query_input, "role", 64).value_or(""),
                    .after_id = optional_string(query_input, "after", kMaxShortText).value_or(""),
                    .limit = optional_integer(query_input, "limit", 1, kMaxPage).value_or(50)};
    if (!query.status.empty() && query.status != kUserActive && query.status != kUserSuspended &&
        query.status != kUserErased)
        throw_invalid("status", "status must be active, suspended or erased");
    nlohmann::json items = nlohmann::json::array();
    nlohmann::json next = nullptr;
    read_as(engine, session, permission::users_read, [&](Transaction& tx) {
        const int64_t wanted = query.limit;
        query.limit = wanted + 1;  // one more than asked tells whether there is a next page
        auto users = tx.users().page(query);
        if (static_cast<int64_t>(users.size()) > wanted) {
            users.resize(static_cast<std::size_t>(wanted));
            next = users.back().id;
        }
        for (const auto& user : users) items.push_back(user_doc(tx, user));
    });
    return {{"type", "user_list"}, {"schema_version", 1}, {"items", std::move(items)}, {"next", std::move(next)}};
}

nlohmann::json get_user(Engine& engine, const char* session, const char* user_id) {
    const std::string_view id = checked_text(user_id, "user_id");
    nlohmann::json document;
    read_as(engine, session, permission::users_read, [&](Transaction& tx) {
        document = user_doc(tx, existing_user(tx, id));
    });
    return document;
}

nlohmann::json suspend_user(Engine& engine, const char* session, const char* user_id, const char* reason) {
    return set_status(engine, session, user_id, kUserSuspended, reason);
}

nlohmann::json unsuspend_user(Engine& engine, const char* session, const char* user_id) {
    return set_status(engine, session, user_id, kUserActive, nullptr);
}

void force_password_reset(Engine& engine, const char* session, const char* user_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(user_id, "user_id");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        User user = existing_user(tx, id);
        require_may_manage(actor, user);
        if (user.status == kUserErased) throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the user was erased");
        const nlohmann::json before = user_doc(tx, user);
        user.password_reset_required = true;
        user.updated_ms = engine.now_ms();
        tx.users().update(user);
        tx.sessions().remove_for_user(user.id, "");
        send_password_reset(engine, tx, user, "forced");
        audit(engine, tx, actor.user_id, "user.force_password_reset", "user", user.id, before, user_doc(tx, user));
    });
}

nlohmann::json set_user_roles(Engine& engine, const char* session, const char* user_id, const char* roles_json) {
    const std::string_view id = checked_text(user_id, "user_id");
    const std::string_view roles_text = checked_text(roles_json, "roles", kMaxDocumentText);
    const json parsed = json::parse(roles_text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_array() || parsed.size() > 32 ||
        !std::all_of(parsed.begin(), parsed.end(), [](const json& r) { return r.is_string(); }))
        throw_invalid("roles", "roles must be a JSON array of role names");
    std::set<std::string> unique;
    for (const auto& role : parsed) unique.insert(role.get<std::string>());
    std::vector<std::string> roles(unique.begin(), unique.end());
    nlohmann::json document;
    write_as(engine, session, permission::users_manage, [&](Transaction& tx, const Actor& actor) {
        require_known_roles(tx, roles);
        User user = existing_user(tx, id);
        const bool was_admin = is_admin(user);
        const bool will_be_admin = unique.count(std::string(kRoleAdmin)) > 0;
        if (was_admin != will_be_admin) actor.require(permission::roles_manage);
        if (was_admin && !will_be_admin && user.status == kUserActive && tx.users().count_with_role(kRoleAdmin) <= 1)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the store's last admin cannot lose the admin role");
        const nlohmann::json before = user_doc(tx, user);
        user.roles = roles;
        user.updated_ms = engine.now_ms();
        tx.users().update(user);
        document = user_doc(tx, user);
        audit(engine, tx, actor.user_id, "user.set_roles", "user", user.id, before, document);
    });
    return document;
}

nlohmann::json define_role(Engine& engine, const char* session, const char* role_json) {
    const json input = parse_object(role_json, "role");
    reject_unknown_members(input, "a role", {"name", "description", "permissions"});
    Role role{.name = required_string(input, "name", 64),
              .description = optional_string(input, "description", 1024).value_or(""), .builtin = false,
              .permissions = {}};
    check_role_name(role.name);
    if (builtin_role(role.name)) throw Error(COMMERCE_ERR_ILLEGAL_STATE, "built-in roles cannot be changed");
    auto permissions = input.find("permissions");
    if (permissions == input.end() || !permissions->is_array())
        throw_invalid("permissions", "permissions must be an array of permission names");
    std::set<std::string> unique;
    for (const auto& name : *permissions) {
        if (!name.is_string() || !is_known_permission(name.get<std::string>()))
            throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "unknown permission",
                        {{"field", "permissions"}, {"permission", name}});
        unique.insert(name.get<std::string>());
    }
    role.permissions.assign(unique.begin(), unique.end());
    nlohmann::json document = role_document(role);
    write_as(engine, session, permission::roles_manage, [&](Transaction& tx, const Actor& actor) {
        auto before = tx.roles().find(role.name);
        tx.roles().save(role);
        audit(engine, tx, actor.user_id, "role.define", "role", role.name,
              before ? role_document(*before) : nlohmann::json(nullptr), document);
    });
    return document;
}

void delete_role(Engine& engine, const char* session, const char* name) {
    const std::string_view role_name = checked_text(name, "name", 64);
    if (builtin_role(role_name)) throw Error(COMMERCE_ERR_ILLEGAL_STATE, "built-in roles cannot be deleted");
    write_as(engine, session, permission::roles_manage, [&](Transaction& tx, const Actor& actor) {
        auto role = tx.roles().find(role_name);
        if (!role) throw Error(COMMERCE_ERR_NOT_FOUND, "no role has this name", {{"field", "name"}});
        if (tx.roles().holders(role_name) > 0)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "users still have this role; take it from them first",
                        {{"holders", tx.roles().holders(role_name)}});
        tx.roles().remove(role_name);
        audit(engine, tx, actor.user_id, "role.delete", "role", role->name, role_document(*role), nullptr);
    });
}

nlohmann::json list_roles(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json items = nlohmann::json::array();
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        if (!actor.can(permission::roles_manage)) actor.require(permission::users_read);
        std::vector<Role> roles = builtin_roles();
        for (auto& custom : tx.roles().all()) roles.push_back(std::move(custom));
        std::sort(roles.begin(), roles.end(), [](const Role& a, const Role& b) { return a.name < b.name; });
        for (const auto& role : roles) items.push_back(role_document(role));
    });
    return {{"type", "role_list"}, {"schema_version", 1}, {"items", std::move(items)}};
}

nlohmann::json list_audit(Engine& engine, const char* session, const char* query_json) {
    const json input = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(input, "an audit query", {"actor_id", "target_id", "action", "limit", "before"});
    AuditQuery query{.actor_id = optional_string(input, "actor_id", kMaxShortText).value_or(""),
                     .target_id = optional_string(input, "target_id", kMaxShortText).value_or(""),
                     .action = optional_string(input, "action", 64).value_or(""),
                     .before_id = optional_string(input, "before", kMaxShortText).value_or(""),
                     .limit = optional_integer(input, "limit", 1, kMaxPage).value_or(50)};
    nlohmann::json items = nlohmann::json::array();
    nlohmann::json next = nullptr;
    read_as(engine, session, permission::audit_read, [&](Transaction& tx) {
        const int64_t wanted = query.limit;
        query.limit = wanted + 1;
        auto entries = tx.audit().page(query);
        if (static_cast<int64_t>(entries.size()) > wanted) {
            entries.resize(static_cast<std::size_t>(wanted));
            next = entries.back().id;
        }
        for (const auto& entry : entries) items.push_back(audit_entry_json(entry));
    });
    return {{"type", "audit_list"}, {"schema_version", 1}, {"items", std::move(items)}, {"next", std::move(next)}};
}

nlohmann::json login_report(Engine& engine, const char* session, const char* query_json) {
    const json input = parse_object(query_json, "query");
    reject_unknown_members(input, "a login report query", {"from", "to"});
    const std::string from_text = required_string(input, "from", 10);
    const std::string to_text = required_string(input, "to", 10);
    const auto from = parse_date(from_text);
    const auto to = parse_date(to_text);
    if (!from) throw_invalid("from", "from must be a date such as \"2026-11-01\"");
    if (!to) throw_invalid("to", "to must be a date such as \"2026-11-30\"");
    if (*to < *from) throw_invalid("to", "to must not be before from");
    if ((*to - *from) / kDayMs + 1 > kMaxReportDays) throw_invalid("to", "a report covers at most 366 days");
    const int64_t end = *to + kDayMs;
    nlohmann::json days = nlohmann::json::array();
    nlohmann::json totals;
    read_as(engine, session, permission::reports_read, [&](Transaction& tx) {
        const auto counted = tx.login_events().per_day(*from, end);
        int64_t logins = 0, failures = 0;
        auto next_counted = counted.begin();
        for (int64_t day = *from; day < end; day += kDayMs) {
            LoginDay row{.date = format_date(day)};
            if (next_counted != counted.end() && next_counted->date == row.date) row = *next_counted++;
            logins += row.logins;
            failures += row.failures;
            days.push_back({{"date", row.date}, {"logins", row.logins}, {"failures", row.failures},
                            {"unique_users", row.unique_users}});
        }
        totals = {{"logins", logins}, {"failures", failures}, {"unique_users", tx.login_events().unique_users(*from, end)}};
    });
    return {{"type", "login_report"}, {"schema_version", 1}, {"from", from_text}, {"to", to_text},
            {"days", std::move(days)}, {"totals", std::move(totals)}};
}

}  // namespace commerce::flows
