#include "domain/identity/accounts.h"

#include "core/crypto.h"
#include "core/error.h"
#include "domain/identity/permissions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace commerce {

std::string normalize_email(std::string_view email) {
    auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!email.empty() && is_space(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
    while (!email.empty() && is_space(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
    std::string normalized(email);
    std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    const auto at = normalized.find('@');
    const bool well_formed =
        at != std::string::npos && at > 0 && at + 1 < normalized.size() &&
        normalized.find('@', at + 1) == std::string::npos && normalized.find('.', at + 2) != std::string::npos &&
        normalized.back() != '.' &&
        std::none_of(normalized.begin(), normalized.end(), [&](unsigned char c) { return is_space(c) || c < 0x20; });
    if (!well_formed) throw_invalid("email", fmt::format("'{}' is not an email address", normalized));
    return normalized;
}

std::string new_password_hash(std::string_view password, const IdentitySettings& settings, std::string_view field) {
    check_password_rules(password, settings.extra_common_passwords, field);
    return hash_password(password, settings.hashing);
}

User create_user(Transaction& tx, IdGenerator& ids, int64_t now_ms, std::string_view email, std::string password_hash,
                 std::vector<std::string> roles) {
    std::string normalized = normalize_email(email);
    if (tx.users().by_email(normalized))
        throw Error(COMMERCE_ERR_EXISTS, "an account with this email already exists", {{"field", "email"}});
    std::sort(roles.begin(), roles.end());
    User user;
    user.id = ids.next();
    user.email = std::move(normalized);
    user.password_hash = std::move(password_hash);
    user.roles = std::move(roles);
    user.created_ms = user.updated_ms = now_ms;
    tx.users().insert(user);
    return user;
}

std::string new_secret_token() { return to_hex(random_bytes(32)); }

std::string token_hash(std::string_view token) { return sha256_hex(token); }

std::string issue_account_token(Transaction& tx, int64_t now_ms, std::string_view user_id, std::string_view purpose,
                                int64_t ttl_ms) {
    tx.account_tokens().remove_for_user(user_id, purpose);
    std::string token = new_secret_token();
    tx.account_tokens().insert({.token_hash = token_hash(token), .user_id = std::string(user_id),
                                .purpose = std::string(purpose), .created_ms = now_ms,
                                .expires_ms = now_ms + ttl_ms, .used_ms = std::nullopt, .parent_hash = "",
                                .failed_attempts = 0});
    return token;
}

AccountToken find_live_token(Transaction& tx, int64_t now_ms, std::string_view token, std::string_view purpose) {
    // Hashing first makes the lookup independent of the token's content: no timing oracle on a prefix.
    auto found = token.empty() ? std::nullopt : tx.account_tokens().by_hash(token_hash(token));
    if (!found || found->purpose != purpose)
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the token is unknown", {{"reason", "unknown_token"}});
    if (found->used_ms) throw Error(COMMERCE_ERR_UNAUTHORIZED, "the token was already used", {{"reason", "used"}});
    if (found->expires_ms <= now_ms)
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the token has expired", {{"reason", "expired"}});
    return *found;
}

void require_can_log_in(const User& user, const IdentitySettings& settings) {
    if (user.status == kUserSuspended)
        throw Error(COMMERCE_ERR_FORBIDDEN, "the account is suspended", {{"reason", "suspended"}});
    if (user.status == kUserErased)
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the email or password is wrong", {{"reason", "credentials"}});
    if (!user.email_verified_ms && settings.unverified_users == UnverifiedUsers::no_login)
        throw Error(COMMERCE_ERR_FORBIDDEN, "the email address must be verified before logging in",
                    {{"reason", "email_unverified"}});
}

IssuedSession start_session(Transaction& tx, int64_t now_ms, const IdentitySettings& settings, const User& user,
                            std::string method, const SessionClient& client) {
    IssuedSession issued;
    issued.token = new_secret_token();
    issued.session = {.token_hash = token_hash(issued.token), .user_id = user.id, .created_ms = now_ms,
                      .expires_ms = now_ms + settings.session_absolute_ms, .last_used_ms = now_ms,
                      .method = std::move(method), .ip = client.ip, .user_agent = client.user_agent};
    tx.sessions().insert(issued.session);
    return issued;
}

Session live_session(Transaction& tx, int64_t now_ms, const IdentitySettings& settings, std::string_view token) {
    if (token.empty()) throw Error(COMMERCE_ERR_UNAUTHORIZED, "this operation needs a session", {{"reason", "missing"}});
    auto session = tx.sessions().by_token_hash(token_hash(token));
    if (!session) throw Error(COMMERCE_ERR_UNAUTHORIZED, "the session is unknown or has ended", {{"reason", "unknown"}});
    if (session->expires_ms <= now_ms)
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the session has expired", {{"reason", "expired"}});
    if (session->last_used_ms + settings.session_idle_ms <= now_ms)
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the session expired after inactivity", {{"reason", "idle"}});
    return *session;
}

std::vector<std::string> granted_permissions(Transaction& tx, const std::vector<std::string>& roles) {
    const bool only_builtin =
        std::all_of(roles.begin(), roles.end(), [](const std::string& role) { return builtin_role(role) != nullptr; });
    return permissions_for(roles, only_builtin ? std::vector<Role>{} : tx.roles().all());
}

Actor authenticate(Transaction& tx, int64_t now_ms, const IdentitySettings& settings, std::string_view token) {
    const Session session = live_session(tx, now_ms, settings, token);
    auto user = tx.users().by_id(session.user_id);
    if (!user || user->status != kUserActive)
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the session's account is not active", {{"reason", "inactive"}});
    return Actor{.user_id = user->id, .roles = user->roles,
                 .permissions = granted_permissions(tx, user->roles), .session_hash = session.token_hash,
                 .session_last_used_ms = session.last_used_ms, .email_verified = user->email_verified_ms.has_value()};
}

int64_t session_touch_interval_ms(const IdentitySettings& settings) {
    return std::min<int64_t>(60'000, settings.session_idle_ms / 10);
}

}  // namespace commerce
