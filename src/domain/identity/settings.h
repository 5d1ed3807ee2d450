// The identity module's settings, from the "identity" and "password_hashing" members of the engine config.
#pragma once

#include "core/jwt.h"
#include "domain/identity/password.h"

#include <cstdint>
#include <string>
#include <vector>

namespace commerce {

enum class UnverifiedUsers { allow, no_checkout, no_login };

struct LockoutPolicy {
    int64_t threshold = 5;       // consecutive failures before the first lock
    int64_t base_seconds = 30;   // the first lock; each further failure doubles it
    int64_t max_seconds = 900;   // the longest lock
};

struct JwtSettings {
    std::vector<JwtKey> keys;  // every key that verifies; empty = JWT access tokens are off
    std::string signing_kid;
    int64_t ttl_seconds = 900;
};

struct IdentitySettings {
    PasswordHashing hashing;
    int64_t session_absolute_ms = 30LL * 24 * 3600 * 1000;
    int64_t session_idle_ms = 24LL * 3600 * 1000;
    int64_t verification_ttl_ms = 24LL * 3600 * 1000;
    int64_t reset_ttl_ms = 3600LL * 1000;
    int64_t challenge_ttl_ms = 10LL * 60 * 1000;  // a login waiting for its second factor
    UnverifiedUsers unverified_users = UnverifiedUsers::allow;
    bool social_signup = true;
    std::string issuer = "commerce";
    LockoutPolicy lockout;
    JwtSettings jwt;
    std::vector<std::string> extra_common_passwords;
};

}  // namespace commerce
