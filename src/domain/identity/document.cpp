#include "domain/identity/document.h"

#include "core/json_output.h"
#include "core/timestamp.h"

namespace commerce {
nlohmann::json user_document(const User& user, const std::vector<std::string>& permissions,
                             const std::optional<SecondFactors>& factors) {
    return {{"type", "user"},
            {"schema_version", 1},
            {"id", user.id},
            {"email", user.email},
            {"email_verified", user.email_verified_ms.has_value()},
            {"status", user.status},
            {"roles", user.roles},
            {"permissions", permissions},
            {"profile",
             {{"name", nullable(user.profile.name)},
              {"phone", nullable(user.profile.phone)},
              {"locale", nullable(user.profile.locale)},
              {"currency", nullable(user.profile.currency)}}},
            {"default_shipping_address_id", nullable(user.default_shipping_address_id)},
            {"default_billing_address_id", nullable(user.default_billing_address_id)},
            {"mfa",
             {{"totp", factors && factors->totp_confirmed_ms.has_value()},
              {"email_otp", factors && factors->email_otp}}},
            {"password_reset_required", user.password_reset_required},
            {"created_at", format_rfc3339(user.created_ms)},
            {"updated_at", format_rfc3339(user.updated_ms)}};
}

nlohmann::json session_document(const IssuedSession& issued, const IdentitySettings& settings) {
    const Session& session = issued.session;
    return {{"type", "session"},
            {"schema_version", 1},
            {"token", issued.token},
            {"user_id", session.user_id},
            {"expires_at", format_rfc3339(session.expires_ms)},
            {"idle_expires_at",
             format_rfc3339(std::min(session.expires_ms, session.last_used_ms + settings.session_idle_ms))}};
}

nlohmann::json challenge_document(std::string_view challenge, const std::vector<std::string>& methods,
                                  int64_t expires_ms) {
    return {{"type", "login_challenge"}, {"schema_version", 1}, {"challenge", challenge},
            {"methods", methods}, {"expires_at", format_rfc3339(expires_ms)}};
}

nlohmann::json address_document(const Address& address, const User& owner) {
    return {{"type", "address"},
            {"schema_version", 1},
            {"id", address.id},
            {"user_id", address.user_id},
            {"name", address.name},
            {"company", address.company},
            {"line1", address.line1},
            {"line2", address.line2},
            {"city", address.city},
            {"region", address.region},
            {"postal_code", address.postal_code},
            {"country", address.country},
            {"phone", address.phone},
            {"default_shipping", owner.default_shipping_address_id == address.id},
            {"default_billing", owner.default_billing_address_id == address.id},
            {"created_at", format_rfc3339(address.created_ms)},
            {"updated_at", format_rfc3339(address.updated_ms)}};
}

nlohmann::json role_document(const Role& role) {
    return {{"type", "role"}, {"schema_version", 1}, {"name", role.name}, {"description", role.description},
            {"builtin", role.builtin}, {"permissions", role.permissions}};
}

}  // namespace commerce
