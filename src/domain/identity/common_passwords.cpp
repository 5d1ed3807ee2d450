// The shipped list of refused passwords: the most common passwords of eight characters or more from public
// breach corpora. Shorter ones already fail the length rule. Compared after ASCII lower-casing.
#include "domain/identity/password.h"

#include <algorithm>
#include <array>
#include <string>

namespace commerce {
namespace {

constexpr std::array<std::string_view, 120> kCommonPasswords = {
    "000000000",    "1111111111",   "11111111",     "1111111",      "112233445566", "121212121",
    "12121212",     "123123123",    "12341234",     "1234567890",   "123456789",    "12345678",
    "1234qwer",     "123abc123",    "123qweasd",    "1q2w3e4r",     "1q2w3e4r5t",   "1qaz2wsx",
    "1qaz2wsx3edc", "22222222",     "55555555",     "654321654321", "66666666",     "7777777",
    "77777777",     "87654321",     "88888888",     "987654321",    "99999999",     "a1b2c3d4",
    "aa12345678",   "abc12345",     "abc123456",    "abcd1234",     "abcdefgh",     "access14",
    "admin123",     "administrator", "alexander",   "asdfasdf",     "asdfghjk",     "asdfghjkl",
    "azerty123",    "baseball",     "basketball",   "batman123",    "charlie1",     "chocolate",
    "computer",     "corvette",     "dragon123",    "football",     "football1",    "freedom1",
    "iloveyou",     "iloveyou1",    "iloveyou2",    "jennifer",     "jessica1",     "jordan23",
    "letmein1",     "letmein123",   "liverpool",    "login123",     "mercedes",     "michelle",
    "midnight",     "monkey123",    "mustang1",     "mypassword",   "nicole123",    "p@ssw0rd",
    "p@ssword",     "pa55word",     "passw0rd",     "password",     "password!",    "password1",
    "password12",   "password123",  "password1234", "pokemon123",   "princess",     "princess1",
    "qazwsxedc",    "qwer1234",     "qwerty12",     "qwerty123",    "qwerty1234",   "qwertyui",
    "qwertyuiop",   "samantha",     "secret123",    "shadow123",    "starwars",     "summer2024",
    "summer2025",   "summer2026",   "sunshine",     "sunshine1",    "superman",     "superman1",
    "test1234",     "testing123",   "thomas123",    "trustno1",     "welcome1",     "welcome123",
    "whatever",     "winter2024",   "winter2025",   "winter2026",   "zaq12wsx",     "zxcvbnm1",
    "zxcvbnm123",   "zxcvbnmm",     "changeme",     "changeme1",    "master123",    "monkey12",
};

std::string ascii_lower(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return lowered;
}

}  // namespace

bool is_common_password(std::string_view password, const std::vector<std::string>& extra) {
    const std::string lowered = ascii_lower(password);
    if (std::find(kCommonPasswords.begin(), kCommonPasswords.end(), lowered) != kCommonPasswords.end()) return true;
    return std::any_of(extra.begin(), extra.end(), [&](const std::string& e) { return ascii_lower(e) == lowered; });
}

}  // namespace commerce
