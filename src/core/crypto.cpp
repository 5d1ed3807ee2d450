#include "core/crypto.h"

#include "core/error.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace commerce {

std::string random_bytes(std::size_t n) {
    std::string bytes(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(n)) != 1)
        throw Error(COMMERCE_ERR_GENERIC, "the system random generator failed");
    return bytes;
}

std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (unsigned char byte : bytes) {
        hex.push_back(digits[byte >> 4]);
        hex.push_back(digits[byte & 0x0f]);
    }
    return hex;
}

std::string sha256_hex(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw Error(COMMERCE_ERR_GENERIC, "SHA-256 failed");
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace commerce
