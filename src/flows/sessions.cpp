#include "flows/sessions.h"

#include "core/crypto.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/jwt.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/identity/document.h"
#include "domain/identity/mfa.h"
#include "domain/identity/throttle.h"
#include "flows/access.h"
#include "flows/identity_support.h"

#include <algorithm>

namespace commerce::flows {
namespace {

Error wrong_credentials() {
    return Error(COMMERCE_ERR_UNAUTHORIZED, "the email or password is wrong", {{"reason", "credentials"}});
}

Error locked_out(int64_t remaining_ms) {
    return Error(COMMERCE_ERR_UNAUTHORIZED, "too many failed logins; try again later",
                 {{"reason", "locked"}, {"retry_after_seconds", (remaining_ms + 999) / 1000}});
}

// Verifying against a fixed hash when the email is unknown makes both failures cost the same time, so
// response times do not reveal which emails have accounts.
const std::string& decoy_hash(const PasswordHashing& hashing) {
    static const std::string hash = hash_password("decoy password for unknown accounts", hashing);
    return hash;
}

// A login refused after the transaction has recorded why: the record must commit, the error must still reach
// the caller, so the flow returns normally and throws after the commit.
struct Refusal {
    std::optional<Error> error;
    void raise() const {
        if (error) throw *error;
    }
};

const JwtKey* jwt_key(const JwtSettings& jwt, std::string_view kid) {
    auto it = std::find_if(jwt.keys.begin(), jwt.keys.end(), [&](const JwtKey& key) { return key.kid == kid; });
    return it == jwt.keys.end() ? nullptr : &*it;
}

// A short, stable id of a session for JWTs: it identifies the session without exposing the stored hash.
std::string session_id(std::string_view token_hash) { return sha256_hex(token_hash).substr(0, 32); }

nlohmann::json access_token(Engine& engine, const User& user, std::string_view session_hash) {
    const JwtSettings& jwt = engine.identity().jwt;
    const int64_t now_s = engine.now_ms() / 1000;
    const int64_t exp = now_s + jwt.ttl_seconds;
    const nlohmann::json claims = {{"iss", engine.identity().issuer}, {"sub", user.id},
                                   {"sid", session_id(session_hash)}, {"roles", user.roles},
                                   {"iat", now_s}, {"exp", exp}};
    return {{"token", jwt_sign(claims, *jwt_key(jwt, jwt.signing_kid))}, {"kid", jwt.signing_kid},
            {"expires_at", format_rfc3339(exp * 1000)}};
}

nlohmann::json new_session(Engine& engine, Transaction& tx, const User& user, std::string method,
                           const SessionClient& client, std::string_view event_method) {
    const IssuedSession issued = start_session(tx, engine.now_ms(), engine.identity(), user, std::move(method), client);
    record_login(engine, tx, user.id, user.email, client, event_method, "success");
    nlohmann::json document = session_document(issued, engine.identity());
    if (!engine.identity().jwt.keys.empty()) {
        const nlohmann::json token = access_token(engine, user, issued.session.token_hash);
        document["access_token"] = token["token"];
        document["access_token_expires_at"] = token["expires_at"];
    }
    return document;
}

// The second step, when the account has one: a challenge instead of a session.
std::optional<nlohmann::json> challenge_if_needed(Engine& engine, Transaction& tx, const User& user,
                                                  const SessionClient& client, std::string_view event_method) {
    auto factors = tx.second_factors().find(user.id);
    if (!factors || !has_second_factor(*factors)) return std::nullopt;
    const int64_t now = engine.now_ms();
    const int64_t ttl = engine.identity().challenge_ttl_ms;
    const std::string challenge = issue_account_token(tx, now, user.id, kTokenLoginChallenge, ttl);
    std::vector<std::string> methods;
    if (factors->totp_confirmed_ms) methods.emplace_back("totp");
    if (factors->email_otp) methods.emplace_back("email_otp");
    if (tx.second_factors().recovery_codes_left(user.id) > 0) methods.emplace_back("recovery_code");
    record_login(engine, tx, user.id, user.email, client, event_method, "challenge");
    return challenge_document(challenge, methods, now + ttl);
}

// Counts a failure against the account; the attempt that starts a lock is recorded as "locked" and announced.
void count_failure(Engine& engine, Transaction& tx, const User& user, const SessionClient& client,
                   std::string_view method, std::string reason) {
    const LockoutPolicy& policy = engine.identity().lockout;
    const int64_t now = engine.now_ms();
    const LoginThrottle throttle = after_failure(
        tx.login_throttles().find(user.id).value_or(LoginThrottle{.user_id = user.id}), now, policy);
    tx.login_throttles().save(throttle);
    const bool locks = failure_locks(throttle, policy);
    record_login(engine, tx, user.id, user.email, client, method, locks ? "locked" : "failure", std::move(reason));
    if (throttle.failures == policy.threshold)
        emit_user_event(engine, tx, "user.locked", user,
                        {{"locked_until", format_rfc3339(throttle.locked_until_ms)}, {"failures", throttle.failures}});
}

std::optional<Error> lock_of(Engine& engine, Transaction& tx, const User& user) {
    auto throttle = tx.login_throttles().find(user.id);
    const int64_t remaining = throttle ? lock_remaining_ms(*throttle, engine.now_ms()) : 0;
    if (remaining > 0) return locked_out(remaining);
    return std::nullopt;
}

// What a login learns before it takes the writer lock: argon2id costs tens of milliseconds on purpose, and
// holding the single writer that long would serialise every other write in the shop behind password checks.
struct PasswordCheck {
    std::string normalized_email;
    std::optional<User> user;        // as read before the check; nullopt for an unknown or erased account
    bool matches = false;
    std::optional<std::string> rehash;  // the password under current parameters, when the stored hash is older
};

PasswordCheck check_password(Engine& engine, std::string_view email, std::string_view password) {
    PasswordCheck check;
    check.normalized_email = email;
    engine.read([&](Transaction& tx) {
        try {
            check.normalized_email = normalize_email(email);
            check.user = tx.users().by_email(check.normalized_email);
        } catch (const Error&) {
            // A malformed email is just another wrong credential.
        }
    });
    if (check.user && check.user->status == kUserErased) check.user.reset();
    const PasswordHashing& hashing = engine.identity().hashing;
    if (!check.user) {
        verify_password(decoy_hash(hashing), password);
        return check;
    }
    check.matches = verify_password(check.user->password_hash, password);
    if (check.matches && needs_rehash(check.user->password_hash, hashing))
        check.rehash = hash_password(password, hashing);
    return check;
}

}  // namespace

std::string_view checked_provider(const char* provider) {
    const std::string_view name = checked_text(provider, "provider", 64);
    if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        }))
        throw_invalid("provider", "a provider name has 1 to 64 characters a-z, 0-9, '.', '_' or '-'");
    return name;
}

