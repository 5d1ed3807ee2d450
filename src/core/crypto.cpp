#include "core/crypto.h"

#include "core/error.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>

namespace commerce {

namespace {

const EVP_MD* digest_of(HashAlgorithm algorithm) {
    switch (algorithm) {
        case HashAlgorithm::sha1: return EVP_sha1();
        case HashAlgorithm::sha256: return EVP_sha256();
        case HashAlgorithm::sha512: return EVP_sha512();
    }
    throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "unknown hash algorithm");
}

// OpenSSL reads a NULL pointer as "no key" even when the length is zero, and an empty string_view may carry
// one: point empty inputs at a real, empty buffer instead.
const unsigned char* bytes_of(std::string_view text) {
    static const unsigned char empty[1] = {0};
    return text.empty() ? empty : reinterpret_cast<const unsigned char*>(text.data());
}

// OSSL_PARAM takes non-const pointers but only reads through them for the parameters set here.
OSSL_PARAM octets(const char* name, std::string_view bytes) {
    return OSSL_PARAM_construct_octet_string(name, const_cast<unsigned char*>(bytes_of(bytes)), bytes.size());
}

}  // namespace

std::string random_bytes(std::size_t n) {
    if (n > static_cast<std::size_t>(INT_MAX))
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "too many random bytes asked for");
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

bool constant_time_equal(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hmac(HashAlgorithm algorithm, std::string_view key, std::string_view data) {
    if (key.size() > static_cast<std::size_t>(INT_MAX))
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "the HMAC key is too long");
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (HMAC(digest_of(algorithm), bytes_of(key), static_cast<int>(key.size()), bytes_of(data), data.size(), mac,
             &length) == nullptr)
        throw Error(COMMERCE_ERR_GENERIC, "HMAC failed");
    return std::string(reinterpret_cast<const char*>(mac), length);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
    return to_hex(hmac(HashAlgorithm::sha256, key, data));
}

std::string hkdf_sha256(std::string_view key, std::string_view salt, std::string_view info, std::size_t length) {
    if (length == 0 || length > 255 * 32)  // RFC 5869: at most 255 blocks of the hash
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "HKDF-SHA-256 derives 1 to 8160 bytes");

    std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr), &EVP_KDF_free);
    if (!kdf) throw Error(COMMERCE_ERR_GENERIC, "HKDF is not available");
    std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()), &EVP_KDF_CTX_free);
    if (!ctx) throw Error(COMMERCE_ERR_NO_MEMORY, "out of memory for HKDF");

    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    std::size_t n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[n++] = octets(OSSL_KDF_PARAM_KEY, key);
    if (!salt.empty()) params[n++] = octets(OSSL_KDF_PARAM_SALT, salt);
    if (!info.empty()) params[n++] = octets(OSSL_KDF_PARAM_INFO, info);
    params[n] = OSSL_PARAM_construct_end();

    std::string out(length, '\0');
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), out.size(), params) != 1)
        throw Error(COMMERCE_ERR_GENERIC, "HKDF-SHA-256 failed");
    return out;
}

}  // namespace commerce
