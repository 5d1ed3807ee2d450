// Authenticated encryption of secrets kept at rest (OTP keys, API credentials): AES-256-GCM from libcrypto.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// 0x01 || 12-byte random nonce || ciphertext || 16-byte tag. associated_data is authenticated, not stored: pass
// what the secret belongs to (a table, a record id) so a sealed value copied onto another record will not open.
// Throws INVALID_ARGUMENT unless key32 is exactly 32 bytes. Random nonces: keep well under 2^32 seals per key.
std::string seal(std::string_view key32, std::string_view plaintext, std::string_view associated_data);

// The plaintext, or nullopt when the sealed text is malformed, altered, or was sealed under another key or
// associated data. Throws INVALID_ARGUMENT unless key32 is exactly 32 bytes.
std::optional<std::string> unseal(std::string_view key32, std::string_view sealed, std::string_view associated_data);

}  // namespace commerce
