// Accounts and what hangs off them, as the identity module stores them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

inline constexpr const char* kUserActive = "active";
inline constexpr const char* kUserSuspended = "suspended";
inline constexpr const char* kUserErased = "erased";

struct Profile {
    std::optional<std::string> name;
    std::optional<std::string> phone;
    std::optional<std::string> locale;    // BCP 47, e.g. "de-CH"
    std::optional<std::string> currency;  // ISO 4217
};

struct User {
    std::string id;
    std::string email;          // normalised: trimmed, lower-case
    std::string password_hash;  // argon2id PHC string; "" for an account that logs in only by a social identity
    std::vector<std::string> roles;
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
    std::string status = kUserActive;
    std::optional<int64_t> email_verified_ms;
    bool password_reset_required = false;
    Profile profile;
    std::optional<std::string> default_shipping_address_id;
    std::optional<std::string> default_billing_address_id;
};

// Only the SHA-256 of a session token is stored: a stolen database does not yield live sessions.
struct Session {
    std::string token_hash;
    std::string user_id;
    int64_t created_ms = 0;
    int64_t expires_ms = 0;    // absolute end
    int64_t last_used_ms = 0;  // idle timeout counts from here
    std::string method;        // "password", "totp", "email_otp", "recovery_code", "social:<provider>"
    std::string ip;
    std::string user_agent;
};

// Single-use secrets mailed to the user (verification, reset) or pending logins (2FA challenges and their
// email codes). Only a hash is stored.
inline constexpr const char* kTokenVerifyEmail = "verify_email";
inline constexpr const char* kTokenResetPassword = "reset_password";
inline constexpr const char* kTokenLoginChallenge = "login_challenge";
inline constexpr const char* kTokenEmailOtp = "email_otp";

struct AccountToken {
    std::string token_hash;
    std::string user_id;
    std::string purpose;
    int64_t created_ms = 0;
    int64_t expires_ms = 0;
    std::optional<int64_t> used_ms;
    std::string parent_hash;  // an email code belongs to its login challenge
    int64_t failed_attempts = 0;
};

// Consecutive failed logins of one account and the lock they caused.
struct LoginThrottle {
    std::string user_id;
    int64_t failures = 0;
    int64_t last_failure_ms = 0;
    int64_t locked_until_ms = 0;
};

struct LoginEvent {
    std::string id;
    std::optional<std::string> user_id;
    std::string email;  // as typed (normalised when valid); erased with the user
    std::string ip;
    std::string user_agent;
    std::string method;   // "password", "totp", "email_otp", "recovery_code", "social"
    std::string outcome;  // "success", "failure", "locked", "challenge"
    std::optional<std::string> reason;
    int64_t created_ms = 0;
};

struct LoginDay {
    std::string date;  // YYYY-MM-DD, UTC
    int64_t logins = 0;
    int64_t failures = 0;
    int64_t unique_users = 0;
};

struct SecondFactors {
    std::string user_id;
    std::string totp_secret_sealed;  // empty when no TOTP
    std::optional<int64_t> totp_confirmed_ms;
    int64_t totp_last_step = 0;  // the newest step a code was accepted for: older and equal steps are replays
    bool email_otp = false;
};

struct SocialIdentity {
    std::string provider;
    std::string subject;
    std::string user_id;
    int64_t created_ms = 0;
};

struct Address {
    std::string id;
    std::string user_id;
    std::string name, company, line1, line2, city, region, postal_code, country, phone;
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

struct Role {
    std::string name;
    std::string description;
    bool builtin = false;
    std::vector<std::string> permissions;
};

struct UserQuery {
    std::string search;  // substring of email or name, case-insensitive for ASCII
    std::string status;
    std::string role;
    std::string after_id;
    int64_t limit = 50;
};

}  // namespace commerce
