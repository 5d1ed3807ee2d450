#include "flows/accounts.h"

#include "core/currency.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "flows/access.h"
#include "flows/identity_support.h"

namespace commerce::flows {
namespace {

void send_verification(Engine& engine, Transaction& tx, const User& user) {
    const int64_t now = engine.now_ms();
    const int64_t ttl = engine.identity().verification_ttl_ms;
    const std::string token = issue_account_token(tx, now, user.id, kTokenVerifyEmail, ttl);
    emit_user_event(engine, tx, "user.verification_requested", user, {{"expires_at", format_rfc3339(now + ttl)}},
                    {{"token", token}});
}

// Looks an email up for the calls that must not reveal whether it has an account: malformed or unknown
// addresses simply find nobody.
std::optional<User> user_by_email_quietly(Transaction& tx, std::string_view email) {
    try {
        return tx.users().by_email(normalize_email(email));
    } catch (const Error&) {
        return std::nullopt;
    }
}

std::optional<std::string> profile_text(const json& patch, const char* member, std::size_t max_bytes) {
    const auto& value = patch.at(member);
    if (value.is_null()) return std::nullopt;
    auto text = optional_string(patch, member, max_bytes);
    if (text && text->empty()) return std::nullopt;
    return text;
}

}  // namespace

nlohmann::json register_customer(Engine& engine, const char* email, const char* password) {
    const std::string_view email_text = checked_text(email, "email");
    const std::string_view password_text = checked_text(password, "password", kMaxPasswordBytes);
    if (password_text.empty()) throw_invalid("password", "a password is required");
    normalize_email(email_text);  // a malformed address is refused before the password is hashed
    const std::string hash = new_password_hash(password_text, engine.identity(), "password");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const User user = create_user(tx, engine.ids(), engine.now_ms(), email_text, hash, {std::string(kRoleCustomer)});
        emit_user_event(engine, tx, "user.registered", user);
        send_verification(engine, tx, user);
        document = user_doc(tx, user);
    });
    return document;
}

nlohmann::json verify_email(Engine& engine, const char* token) {
    const std::string_view token_text = checked_text(token, "token");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const int64_t now = engine.now_ms();
        const AccountToken found = find_live_token(tx, now, token_text, kTokenVerifyEmail);
        tx.account_tokens().mark_used(found.token_hash, now);
        User user = existing_user(tx, found.user_id);
        if (!user.email_verified_ms) {
            user.email_verified_ms = now;
            user.updated_ms = now;
            tx.users().update(user);
        }
        document = user_doc(tx, user);
    });
    return document;
}

void resend_verification(Engine& engine, const char* email) {
    const std::string_view email_text = checked_text(email, "email");
    engine.write([&](Transaction& tx) {
        auto user = user_by_email_quietly(tx, email_text);
        if (user && !user->email_verified_ms && user->status == kUserActive) send_verification(engine, tx, *user);
    });
}

nlohmann::json bootstrap_admin(Engine& engine, const char* email, const char* password) {
    const std::string_view email_text = checked_text(email, "email");
    const std::string_view password_text = checked_text(password, "password", kMaxPasswordBytes);
    if (password_text.empty()) throw_invalid("password", "a password is required");
    normalize_email(email_text);
    const std::string hash = new_password_hash(password_text, engine.identity(), "password");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        if (tx.users().count_with_role(kRoleAdmin) > 0)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the store already has an admin");
        User user = create_user(tx, engine.ids(), engine.now_ms(), email_text, hash,
                                {std::string(kRoleAdmin), std::string(kRoleCustomer)});
        user.email_verified_ms = engine.now_ms();  // the operator who installs the store vouches for it
        tx.users().update(user);
        audit(engine, tx, std::nullopt, "user.bootstrap_admin", "user", user.id, nullptr, user_doc(tx, user));
        document = user_doc(tx, user);
    });
    return document;
}

nlohmann::json current_user(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = user_doc(tx, existing_user(tx, actor.user_id));
    });
    return document;
}

