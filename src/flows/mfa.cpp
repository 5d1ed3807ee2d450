#include "flows/mfa.h"

#include "core/error.h"
#include "core/text.h"
#include "domain/identity/mfa.h"
#include "flows/access.h"
#include "flows/identity_support.h"
#include "flows/sessions.h"

namespace commerce::flows {
namespace {

nlohmann::json recovery_codes_document(const std::vector<std::string>& codes) {
    return {{"type", "recovery_codes"}, {"schema_version", 1}, {"codes", codes}};
}

nlohmann::json status_document(Transaction& tx, std::string_view user_id) {
    auto factors = tx.second_factors().find(user_id);
    return {{"type", "mfa_status"},
            {"schema_version", 1},
            {"totp", factors && factors->totp_confirmed_ms.has_value()},
            {"email_otp", factors && factors->email_otp},
            {"recovery_codes_left", tx.second_factors().recovery_codes_left(user_id)}};
}

// Changing what protects an account asks for the password again: a stolen session alone cannot do it.
User user_with_password(Engine& engine, Transaction& tx, std::string_view session, std::string_view password) {
    const Actor actor = session_actor(engine, tx, session);
    User user = existing_user(tx, actor.user_id);
    if (!verify_password(user.password_hash, password))
        throw Error(COMMERCE_ERR_UNAUTHORIZED, "the password is wrong", {{"field", "password"}});
    return user;
}

}  // namespace

nlohmann::json totp_enroll(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const TotpEnrollment enrollment =
            begin_totp(tx, engine.keys(), existing_user(tx, actor.user_id), engine.identity().issuer);
        document = {{"type", "totp_enrollment"}, {"schema_version", 1}, {"secret", enrollment.secret_base32},
                    {"otpauth_uri", enrollment.otpauth_uri}, {"algorithm", "SHA1"}, {"digits", 6}, {"period", 30}};
    });
    return document;
}

nlohmann::json totp_confirm(Engine& engine, const char* session, const char* code) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view code_text = checked_text(code, "code", 16);
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        auto factors = tx.second_factors().find(actor.user_id);
        if (!factors || factors->totp_secret_sealed.empty() || factors->totp_confirmed_ms)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "there is no TOTP enrolment waiting for confirmation");
        if (!accept_totp(tx, engine.keys(), actor.user_id, code_text, engine.now_ms(), /*require_confirmed=*/false))
            throw Error(COMMERCE_ERR_UNAUTHORIZED, "the code is wrong", {{"field", "code"}, {"reason", "code"}});
        audit(engine, tx, actor.user_id, "user.mfa_enable", "user", actor.user_id, nullptr, {{"method", "totp"}});
        document = recovery_codes_document(replace_recovery_codes(tx, engine.keys(), actor.user_id));
    });
    return document;
}

nlohmann::json set_email_otp(Engine& engine, const char* session, bool enabled) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        SecondFactors factors = second_factors_of(tx, actor.user_id);
        const bool was_protected = has_second_factor(factors);
        factors.email_otp = enabled;
        // Switching off the last second factor is commerce_mfa_disable's job, which asks for the password: a
        // stolen session alone must not be enough to strip the account's protection.
        if (was_protected && !has_second_factor(factors))
            throw Error(COMMERCE_ERR_FORBIDDEN, "turning off the last second factor needs the password",
                        {{"reason", "password_required"}});
        tx.second_factors().save(factors);
        audit(engine, tx, actor.user_id, enabled ? "user.mfa_enable" : "user.mfa_disable", "user", actor.user_id,
              nullptr, {{"method", "email_otp"}});
        document = status_document(tx, actor.user_id);
    });
    return document;
}

nlohmann::json mfa_status(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json document;
    engine.read([&](Transaction& tx) { document = status_document(tx, session_actor(engine, tx, token).user_id); });
    return document;
}

nlohmann::json regenerate_recovery_codes(Engine& engine, const char* session, const char* password) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view password_text = checked_text(password, "password", kMaxPasswordBytes);
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const User user = user_with_password(engine, tx, token, password_text);
        auto factors = tx.second_factors().find(user.id);
        if (!factors || !has_second_factor(*factors))
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "recovery codes need a second factor to be enabled first");
        document = recovery_codes_document(replace_recovery_codes(tx, engine.keys(), user.id));
    });
    return document;
}

void disable_mfa(Engine& engine, const char* session, const char* password) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view password_text = checked_text(password, "password", kMaxPasswordBytes);
    engine.write([&](Transaction& tx) {
        const User user = user_with_password(engine, tx, token, password_text);
        tx.second_factors().remove(user.id);
        audit(engine, tx, user.id, "user.mfa_disable", "user", user.id, nullptr, {{"method", "all"}});
    });
}

void link_identity(Engine& engine, const char* session, const char* provider, const char* subject) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view provider_name = checked_provider(provider);
    const std::string_view subject_text = checked_text(subject, "subject");
    if (subject_text.empty()) throw_invalid("subject", "subject is required");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        if (auto existing = tx.social_identities().find(provider_name, subject_text)) {
            if (existing->user_id == actor.user_id) return;  // linking twice changes nothing
            throw Error(COMMERCE_ERR_EXISTS, "this identity is linked to another account",
                        {{"field", "subject"}, {"reason", "identity_taken"}});
        }
        tx.social_identities().insert(
            {std::string(provider_name), std::string(subject_text), actor.user_id, engine.now_ms()});
        audit(engine, tx, actor.user_id, "user.identity_link", "user", actor.user_id, nullptr,
              {{"provider", provider_name}, {"subject", subject_text}});
    });
}

void unlink_identity(Engine& engine, const char* session, const char* provider, const char* subject) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view provider_name = checked_provider(provider);
    const std::string_view subject_text = checked_text(subject, "subject");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        auto existing = tx.social_identities().find(provider_name, subject_text);
        if (!existing || existing->user_id != actor.user_id)
            throw Error(COMMERCE_ERR_NOT_FOUND, "this identity is not linked to the account", {{"field", "subject"}});
        const User user = existing_user(tx, actor.user_id);
        if (user.password_hash.empty() && tx.social_identities().for_user(user.id).size() == 1)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                        "this identity is the only way to log in; set a password by a reset first");
        tx.social_identities().remove(provider_name, subject_text);
        audit(engine, tx, actor.user_id, "user.identity_unlink", "user", actor.user_id,
              {{"provider", provider_name}, {"subject", subject_text}}, nullptr);
    });
}

}  // namespace commerce::flows
