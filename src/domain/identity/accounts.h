// Accounts and sessions: registration, login, logout, and turning a session token into an Actor.
#pragma once

#include "core/actor.h"
#include "core/ids.h"
#include "domain/identity/password.h"
#include "ports/storage.h"

#include <string>
#include <string_view>

namespace commerce {

struct AccountSettings {
    PasswordHashing hashing;
    int64_t session_ttl_ms = 30LL * 24 * 3600 * 1000;
};

// Trims surrounding whitespace and lower-cases ASCII letters; rejects text that is not an address.
std::string normalize_email(std::string_view email);

User register_user(Transaction& tx, IdGenerator& ids, int64_t now_ms, const AccountSettings& settings,
                   std::string_view email, std::string_view password, std::vector<std::string> roles);

struct IssuedSession {
    std::string token;  // returned once to the caller; only its hash is stored
    Session session;
};

IssuedSession login(Transaction& tx, int64_t now_ms, const AccountSettings& settings, std::string_view email,
                    std::string_view password);

// The Actor behind a live session; UNAUTHORIZED for an unknown or expired token.
Actor authenticate(Transaction& tx, int64_t now_ms, std::string_view token);

void logout(Transaction& tx, std::string_view token);

}  // namespace commerce
