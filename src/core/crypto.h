// Thin wrappers over OpenSSL libcrypto: the CSPRNG and SHA-256. Never hand-rolled.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace commerce {

// n bytes from the operating system's CSPRNG (RAND_bytes); throws GENERIC if it fails, never falls back.
std::string random_bytes(std::size_t n);

// Lower-case hex of the bytes.
std::string to_hex(std::string_view bytes);

// SHA-256 of the text, as lower-case hex.
std::string sha256_hex(std::string_view text);

}  // namespace commerce