nlohmann::json login(Engine& engine, const char* email, const char* password, const char* context_json) {
    const std::string_view email_text = checked_text(email, "email");
    const std::string_view password_text = checked_text(password, "password", kMaxPasswordBytes);
    const SessionClient client = client_from(parse_context(context_json));
    const IdentitySettings& settings = engine.identity();
    PasswordCheck check = check_password(engine, email_text, password_text);
    nlohmann::json document;
    Refusal refusal;
    engine.write([&](Transaction& tx) {
        std::optional<User> user;
        if (check.user) user = tx.users().by_id(check.user->id);
        if (!user || user->status == kUserErased) {
            record_login(engine, tx, std::nullopt, check.normalized_email, client, "password", "failure",
                         "unknown_account");
            refusal.error = wrong_credentials();
            return;
        }
        // The lock is judged now, not when the password was checked, so guesses made in parallel while the
        // account locked learn nothing: they are refused as locked whatever their password was.
        if (auto lock = lock_of(engine, tx, *user)) {
            record_login(engine, tx, user->id, user->email, client, "password", "locked", "locked");
            refusal.error = lock;
            return;
        }
        // A password changed between the check and now must be checked again; this is rare, so it may hold
        // the lock.
        const bool matches = user->password_hash == check.user->password_hash
                                 ? check.matches
                                 : verify_password(user->password_hash, password_text);
        if (!matches) {
            count_failure(engine, tx, *user, client, "password", "password");
            refusal.error = wrong_credentials();
            return;
        }
        try {
            require_can_log_in(*user, settings);
            if (user->password_reset_required)
                throw Error(COMMERCE_ERR_UNAUTHORIZED, "the password must be reset before logging in",
                            {{"reason", "password_reset_required"}});
        } catch (const Error& error) {
            record_login(engine, tx, user->id, user->email, client, "password", "failure",
                         error.details().value("reason", "refused"));
            refusal.error = error;
            return;
        }
        if (check.rehash && user->password_hash == check.user->password_hash) {
            user->password_hash = *check.rehash;
            tx.users().update(*user);
        }
        // The failure count survives a right password while a second factor is still owed: otherwise someone who
        // knows the password could reset the count between batches of code guesses.
        if (auto challenge = challenge_if_needed(engine, tx, *user, client, "password")) {
            document = std::move(*challenge);
            return;
        }
        tx.login_throttles().clear(user->id);
        document = new_session(engine, tx, *user, "password", client, "password");
    });
    refusal.raise();
    return document;
}

