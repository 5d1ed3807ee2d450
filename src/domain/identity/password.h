// Password hashing with argon2id (OWASP: m=19456 KiB, t=2, p=1 or stronger), stored as a PHC string so
// that a change of parameters can be detected and the hash upgraded at the next login.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace commerce {

struct PasswordHashing {
    uint32_t memory_kib = 19456;
    uint32_t iterations = 2;
    uint32_t parallelism = 1;
};

inline constexpr std::size_t kMinPasswordChars = 8;
inline constexpr std::size_t kMaxPasswordChars = 128;

// Checks length in code points (8..128); the password is never truncated or transformed. INVALID_ARGUMENT.
void check_password_rules(std::string_view password);

std::string hash_password(std::string_view password, const PasswordHashing& params);

bool verify_password(const std::string& phc_hash, std::string_view password);

}  // namespace commerce
