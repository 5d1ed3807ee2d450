// Text encodings of bytes: base32 for OTP secrets, base64url for tokens, percent-encoding for URI parts.
// Plain table lookups, no cryptography.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// RFC 4648 base32, upper case, without '=' padding: the form authenticator apps expect in otpauth:// URIs.
std::string base32_encode(std::string_view bytes);

// Reads base32 as people and apps write it: either case, '=' padding optional (but correct when present).
// Throws INVALID_ARGUMENT on any other character or on a length no encoding can have.
std::string base32_decode(std::string_view text);

// RFC 4648 base64url, without padding (as JWTs use).
std::string base64url_encode(std::string_view bytes);

// Strict: only the base64url alphabet, no padding, no length no encoding can have, no stray bits in the last
// character. One text per byte string, so a token cannot be altered without changing what it decodes to.
std::optional<std::string> base64url_decode(std::string_view text);

// RFC 3986 percent-encoding for a URI component: unreserved characters (A-Z a-z 0-9 - . _ ~) are kept, every
// other byte becomes %XX with upper-case hex.
std::string percent_encode(std::string_view text);

}  // namespace commerce