nlohmann::json complete_login(Engine& engine, const char* challenge, const char* method, const char* code,
                              const char* context_json) {
    const std::string_view challenge_text = checked_text(challenge, "challenge");
    const std::string_view method_text = checked_text(method, "method", 32);
    const std::string_view code_text = checked_text(code, "code", 64);
    if (method_text != "totp" && method_text != "email_otp" && method_text != "recovery_code")
        throw_invalid("method", "method must be \"totp\", \"email_otp\" or \"recovery_code\"");
    const SessionClient client = client_from(parse_context(context_json));
    nlohmann::json document;
    Refusal refusal;
    engine.write([&](Transaction& tx) {
        const int64_t now = engine.now_ms();
        const AccountToken found = find_live_token(tx, now, challenge_text, kTokenLoginChallenge);
        if (found.failed_attempts >= kChallengeMaxFailures)
            throw Error(COMMERCE_ERR_UNAUTHORIZED, "too many wrong codes; log in again",
                        {{"reason", "challenge_exhausted"}});
        const User user = existing_user(tx, found.user_id);
        require_can_log_in(user, engine.identity());
        if (auto lock = lock_of(engine, tx, user)) {
            record_login(engine, tx, user.id, user.email, client, method_text, "locked", "locked");
            refusal.error = lock;
            return;
        }
        const SecretKeys& keys = engine.keys();
        bool accepted = false;
        if (method_text == "totp") {
            accepted = accept_totp(tx, keys, user.id, code_text, now, /*require_confirmed=*/true);
        } else if (method_text == "email_otp") {
            auto factors = tx.second_factors().find(user.id);
            accepted = factors && factors->email_otp && accept_email_code(tx, keys, found, code_text, now);
        } else {
            accepted = use_recovery_code(tx, keys, user.id, code_text, now);
        }
        if (!accepted) {
            tx.account_tokens().count_failure(found.token_hash);
            count_failure(engine, tx, user, client, method_text, "code");
            refusal.error = Error(COMMERCE_ERR_UNAUTHORIZED, "the code is wrong, expired or already used",
                                  {{"reason", "code"}});
            return;
        }
        tx.account_tokens().mark_used(found.token_hash, now);
        tx.account_tokens().remove_children(found.token_hash);
        tx.login_throttles().clear(user.id);
        document = new_session(engine, tx, user, std::string(method_text), client, method_text);
    });
    refusal.raise();
    return document;
}

void send_email_otp(Engine& engine, const char* challenge) {
    const std::string_view challenge_text = checked_text(challenge, "challenge");
    engine.write([&](Transaction& tx) {
        const int64_t now = engine.now_ms();
        const AccountToken found = find_live_token(tx, now, challenge_text, kTokenLoginChallenge);
        const User user = existing_user(tx, found.user_id);
        auto factors = tx.second_factors().find(user.id);
        if (!factors || !factors->email_otp)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "email codes are not enabled for this account");
        const int64_t ttl = engine.identity().challenge_ttl_ms;
        const std::string code = issue_email_code(tx, engine.keys(), found, now, ttl);
        emit_user_event(engine, tx, "user.otp_requested", user,
                        {{"expires_at", format_rfc3339(std::min(now + ttl, found.expires_ms))}}, {{"code", code}});
    });
}

