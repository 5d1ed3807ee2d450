#include "core/seal.h"

#include "core/crypto.h"
#include "core/error.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace commerce {

namespace {

constexpr char kVersion = 0x01;
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;
constexpr std::size_t kOverhead = 1 + kNonceBytes + kTagBytes;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }
unsigned char* bytes(std::string& text) { return reinterpret_cast<unsigned char*>(text.data()); }

void check_key(std::string_view key) {
    if (key.size() != kKeyBytes) throw_invalid("key", "the sealing key must be 32 bytes");
}

// EVP takes int lengths.
void check_length(std::string_view text, const char* field) {
    if (text.size() > static_cast<std::size_t>(INT_MAX) - kOverhead) throw_invalid(field, "the text is too long");
}

CipherContext new_context() {
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!ctx) throw Error(COMMERCE_ERR_NO_MEMORY, "out of memory for AES-GCM");
    return ctx;
}

}  // namespace

std::string seal(std::string_view key32, std::string_view plaintext, std::string_view associated_data) {
    check_key(key32);
    check_length(plaintext, "plaintext");
    check_length(associated_data, "associated_data");
    std::string nonce = random_bytes(kNonceBytes);

    std::string out(kOverhead + plaintext.size(), '\0');
    out[0] = kVersion;
    out.replace(1, kNonceBytes, nonce);
    unsigned char* cipher = bytes(out) + 1 + kNonceBytes;
    unsigned char* tag = cipher + plaintext.size();

    // Empty inputs skip the update calls: OpenSSL reads a NULL input as "finish" rather than "nothing".
    CipherContext ctx = new_context();
    int length = 0;
    bool ok = EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key32), bytes(nonce)) == 1 &&
              (associated_data.empty() || EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(associated_data),
                                                            static_cast<int>(associated_data.size())) == 1) &&
              (plaintext.empty() || EVP_EncryptUpdate(ctx.get(), cipher, &length, bytes(plaintext),
                                                      static_cast<int>(plaintext.size())) == 1) &&
              EVP_EncryptFinal_ex(ctx.get(), cipher + plaintext.size(), &length) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes), tag) == 1;
    if (!ok) throw Error(COMMERCE_ERR_GENERIC, "AES-256-GCM encryption failed");
    return out;
}

std::optional<std::string> unseal(std::string_view key32, std::string_view sealed, std::string_view associated_data) {
    check_key(key32);
    check_length(associated_data, "associated_data");
    if (sealed.size() < kOverhead || sealed.size() > static_cast<std::size_t>(INT_MAX) || sealed[0] != kVersion)
        return std::nullopt;
    std::string_view nonce = sealed.substr(1, kNonceBytes);
    std::string_view cipher = sealed.substr(1 + kNonceBytes, sealed.size() - kOverhead);
    unsigned char tag[kTagBytes];
    std::copy_n(bytes(sealed.substr(sealed.size() - kTagBytes)), kTagBytes, tag);  // the ctrl wants a mutable buffer

    std::string plain(cipher.size(), '\0');
    CipherContext ctx = new_context();
    int length = 0;
    bool ok = EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key32), bytes(nonce)) == 1 &&
              (associated_data.empty() || EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(associated_data),
                                                            static_cast<int>(associated_data.size())) == 1) &&
              (cipher.empty() || EVP_DecryptUpdate(ctx.get(), bytes(plain), &length, bytes(cipher),
                                                   static_cast<int>(cipher.size())) == 1) &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag) == 1 &&
              EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + plain.size(), &length) == 1;  // checks the tag
    if (!ok) {
        OPENSSL_cleanse(plain.data(), plain.size());  // unauthenticated plaintext must not linger
        return std::nullopt;
    }
    return plain;
}

}  // namespace commerce
