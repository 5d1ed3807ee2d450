// Second factors: TOTP (RFC 6238, SHA-1, 6 digits, 30 s, a window of one step either side, each step usable
// once), email codes bound to a login challenge, and single-use recovery codes. Secrets are sealed with the
// store's key; codes are kept only as keyed hashes (a 6-digit code's plain hash would be trivially reversed).
#pragma once

#include "domain/identity/user.h"
#include "ports/storage.h"

#include <string>
#include <string_view>
#include <vector>

namespace commerce {

// The store's keys for secrets at rest, derived from "secret_key" (or the generated store key) with HKDF.
struct SecretKeys {
    std::string seal;            // AES-256-GCM: TOTP secrets, outbox secrets, licence keys
    std::string code_hash;       // HMAC-SHA256: email codes, recovery codes
    std::string licence_digest;  // HMAC-SHA256: licence keys, to find duplicates without reading them
};

inline constexpr int kTotpWindowSteps = 1;
inline constexpr int kRecoveryCodeCount = 10;
inline constexpr int64_t kChallengeMaxFailures = 5;

struct TotpEnrollment {
    std::string secret_base32;
    std::string otpauth_uri;
};

// A new (unconfirmed) TOTP secret for the user, replacing an unconfirmed earlier one. ILLEGAL_STATE when
// TOTP is already confirmed (disable it first).
TotpEnrollment begin_totp(Transaction& tx, const SecretKeys& keys, const User& user, std::string_view issuer);

// Checks a TOTP code at now_ms and burns its step. With require_confirmed = false it also confirms enrolment.
bool accept_totp(Transaction& tx, const SecretKeys& keys, std::string_view user_id, std::string_view code,
                 int64_t now_ms, bool require_confirmed);

bool has_second_factor(const SecondFactors& factors);

// The user's second factors, or none yet (an empty record for the user).
SecondFactors second_factors_of(Transaction& tx, std::string_view user_id);

// Ten new recovery codes ("k7m2-9qxd-4tpa"); the old ones stop working. Returns them in clear, once.
std::vector<std::string> replace_recovery_codes(Transaction& tx, const SecretKeys& keys, std::string_view user_id);

bool use_recovery_code(Transaction& tx, const SecretKeys& keys, std::string_view user_id, std::string_view code,
                       int64_t now_ms);

// A fresh 6-digit email code for a login challenge (the earlier one stops working). Returns it in clear.
std::string issue_email_code(Transaction& tx, const SecretKeys& keys, const AccountToken& challenge, int64_t now_ms,
                             int64_t ttl_ms);

bool accept_email_code(Transaction& tx, const SecretKeys& keys, const AccountToken& challenge, std::string_view code,
                       int64_t now_ms);

}  // namespace commerce
