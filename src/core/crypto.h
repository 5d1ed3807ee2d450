// Thin wrappers over OpenSSL libcrypto: the CSPRNG, hashes, HMAC and HKDF. Never hand-rolled.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace commerce {

enum class HashAlgorithm { sha1, sha256, sha512 };

// n bytes from the operating system's CSPRNG (RAND_bytes); throws GENERIC if it fails, never falls back.
std::string random_bytes(std::size_t n);

// Lower-case hex of the bytes.
std::string to_hex(std::string_view bytes);

// SHA-256 of the text, as lower-case hex.
std::string sha256_hex(std::string_view text);

// Equality whose time depends only on the lengths, never on where the bytes first differ: for MACs, codes and
// tokens. Different lengths are unequal at once (lengths are not secret); equal lengths go through CRYPTO_memcmp.
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

// HMAC of data under key (RFC 2104), as raw bytes: 20, 32 or 64 of them.
std::string hmac(HashAlgorithm algorithm, std::string_view key, std::string_view data);

// HMAC-SHA-256 as lower-case hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

// HKDF-SHA-256 (RFC 5869): `length` bytes (1 to 8160) derived from the input key material. An empty salt means
// the RFC's default of zeros; info separates the purposes one key is stretched for.
std::string hkdf_sha256(std::string_view key, std::string_view salt, std::string_view info, std::size_t length);

}  // namespace commerce
