// One-time passwords for second-factor sign-in: HOTP (RFC 4226) and TOTP (RFC 6238), as authenticator apps
// compute them, plus the otpauth:// URI those apps scan from a QR code.
#pragma once

#include "core/crypto.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// The HOTP code for `counter`: `digits` (6 to 8) decimal digits, zero-padded. Throws INVALID_ARGUMENT on an
// empty key or a digit count outside 6..8.
std::string hotp(std::string_view key, uint64_t counter, int digits = 6, HashAlgorithm algorithm = HashAlgorithm::sha1);

// The TOTP time step of a moment: floor(unix_seconds / period). Throws INVALID_ARGUMENT on a time before the
// epoch or a period that is not positive.
uint64_t totp_step(int64_t unix_seconds, int64_t period_seconds = 30);

// The TOTP code at a moment: the HOTP code of its time step.
std::string totp(std::string_view key, int64_t unix_seconds, int digits = 6, int64_t period_seconds = 30,
                 HashAlgorithm algorithm = HashAlgorithm::sha1);

// otpauth://totp/<issuer>:<account>?secret=<BASE32>&issuer=<issuer>&algorithm=SHA1&digits=<d>&period=<p>,
// issuer and account percent-encoded. SHA-1 only: several common authenticator apps ignore the algorithm
// parameter. Throws INVALID_ARGUMENT on an empty issuer, account or key.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view key_bytes, int digits = 6,
                        int64_t period_seconds = 30);

// Checks a code a user typed. Returns the time step it belongs to when `code` is the code of a step within
// `window_steps` (0 to 10) of now and later than last_used_step; store that step as the new last_used_step so
// the same code (or an older one) is refused next time. nullopt when it matches no such step, or is not exactly
// `digits` decimal digits.
std::optional<uint64_t> totp_match(std::string_view key, std::string_view code, int64_t unix_seconds,
                                   int window_steps, uint64_t last_used_step, int digits = 6,
                                   int64_t period_seconds = 30, HashAlgorithm algorithm = HashAlgorithm::sha1);

}  // namespace commerce
