// Passwords per OWASP ASVS 5.0: argon2id (m=19456 KiB, t=2, p=1 or stronger) in a PHC string, so that changed
// parameters are noticed and the hash upgraded at the next login; 8 to 128 characters, never truncated or
// transformed, any Unicode, no composition rules, and not one of the commonest passwords.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

struct PasswordHashing {
    uint32_t memory_kib = 19456;
    uint32_t iterations = 2;
    uint32_t parallelism = 1;
};

inline constexpr std::size_t kMinPasswordChars = 8;
inline constexpr std::size_t kMaxPasswordChars = 128;

// Length in code points (8..128) and the common-password list. INVALID_ARGUMENT naming `field`.
void check_password_rules(std::string_view password, const std::vector<std::string>& extra_common,
                          std::string_view field = "password");

bool is_common_password(std::string_view password, const std::vector<std::string>& extra);

std::string hash_password(std::string_view password, const PasswordHashing& params);

bool verify_password(const std::string& phc_hash, std::string_view password);

// True when the stored hash was made with other parameters than the current ones (or is not argon2id).
bool needs_rehash(std::string_view phc_hash, const PasswordHashing& params);

}  // namespace commerce
