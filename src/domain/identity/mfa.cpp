#include "domain/identity/mfa.h"

#include "core/crypto.h"
#include "core/encoding.h"
#include "core/error.h"
#include "core/otp.h"
#include "core/seal.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace commerce {
namespace {

constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, RFC 4226's recommendation for HMAC-SHA1

std::string code_hash(const SecretKeys& keys, std::string_view scope, std::string_view code) {
    return hmac_sha256_hex(keys.code_hash, fmt::format("{}\n{}", scope, code));
}

// Recovery codes are compared without separators or case, as people type them.
std::string canonical_recovery_code(std::string_view code) {
    std::string canonical;
    for (unsigned char c : code)
        if (std::isalnum(c)) canonical.push_back(static_cast<char>(std::tolower(c)));
    return canonical;
}

// The associated data binds a sealed TOTP secret to its user: a secret copied to another row does not open.
std::string totp_binding(std::string_view user_id) { return fmt::format("totp:{}", user_id); }

}  // namespace

TotpEnrollment begin_totp(Transaction& tx, const SecretKeys& keys, const User& user, std::string_view issuer) {
    SecondFactors factors = second_factors_of(tx, user.id);
    if (factors.totp_confirmed_ms)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, "TOTP is already enabled; disable it before enrolling again");
    const std::string secret = random_bytes(kTotpSecretBytes);
    factors.totp_secret_sealed = seal(keys.seal, secret, totp_binding(user.id));
    factors.totp_last_step = 0;
    tx.second_factors().save(factors);
    return {base32_encode(secret), otpauth_uri(issuer, user.email, secret)};
}

bool accept_totp(Transaction& tx, const SecretKeys& keys, std::string_view user_id, std::string_view code,
                 int64_t now_ms, bool require_confirmed) {
    auto factors = tx.second_factors().find(user_id);
    if (!factors || factors->totp_secret_sealed.empty()) return false;
    if (require_confirmed != factors->totp_confirmed_ms.has_value()) return false;
    auto secret = unseal(keys.seal, factors->totp_secret_sealed, totp_binding(user_id));
    if (!secret) throw Error(COMMERCE_ERR_STORAGE, "the TOTP secret cannot be opened with this store's key");
    auto step = totp_match(*secret, code, now_ms / 1000, kTotpWindowSteps,
                           static_cast<uint64_t>(factors->totp_last_step));
    if (!step) return false;
    factors->totp_last_step = static_cast<int64_t>(*step);
    if (!factors->totp_confirmed_ms) factors->totp_confirmed_ms = now_ms;
    tx.second_factors().save(*factors);
    return true;
}

SecondFactors second_factors_of(Transaction& tx, std::string_view user_id) {
    if (auto factors = tx.second_factors().find(user_id)) return *factors;
    SecondFactors none;
    none.user_id = std::string(user_id);
    return none;
}

bool has_second_factor(const SecondFactors& factors) {
    return factors.totp_confirmed_ms.has_value() || factors.email_otp;
}

std::vector<std::string> replace_recovery_codes(Transaction& tx, const SecretKeys& keys, std::string_view user_id) {
    std::vector<std::string> codes, hashes;
    for (int i = 0; i < kRecoveryCodeCount; ++i) {
        // 12 base32 characters: 60 bits each, far beyond guessing within the login throttle.
        std::string raw = base32_encode(random_bytes(8)).substr(0, 12);
        std::transform(raw.begin(), raw.end(), raw.begin(), [](unsigned char c) { return std::tolower(c); });
        codes.push_back(fmt::format("{}-{}-{}", raw.substr(0, 4), raw.substr(4, 4), raw.substr(8, 4)));
        hashes.push_back(code_hash(keys, user_id, raw));
    }
    tx.second_factors().replace_recovery_codes(user_id, hashes);
    return codes;
}

bool use_recovery_code(Transaction& tx, const SecretKeys& keys, std::string_view user_id, std::string_view code,
                       int64_t now_ms) {
    const std::string canonical = canonical_recovery_code(code);
    if (canonical.size() != 12) return false;
    return tx.second_factors().use_recovery_code(user_id, code_hash(keys, user_id, canonical), now_ms);
}

std::string issue_email_code(Transaction& tx, const SecretKeys& keys, const AccountToken& challenge, int64_t now_ms,
                             int64_t ttl_ms) {
    tx.account_tokens().remove_children(challenge.token_hash);
    const std::string random = random_bytes(4);
    uint32_t value = 0;
    for (unsigned char byte : random) value = (value << 8) | byte;
    const std::string code = fmt::format("{:06d}", value % 1'000'000);  // bias of 4e-3 %: irrelevant at 6 digits
    tx.account_tokens().insert({.token_hash = code_hash(keys, challenge.token_hash, code),
                                .user_id = challenge.user_id, .purpose = kTokenEmailOtp, .created_ms = now_ms,
                                .expires_ms = std::min(now_ms + ttl_ms, challenge.expires_ms),
                                .used_ms = std::nullopt, .parent_hash = challenge.token_hash, .failed_attempts = 0});
    return code;
}

bool accept_email_code(Transaction& tx, const SecretKeys& keys, const AccountToken& challenge, std::string_view code,
                       int64_t now_ms) {
    if (code.size() != 6) return false;
    auto token = tx.account_tokens().by_hash(code_hash(keys, challenge.token_hash, code));
    if (!token || token->purpose != kTokenEmailOtp || token->parent_hash != challenge.token_hash ||
        token->used_ms || token->expires_ms <= now_ms)
        return false;
    tx.account_tokens().mark_used(token->token_hash, now_ms);
    return true;
}

}  // namespace commerce
