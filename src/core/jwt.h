// Signed session tokens: JWT (RFC 7519) with HMAC-SHA-256 (HS256) only. The algorithm is fixed by the
// verifier, never chosen by the token, which rules out the "alg": "none" and algorithm-confusion attacks.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace commerce {

// A signing key and the id tokens carry to name it, so keys can be rotated: new tokens use the new kid while
// tokens signed under the old one verify for as long as the old key is still offered.
struct JwtKey {
    std::string kid;
    std::string secret;  // at least 32 bytes (RFC 7518 section 3.2)
};

// A compact JWT with header {"alg":"HS256","typ":"JWT","kid":<kid>}. Throws INVALID_ARGUMENT when the claims
// are not an object, have no integer "exp" (verification would refuse the token), or the key is unusable.
std::string jwt_sign(const nlohmann::json& claims, const JwtKey& key);

// The claims of a valid token. key_for returns the key for a kid, or nullptr when there is none. Every reason
// to refuse throws UNAUTHORIZED with details {"reason": ...}, one of: "malformed" (not three strict base64url
// parts of JSON objects, a bad or missing claim, a critical header), "algorithm" (alg is not exactly HS256),
// "unknown_key", "signature", "expired" (exp <= now - leeway), "not_yet_valid" (nbf or iat > now + leeway).
// A negative leeway throws INVALID_ARGUMENT.
nlohmann::json jwt_verify(std::string_view token, const std::function<const JwtKey*(std::string_view kid)>& key_for,
                          int64_t now_seconds, int64_t leeway_seconds = 0);

}  // namespace commerce
