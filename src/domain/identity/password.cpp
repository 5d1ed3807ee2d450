#include "domain/identity/password.h"

#include "core/crypto.h"
#include "core/error.h"
#include "core/text.h"

#include <argon2.h>
#include <fmt/format.h>

namespace commerce {

void check_password_rules(std::string_view password, const std::vector<std::string>& extra_common,
                          std::string_view field) {
    const std::size_t chars = count_code_points(password);
    if (chars < kMinPasswordChars || chars > kMaxPasswordChars)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                    fmt::format("the password must have {} to {} characters", kMinPasswordChars, kMaxPasswordChars),
                    {{"field", field}, {"reason", "length"}});
    if (is_common_password(password, extra_common))
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "this password is too common; choose another",
                    {{"field", field}, {"reason", "common"}});
}

std::string hash_password(std::string_view password, const PasswordHashing& params) {
    constexpr std::size_t kSaltBytes = 16;
    constexpr std::size_t kHashBytes = 32;
    const std::string salt = random_bytes(kSaltBytes);
    const std::size_t encoded_length =
        argon2_encodedlen(params.iterations, params.memory_kib, params.parallelism, kSaltBytes, kHashBytes, Argon2_id);
    std::string encoded(encoded_length, '\0');
    int rc = argon2id_hash_encoded(params.iterations, params.memory_kib, params.parallelism, password.data(),
                                   password.size(), salt.data(), salt.size(), kHashBytes, encoded.data(),
                                   encoded.size());
    if (rc != ARGON2_OK)
        throw Error(rc == ARGON2_MEMORY_ALLOCATION_ERROR ? COMMERCE_ERR_NO_MEMORY : COMMERCE_ERR_GENERIC,
                    fmt::format("password hashing failed: {}", argon2_error_message(rc)));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verify_password(const std::string& phc_hash, std::string_view password) {
    if (phc_hash.empty()) return false;  // an account without a password (social login only)
    return argon2id_verify(phc_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool needs_rehash(std::string_view phc_hash, const PasswordHashing& params) {
    const std::string expected = fmt::format("$argon2id$v={}$m={},t={},p={}$", static_cast<int>(ARGON2_VERSION_NUMBER),
                                             params.memory_kib, params.iterations, params.parallelism);
    return phc_hash.substr(0, expected.size()) != expected;
}

}  // namespace commerce
