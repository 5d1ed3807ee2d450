// Accounts, single-use tokens and sessions: the rules, over the storage port. Flows compose them into the
// operations of the C ABI (registration, login, reset ...), adding events and the audit log.
#pragma once

#include "core/actor.h"
#include "core/ids.h"
#include "domain/identity/settings.h"
#include "ports/storage.h"

#include <string>
#include <string_view>

namespace commerce {

// Trims surrounding whitespace and lower-cases ASCII letters; rejects text that is not an address.
std::string normalize_email(std::string_view email);

// The expensive half of setting a password, meant to run before the writer is taken: checks the rules
// (INVALID_ARGUMENT naming `field`) and returns the argon2id PHC string.
std::string new_password_hash(std::string_view password, const IdentitySettings& settings, std::string_view field);

// A new active account with a hash from new_password_hash; EXISTS when the email is taken. The hash is empty only
// for social sign-up.
User create_user(Transaction& tx, IdGenerator& ids, int64_t now_ms, std::string_view email, std::string password_hash,
                 std::vector<std::string> roles);

// A fresh single-use secret: 256 bits from the CSPRNG as hex. Only its hash is ever stored.
std::string new_secret_token();
std::string token_hash(std::string_view token);

// Issues a token of `purpose` for the user, replacing any earlier one of the same purpose. Returns the raw token.
std::string issue_account_token(Transaction& tx, int64_t now_ms, std::string_view user_id, std::string_view purpose,
                                int64_t ttl_ms);

// The unused, unexpired token of that purpose; UNAUTHORIZED otherwise. Does not mark it used.
AccountToken find_live_token(Transaction& tx, int64_t now_ms, std::string_view token, std::string_view purpose);

// Checks that the account may log in: FORBIDDEN when suspended, erased or (by config) unverified.
void require_can_log_in(const User& user, const IdentitySettings& settings);

struct IssuedSession {
    std::string token;  // returned once to the caller; only its hash is stored
    Session session;
};

struct SessionClient {
    std::string ip;
    std::string user_agent;
};

IssuedSession start_session(Transaction& tx, int64_t now_ms, const IdentitySettings& settings, const User& user,
                            std::string method, const SessionClient& client);

// The live session behind a token: UNAUTHORIZED when unknown, idle too long or past its absolute end.
Session live_session(Transaction& tx, int64_t now_ms, const IdentitySettings& settings, std::string_view token);

// The permissions the user's roles grant; custom roles are read from storage only when the user has one.
std::vector<std::string> granted_permissions(Transaction& tx, const std::vector<std::string>& roles);

// The Actor behind a live session, with the permissions of its roles. UNAUTHORIZED when the session is not
// live or its account is suspended or erased.
Actor authenticate(Transaction& tx, int64_t now_ms, const IdentitySettings& settings, std::string_view token);

// When a session's last use should be written again: rarely enough that reads stay reads, often enough that
// the idle timeout is honoured to within a small fraction of itself.
int64_t session_touch_interval_ms(const IdentitySettings& settings);

}  // namespace commerce