nlohmann::json social_login(Engine& engine, const char* provider, const char* subject, const char* profile_json) {
    const std::string_view provider_name = checked_provider(provider);
    const std::string_view subject_text = checked_text(subject, "subject");
    if (subject_text.empty()) throw_invalid("subject", "subject is required");
    const json profile = parse_object(profile_json, "profile", /*optional=*/true);
    reject_unknown_members(profile, "a social profile", {"email", "email_verified", "name", "ip", "user_agent"});
    const auto email = optional_string(profile, "email", kMaxShortText);
    const bool email_verified = optional_bool(profile, "email_verified").value_or(false);
    const auto name = optional_string(profile, "name", kMaxShortText);
    const SessionClient client = client_from(profile);
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const int64_t now = engine.now_ms();
        std::optional<User> user;
        if (auto link = tx.social_identities().find(provider_name, subject_text)) {
            user = existing_user(tx, link->user_id);
        } else {
            if (!engine.identity().social_signup)
                throw Error(COMMERCE_ERR_NOT_FOUND, "no account is linked to this identity", {{"reason", "not_linked"}});
            if (!email) throw_invalid("email", "a first social login needs the profile's email");
            if (tx.users().by_email(normalize_email(*email)))
                throw Error(COMMERCE_ERR_EXISTS,
                            "an account with this email exists; log in to it and link the identity",
                            {{"field", "email"}, {"reason", "email_taken"}});
            user = create_user(tx, engine.ids(), now, *email, "", {std::string(kRoleCustomer)});
            if (email_verified) user->email_verified_ms = now;
            if (name && !name->empty()) user->profile.name = name;
            tx.users().update(*user);
            tx.social_identities().insert({std::string(provider_name), std::string(subject_text), user->id, now});
            emit_user_event(engine, tx, "user.registered", *user);
        }
        require_can_log_in(*user, engine.identity());
        if (auto challenge = challenge_if_needed(engine, tx, *user, client, "social")) {
            document = std::move(*challenge);
            return;
        }
        document = new_session(engine, tx, *user, "social:" + std::string(provider_name), client, "social");
    });
    return document;
}

void logout(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    engine.write([&](Transaction& tx) {
        if (token.empty() || !tx.sessions().remove(token_hash(token)))
            throw Error(COMMERCE_ERR_UNAUTHORIZED, "the session is unknown or has already ended",
                        {{"reason", "unknown"}});
    });
}

void logout_others(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        tx.sessions().remove_for_user(actor.user_id, actor.session_hash);
    });
}

nlohmann::json issue_access_token(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    if (engine.identity().jwt.keys.empty())
        throw Error(COMMERCE_ERR_MISUSE, "JWT access tokens are not configured (identity.jwt)");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = access_token(engine, existing_user(tx, actor.user_id), actor.session_hash);
    });
    document["type"] = "access_token";
    document["schema_version"] = 1;
    return document;
}

nlohmann::json verify_access_token(Engine& engine, const char* token) {
    const std::string_view token_text = checked_text(token, "token", 8192);
    const JwtSettings& jwt = engine.identity().jwt;
    if (jwt.keys.empty()) throw Error(COMMERCE_ERR_MISUSE, "JWT access tokens are not configured (identity.jwt)");
    std::string kid;
    nlohmann::json claims = jwt_verify(
        token_text,
        [&](std::string_view wanted) {
            kid = std::string(wanted);
            return jwt_key(jwt, wanted);
        },
        engine.now_ms() / 1000);
    if (claims.value("iss", "") != engine.identity().issuer)
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the token was issued by someone else", {{"reason", "issuer"}});
    return {{"type", "access_token_claims"}, {"schema_version", 1}, {"sub", claims.value("sub", "")},
            {"sid", claims.value("sid", "")},   {"roles", claims.value("roles", nlohmann::json::array())},
            {"iss", claims["iss"]},             {"iat", claims.value("iat", 0)}, {"exp", claims["exp"]},
            {"kid", kid}};
}

}  // namespace commerce::flows