nlohmann::json update_profile(Engine& engine, const char* session, const char* patch_json) {
    const std::string_view token = optional_text(session, "session");
    const json patch = parse_object(patch_json, "patch");
    reject_unknown_members(patch, "a profile", {"name", "phone", "locale", "currency"});
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        User user = existing_user(tx, actor.user_id);
        Profile& profile = user.profile;
        if (patch.contains("name")) profile.name = profile_text(patch, "name", kMaxShortText);
        if (patch.contains("phone")) profile.phone = profile_text(patch, "phone", 64);
        if (patch.contains("locale")) {
            profile.locale = profile_text(patch, "locale", 35);  // BCP 47's practical maximum
            if (profile.locale && profile.locale->find_first_not_of(
                                      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
                                      std::string::npos)
                throw_invalid("locale", "locale must be a BCP 47 tag such as \"de-CH\"");
        }
        if (patch.contains("currency")) {
            profile.currency = profile_text(patch, "currency", 3);
            if (profile.currency && !find_currency(*profile.currency))
                throw_invalid("currency", "currency must be an ISO 4217 code such as \"EUR\"");
        }
        user.updated_ms = engine.now_ms();
        tx.users().update(user);
        document = user_doc(tx, user);
    });
    return document;
}

void change_password(Engine& engine, const char* session, const char* current_password, const char* new_password) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view current = checked_text(current_password, "current_password", kMaxPasswordBytes);
    const std::string_view replacement = checked_text(new_password, "new_password", kMaxPasswordBytes);
    // Both argon2id runs happen before the writer is taken, as at login; a password changed meanwhile by another
    // call is checked again inside.
    std::string checked_hash;
    engine.read([&](Transaction& tx) {
        checked_hash = existing_user(tx, session_actor(engine, tx, token).user_id).password_hash;
    });
    if (!verify_password(checked_hash, current))
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the current password is wrong", {{"field", "current_password"}});
    const std::string hash = new_password_hash(replacement, engine.identity(), "new_password");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        User user = existing_user(tx, actor.user_id);
        if (user.password_hash != checked_hash && !verify_password(user.password_hash, current))
            throw Error(COMMERCE_ERR_UNAUTHORIZED, "the current password is wrong", {{"field", "current_password"}});
        user.password_hash = hash;
        user.password_reset_required = false;
        user.updated_ms = engine.now_ms();
        tx.users().update(user);
        tx.sessions().remove_for_user(user.id, actor.session_hash);
        tx.account_tokens().remove_for_user(user.id, kTokenResetPassword);
    });
}

void send_password_reset(Engine& engine, Transaction& tx, const User& user, std::string_view reason) {
    const int64_t now = engine.now_ms();
    const int64_t ttl = engine.identity().reset_ttl_ms;
    const std::string token = issue_account_token(tx, now, user.id, kTokenResetPassword, ttl);
    emit_user_event(engine, tx, "user.password_reset_requested", user,
                    {{"expires_at", format_rfc3339(now + ttl)}, {"reason", reason}}, {{"token", token}});
}

void request_password_reset(Engine& engine, const char* email) {
    const std::string_view email_text = checked_text(email, "email");
    engine.write([&](Transaction& tx) {
        auto user = user_by_email_quietly(tx, email_text);
        if (user && user->status == kUserActive) send_password_reset(engine, tx, *user, "requested");
    });
}

void reset_password(Engine& engine, const char* token, const char* new_password) {
    const std::string_view token_text = checked_text(token, "token");
    const std::string_view replacement = checked_text(new_password, "new_password", kMaxPasswordBytes);
    const std::string hash = new_password_hash(replacement, engine.identity(), "new_password");
    engine.write([&](Transaction& tx) {
        const int64_t now = engine.now_ms();
        const AccountToken found = find_live_token(tx, now, token_text, kTokenResetPassword);
        User user = existing_user(tx, found.user_id);
        if (user.status != kUserActive)
            throw Error(COMMERCE_ERR_FORBIDDEN, "the account is not active", {{"reason", user.status}});
        tx.account_tokens().mark_used(found.token_hash, now);
        user.password_hash = hash;
        user.password_reset_required = false;
        // The mail reached the owner: the address is theirs.
        if (!user.email_verified_ms) user.email_verified_ms = now;
        user.updated_ms = now;
        tx.users().update(user);
        tx.sessions().remove_for_user(user.id, "");
        tx.login_throttles().clear(user.id);
    });
}

}  // namespace commerce::flows
