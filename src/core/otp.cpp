#include "core/otp.h"

#include "core/encoding.h"
#include "core/error.h"

#include <algorithm>
#include <cstdint>

namespace commerce {

namespace {

// Wider windows would accept codes from minutes away, and cost one HMAC per step.
constexpr int kMaxWindowSteps = 10;

void check_digits(int digits) {
    if (digits < 6 || digits > 8) throw_invalid("digits", "OTP codes have 6 to 8 digits");
}

}  // namespace

std::string hotp(std::string_view key, uint64_t counter, int digits, HashAlgorithm algorithm) {
    check_digits(digits);
    if (key.empty()) throw_invalid("key", "the OTP key is empty");

    std::string message(8, '\0');  // the counter, big-endian
    for (std::size_t i = 8; i-- > 0; counter >>= 8) message[i] = static_cast<char>(counter & 0xff);
    std::string mac = hmac(algorithm, key, message);

    // RFC 4226 section 5.3, dynamic truncation: 31 bits from the offset the last nibble names.
    std::size_t offset = static_cast<unsigned char>(mac.back()) & 0x0f;
    uint32_t binary = (static_cast<uint32_t>(static_cast<unsigned char>(mac[offset]) & 0x7f) << 24) |
                      (static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 1])) << 16) |
                      (static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 2])) << 8) |
                      static_cast<uint32_t>(static_cast<unsigned char>(mac[offset + 3]));

    uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

uint64_t totp_step(int64_t unix_seconds, int64_t period_seconds) {
    if (period_seconds <= 0) throw_invalid("period", "the TOTP period must be positive");
    if (unix_seconds < 0) throw_invalid("time", "TOTP is not defined before 1970");
    return static_cast<uint64_t>(unix_seconds / period_seconds);
}

std::string totp(std::string_view key, int64_t unix_seconds, int digits, int64_t period_seconds,
                 HashAlgorithm algorithm) {
    return hotp(key, totp_step(unix_seconds, period_seconds), digits, algorithm);
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view key_bytes, int digits,
                        int64_t period_seconds) {
    check_digits(digits);
    if (period_seconds <= 0) throw_invalid("period", "the TOTP period must be positive");
    if (issuer.empty()) throw_invalid("issuer", "the issuer is empty");
    if (account.empty()) throw_invalid("account", "the account is empty");
    if (key_bytes.empty()) throw_invalid("key", "the OTP key is empty");

    std::string encoded_issuer = percent_encode(issuer);
    return "otpauth://totp/" + encoded_issuer + ':' + percent_encode(account) + "?secret=" + base32_encode(key_bytes) +
           "&issuer=" + encoded_issuer + "&algorithm=SHA1&digits=" + std::to_string(digits) +
           "&period=" + std::to_string(period_seconds);
}

std::optional<uint64_t> totp_match(std::string_view key, std::string_view code, int64_t unix_seconds,
                                   int window_steps, uint64_t last_used_step, int digits, int64_t period_seconds,
                                   HashAlgorithm algorithm) {
    check_digits(digits);
    if (window_steps < 0 || window_steps > kMaxWindowSteps)
        throw_invalid("window_steps", "the TOTP window is 0 to 10 steps");
    uint64_t now = totp_step(unix_seconds, period_seconds);

    if (code.size() != static_cast<std::size_t>(digits)) return std::nullopt;
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;

    if (last_used_step == UINT64_MAX) return std::nullopt;  // no later step exists
    uint64_t window = static_cast<uint64_t>(window_steps);
    uint64_t first = std::max(now >= window ? now - window : 0, last_used_step + 1);  // replay: only later steps
    // Every candidate is computed and compared, match or not, so the time taken says nothing about which matched.
    std::optional<uint64_t> matched;
    for (uint64_t step = first; step <= now + window; ++step) {
        if (constant_time_equal(hotp(key, step, digits, algorithm), code) && !matched) matched = step;
    }
    return matched;
}

}  // namespace commerce
