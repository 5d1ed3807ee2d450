#include "core/crypto.h"
#include "core/encoding.h"
#include "core/error.h"
#include "core/jwt.h"
#include "core/otp.h"
#include "core/seal.h"

#include "error_of.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

using commerce::HashAlgorithm;
using commerce::JwtKey;
using nlohmann::json;

namespace {
std::string from_hex(std::string_view hex) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return bytes;
}

// The RFC 6238 Appendix B seeds: the ASCII digits repeated to the hash's output length.
const std::string kSeed20 = "12345678901234567890";
const std::string kSeed32 = "12345678901234567890123456789012";
const std::string kSeed64 = "1234567890123456789012345678901234567890123456789012345678901234";

constexpr int64_t kNow = 1'700'000'000;

// A key ring for jwt_verify: kid -> key.
struct Keys {
    std::map<std::string, JwtKey, std::less<>> by_kid;
    void add(JwtKey key) { by_kid[key.kid] = std::move(key); }
    std::function<const JwtKey*(std::string_view)> lookup() const {
        return [this](std::string_view kid) -> const JwtKey* {
            auto found = by_kid.find(kid);
            return found == by_kid.end() ? nullptr : &found->second;
        };
    }
};

const JwtKey kKey1{"k1", std::string(32, 'a')};
const JwtKey kKey2{"k2", std::string(32, 'b')};

json claims_until(int64_t exp) { return {{"sub", "user-1"}, {"exp", exp}}; }

// A token built by hand, for headers jwt_sign would never write.
std::string forge(const json& header, const json& claims, HashAlgorithm algorithm, std::string_view secret) {
    std::string input = commerce::base64url_encode(header.dump()) + '.' + commerce::base64url_encode(claims.dump());
    return input + '.' + commerce::base64url_encode(commerce::hmac(algorithm, secret, input));
}

// The reason jwt_verify gives for refusing the token.
std::string refusal(std::string_view token, const Keys& keys, int64_t now = kNow, int64_t leeway = 0) {
    commerce::Error error = error_of([&] { commerce::jwt_verify(token, keys.lookup(), now, leeway); });
    CHECK(error.code() == COMMERCE_ERR_UNAUTHORIZED);
    return error.details().value("reason", "");
}

std::vector<std::string> parts_of(const std::string& token) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t dot; (dot = token.find('.', start)) != std::string::npos; start = dot + 1)
        parts.push_back(token.substr(start, dot - start));
    parts.push_back(token.substr(start));
    return parts;
}

}  // namespace

// Each part is a doctest suite as well, so -ts='*otp*' (or -tc='*otp*') selects it.

// --- crypto primitives ---------------------------------------------------------------------------------------
TEST_SUITE_BEGIN("crypto");

TEST_CASE("crypto: constant_time_equal") {
    CHECK(commerce::constant_time_equal("", ""));
    CHECK(commerce::constant_time_equal("abc", "abc"));
    CHECK_FALSE(commerce::constant_time_equal("abc", "abd"));
    CHECK_FALSE(commerce::constant_time_equal("abc", "ab"));
    CHECK_FALSE(commerce::constant_time_equal("", "a"));
    CHECK(commerce::constant_time_equal(std::string("a\0b", 3), std::string("a\0b", 3)));
    CHECK_FALSE(commerce::constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST_CASE("crypto: HMAC-SHA-256 matches RFC 4231 test case 2") {
    CHECK(commerce::hmac_sha256_hex("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(commerce::hmac(HashAlgorithm::sha256, "Jefe", "what do ya want for nothing?") ==
          from_hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    CHECK(commerce::hmac(HashAlgorithm::sha1, "k", "d").size() == 20);
    CHECK(commerce::hmac(HashAlgorithm::sha512, "k", "d").size() == 64);
    // An empty key is a valid HMAC key (zero padding); it must not be mistaken for "no key".
    CHECK(commerce::hmac_sha256_hex("", "") == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST_CASE("crypto: HKDF-SHA-256 matches RFC 5869 test case 1") {
    std::string okm = commerce::hkdf_sha256(std::string(22, '\x0b'), from_hex("000102030405060708090a0b0c"),
                                            from_hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    CHECK(commerce::to_hex(okm) ==
          "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    CHECK(error_of([] { commerce::hkdf_sha256("k", "", "", 0); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::hkdf_sha256("k", "", "", 255 * 32 + 1); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(commerce::hkdf_sha256("k", "", "", 255 * 32).size() == 255 * 32);
}

TEST_SUITE_END();

// --- encodings -------------------------------------------------------------------------------------------------
TEST_SUITE_BEGIN("encoding");

TEST_CASE("encoding: base32 matches RFC 4648 section 10 both ways") {
    struct Vector {
        const char* bytes;
        const char* unpadded;
        const char* padded;
    };
    const Vector vectors[] = {{"", "", ""},
                              {"f", "MY", "MY======"},
                              {"fo", "MZXQ", "MZXQ===="},
                              {"foo", "MZXW6", "MZXW6==="},
                              {"foob", "MZXW6YQ", "MZXW6YQ="},
                              {"fooba", "MZXW6YTB", "MZXW6YTB"},
                              {"foobar", "MZXW6YTBOI", "MZXW6YTBOI======"}};
    for (const Vector& v : vectors) {
        CAPTURE(v.bytes);
        CHECK(commerce::base32_encode(v.bytes) == v.unpadded);
        CHECK(commerce::base32_decode(v.unpadded) == v.bytes);
        CHECK(commerce::base32_decode(v.padded) == v.bytes);
        std::string lower = v.padded;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(commerce::base32_decode(lower) == v.bytes);
    }
}

TEST_CASE("encoding: base32 rejects characters and lengths no encoding has") {
    for (const char* bad : {"MZXW1", "MZXW6!", "MZ XW", "M", "MZX", "MZXW6Y", "MZ=XW6", "MY=", "MZXW6YTB========",
                            "MZXQ======"}) {
        CAPTURE(bad);
        CHECK(error_of([&] { commerce::base32_decode(bad); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    }
}

TEST_CASE("encoding: base64url round trips without padding") {
    CHECK(commerce::base64url_encode("") == "");
    CHECK(commerce::base64url_encode("f") == "Zg");
    CHECK(commerce::base64url_encode("fo") == "Zm8");
    CHECK(commerce::base64url_encode("foo") == "Zm9v");
    CHECK(commerce::base64url_encode("\xfb\xff\xbf") == "-_-_");  // the two characters that differ from base64
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    for (std::size_t n = 0; n <= all.size(); ++n) {
        std::string bytes = all.substr(0, n);
        std::optional<std::string> back = commerce::base64url_decode(commerce::base64url_encode(bytes));
        REQUIRE(back.has_value());
        CHECK(*back == bytes);
    }
    std::string random = commerce::random_bytes(100);
    CHECK(commerce::base64url_decode(commerce::base64url_encode(random)) == random);
}

TEST_CASE("encoding: base64url decoding is strict") {
    CHECK(commerce::base64url_decode("Zm9v") == "foo");
    CHECK(commerce::base64url_decode("") == "");
    for (const char* bad : {"Zg==", "Zm8=", "Z", "Zm9vY", "Zm+v", "Zm/v", "Zm9 v", "Zm9v\n", "Zh", "Zm9"}) {
        CAPTURE(bad);  // padding, '+' and '/', impossible lengths, whitespace, stray low bits ("Zh", "Zm9")
        CHECK_FALSE(commerce::base64url_decode(bad).has_value());
    }
}

TEST_CASE("encoding: percent_encode keeps only unreserved characters") {
    CHECK(commerce::percent_encode("AZaz09-._~") == "AZaz09-._~");
    CHECK(commerce::percent_encode("a b:c@d/e?&=+%") == "a%20b%3Ac%40d%2Fe%3F%26%3D%2B%25");
    CHECK(commerce::percent_encode("\xc3\xa9") == "%C3%A9");
    CHECK(commerce::percent_encode("") == "");
}

TEST_SUITE_END();

// --- one-time passwords ----------------------------------------------------------------------------------------
TEST_SUITE_BEGIN("otp");

TEST_CASE("otp: HOTP matches RFC 4226 Appendix D") {
    const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                              "254676", "287922", "162583", "399871", "520489"};
    for (uint64_t counter = 0; counter < 10; ++counter) {
        CAPTURE(counter);
        CHECK(commerce::hotp(kSeed20, counter) == expected[counter]);
    }
}

TEST_CASE("otp: TOTP matches RFC 6238 Appendix B for SHA-1, SHA-256 and SHA-512") {
    struct Vector {
        int64_t time;
        const char* sha1;
        const char* sha256;
        const char* sha512;
    };
    const Vector vectors[] = {{59, "94287082", "46119246", "90693936"},
                              {1111111109, "07081804", "68084774", "25091201"},
                              {1111111111, "14050471", "67062674", "99943326"},
                              {1234567890, "89005924", "91819424", "93441116"},
                              {2000000000, "69279037", "90698825", "38618901"},
                              {20000000000, "65353130", "77737706", "47863826"}};
    for (const Vector& v : vectors) {
        CAPTURE(v.time);
        CHECK(commerce::totp(kSeed20, v.time, 8, 30, HashAlgorithm::sha1) == v.sha1);
        CHECK(commerce::totp(kSeed32, v.time, 8, 30, HashAlgorithm::sha256) == v.sha256);
        CHECK(commerce::totp(kSeed64, v.time, 8, 30, HashAlgorithm::sha512) == v.sha512);
    }
}

TEST_CASE("otp: steps, digits and bad parameters") {
    CHECK(commerce::totp_step(0) == 0);
    CHECK(commerce::totp_step(29) == 0);
    CHECK(commerce::totp_step(30) == 1);
    CHECK(commerce::totp_step(59, 60) == 0);
    CHECK(commerce::totp(kSeed20, 59) == "287082");  // 6 digits of step 1, as HOTP counter 1
    CHECK(commerce::hotp(kSeed20, 1, 7).size() == 7);
    CHECK(error_of([] { commerce::hotp(kSeed20, 0, 5); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::hotp(kSeed20, 0, 9); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::hotp("", 0); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::totp_step(100, 0); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::totp_step(-1); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("otp: otpauth URI text") {
    CHECK(commerce::otpauth_uri("Example Shop", "alice@example.com", kSeed20) ==
          "otpauth://totp/Example%20Shop:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
          "&issuer=Example%20Shop&algorithm=SHA1&digits=6&period=30");
    CHECK(commerce::otpauth_uri("A:B", "c", "k", 8, 60) ==
          "otpauth://totp/A%3AB:c?secret=NM&issuer=A%3AB&algorithm=SHA1&digits=8&period=60");
    CHECK(error_of([] { commerce::otpauth_uri("", "a", "k"); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::otpauth_uri("i", "", "k"); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::otpauth_uri("i", "a", ""); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("otp: totp_match accepts codes within the window") {
    const uint64_t now = commerce::totp_step(kNow);
    const std::string current = commerce::hotp(kSeed20, now);
    CHECK(commerce::totp_match(kSeed20, current, kNow, 0, 0) == now);
    CHECK(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now - 1), kNow, 1, 0) == now - 1);
    CHECK(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now + 1), kNow, 1, 0) == now + 1);
    CHECK_FALSE(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now - 2), kNow, 1, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now + 2), kNow, 1, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now - 1), kNow, 0, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed32, current, kNow, 1, 0).has_value());  // another key
    // 8-digit codes when asked for.
    CHECK(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now, 8), kNow, 1, 0, 8) == now);
    CHECK(commerce::totp_match(kSeed32, commerce::hotp(kSeed32, now, 8, HashAlgorithm::sha256), kNow, 1, 0, 8, 30,
                               HashAlgorithm::sha256) == now);
    CHECK(error_of([&] { commerce::totp_match(kSeed20, current, kNow, -1, 0); }).code() ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([&] { commerce::totp_match(kSeed20, current, kNow, 11, 0); }).code() ==
          COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("otp: totp_match refuses replays and codes that are not digits") {
    const uint64_t now = commerce::totp_step(kNow);
    const std::string current = commerce::hotp(kSeed20, now);
    std::optional<uint64_t> used = commerce::totp_match(kSeed20, current, kNow, 1, 0);
    REQUIRE(used == now);
    CHECK_FALSE(commerce::totp_match(kSeed20, current, kNow, 1, *used).has_value());  // the same code again
    CHECK_FALSE(commerce::totp_match(kSeed20, current, kNow + 5, 1, *used).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now - 1), kNow, 1, *used).has_value());
    CHECK(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now + 1), kNow, 1, *used) == now + 1);
    CHECK_FALSE(commerce::totp_match(kSeed20, current, kNow, 1, UINT64_MAX).has_value());

    CHECK_FALSE(commerce::totp_match(kSeed20, current.substr(0, 5), kNow, 1, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, current + "0", kNow, 1, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, "", kNow, 1, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, " " + current.substr(1), kNow, 1, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, "12345a", kNow, 1, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, "-12345", kNow, 1, 0).has_value());
    CHECK_FALSE(commerce::totp_match(kSeed20, commerce::hotp(kSeed20, now, 8), kNow, 1, 0).has_value());
}

TEST_SUITE_END();

// --- JWT --------------------------------------------------------------------------------------------------------
TEST_SUITE_BEGIN("jwt");

TEST_CASE("jwt: a signed token verifies and gives its claims back") {
    Keys keys;
    keys.add(kKey1);
    json claims = {{"sub", "user-1"}, {"exp", kNow + 60}, {"iat", kNow}, {"roles", {"admin"}}};
    std::string token = commerce::jwt_sign(claims, kKey1);
    CHECK(parts_of(token).size() == 3);
    CHECK(commerce::base64url_decode(parts_of(token)[0]) == R"({"alg":"HS256","typ":"JWT","kid":"k1"})");
    CHECK(commerce::jwt_verify(token, keys.lookup(), kNow) == claims);
    CHECK(commerce::jwt_verify(token, keys.lookup(), kNow + 59) == claims);
}

TEST_CASE("jwt: tampered payload or signature is refused") {
    Keys keys;
    keys.add(kKey1);
    std::vector<std::string> parts = parts_of(commerce::jwt_sign(claims_until(kNow + 60), kKey1));

    json raised = claims_until(kNow + 60);
    raised["sub"] = "admin";
    CHECK(refusal(parts[0] + '.' + commerce::base64url_encode(raised.dump()) + '.' + parts[2], keys) == "signature");

    std::string signature = *commerce::base64url_decode(parts[2]);
    signature[0] = static_cast<char>(signature[0] ^ 1);
    CHECK(refusal(parts[0] + '.' + parts[1] + '.' + commerce::base64url_encode(signature), keys) == "signature");
    CHECK(refusal(parts[0] + '.' + parts[1] + '.' + commerce::base64url_encode(signature.substr(1)), keys) ==
          "signature");
    CHECK(refusal(parts[0] + '.' + parts[1] + '.', keys) == "signature");

    // Signed under another secret that claims the same kid.
    CHECK(refusal(commerce::jwt_sign(claims_until(kNow + 60), JwtKey{"k1", std::string(32, 'x')}), keys) ==
          "signature");
}

TEST_CASE("jwt: only HS256 is accepted") {
    Keys keys;
    keys.add(kKey1);
    json claims = claims_until(kNow + 60);

    json none = {{"alg", "none"}, {"typ", "JWT"}, {"kid", "k1"}};
    std::string unsigned_token =
        commerce::base64url_encode(none.dump()) + '.' + commerce::base64url_encode(claims.dump()) + '.';
    CHECK(refusal(unsigned_token, keys) == "algorithm");
    CHECK(refusal(forge(none, claims, HashAlgorithm::sha256, kKey1.secret), keys) == "algorithm");

    json hs512 = {{"alg", "HS512"}, {"typ", "JWT"}, {"kid", "k1"}};
    CHECK(refusal(forge(hs512, claims, HashAlgorithm::sha512, kKey1.secret), keys) == "algorithm");

    for (json alg : {json("hs256"), json("HS256 "), json(nullptr), json(256)}) {
        json header = {{"alg", alg}, {"kid", "k1"}};
        CHECK(refusal(forge(header, claims, HashAlgorithm::sha256, kKey1.secret), keys) == "algorithm");
    }
    CHECK(refusal(forge({{"kid", "k1"}}, claims, HashAlgorithm::sha256, kKey1.secret), keys) == "algorithm");

    // The same token with a correct HS256 header built by hand verifies: the refusals above are about alg.
    json good = {{"alg", "HS256"}, {"kid", "k1"}};
    CHECK(commerce::jwt_verify(forge(good, claims, HashAlgorithm::sha256, kKey1.secret), keys.lookup(), kNow) ==
          claims);
    json crit = {{"alg", "HS256"}, {"kid", "k1"}, {"crit", {"exp"}}};
    CHECK(refusal(forge(crit, claims, HashAlgorithm::sha256, kKey1.secret), keys) == "malformed");
}

TEST_CASE("jwt: unknown kid is refused") {
    Keys keys;
    keys.add(kKey1);
    CHECK(refusal(commerce::jwt_sign(claims_until(kNow + 60), kKey2), keys) == "unknown_key");
    json no_kid = {{"alg", "HS256"}, {"typ", "JWT"}};
    CHECK(refusal(forge(no_kid, claims_until(kNow + 60), HashAlgorithm::sha256, kKey1.secret), keys) ==
          "unknown_key");
    json numeric_kid = {{"alg", "HS256"}, {"kid", 1}};
    CHECK(refusal(forge(numeric_kid, claims_until(kNow + 60), HashAlgorithm::sha256, kKey1.secret), keys) ==
          "malformed");
}

TEST_CASE("jwt: expiry and not-before") {
    Keys keys;
    keys.add(kKey1);
    std::string token = commerce::jwt_sign(claims_until(kNow), kKey1);
    CHECK(refusal(token, keys) == "expired");  // exp must be later than now
    CHECK(refusal(token, keys, kNow + 100) == "expired");
    CHECK(commerce::jwt_verify(token, keys.lookup(), kNow - 1)["sub"] == "user-1");
    CHECK(commerce::jwt_verify(token, keys.lookup(), kNow + 10, 11)["sub"] == "user-1");
    CHECK(refusal(token, keys, kNow + 10, 10) == "expired");

    json later = claims_until(kNow + 600);
    later["nbf"] = kNow + 60;
    std::string early = commerce::jwt_sign(later, kKey1);
    CHECK(refusal(early, keys) == "not_yet_valid");
    CHECK(commerce::jwt_verify(early, keys.lookup(), kNow + 60)["sub"] == "user-1");
    CHECK(commerce::jwt_verify(early, keys.lookup(), kNow, 60)["sub"] == "user-1");

    json issued_later = claims_until(kNow + 600);
    issued_later["iat"] = kNow + 5;
    CHECK(refusal(commerce::jwt_sign(issued_later, kKey1), keys) == "not_yet_valid");

    // exp is required and must be an integer; nbf too when present.
    json no_exp = {{"sub", "user-1"}};
    json header = {{"alg", "HS256"}, {"kid", "k1"}};
    CHECK(refusal(forge(header, no_exp, HashAlgorithm::sha256, kKey1.secret), keys) == "malformed");
    CHECK(refusal(forge(header, {{"exp", "9999999999"}}, HashAlgorithm::sha256, kKey1.secret), keys) == "malformed");
    CHECK(refusal(forge(header, {{"exp", kNow + 60.5}}, HashAlgorithm::sha256, kKey1.secret), keys) == "malformed");
    CHECK(refusal(forge(header, {{"exp", UINT64_MAX}}, HashAlgorithm::sha256, kKey1.secret), keys) == "malformed");
    CHECK(refusal(forge(header, {{"exp", kNow + 60}, {"nbf", "0"}}, HashAlgorithm::sha256, kKey1.secret), keys) ==
          "malformed");
    CHECK(error_of([] { commerce::jwt_sign(json{{"sub", "x"}}, kKey1); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("jwt: key rotation keeps old tokens valid while the old key is offered") {
    Keys keys;
    keys.add(kKey1);
    std::string old_token = commerce::jwt_sign(claims_until(kNow + 60), kKey1);
    keys.add(kKey2);  // rotate: new tokens are signed with k2
    std::string new_token = commerce::jwt_sign(claims_until(kNow + 60), kKey2);
    CHECK(commerce::jwt_verify(old_token, keys.lookup(), kNow)["sub"] == "user-1");
    CHECK(commerce::jwt_verify(new_token, keys.lookup(), kNow)["sub"] == "user-1");
    keys.by_kid.erase("k1");  // retire the old key
    CHECK(refusal(old_token, keys) == "unknown_key");
    CHECK(commerce::jwt_verify(new_token, keys.lookup(), kNow)["sub"] == "user-1");
}

TEST_CASE("jwt: malformed tokens") {
    Keys keys;
    keys.add(kKey1);
    std::string token = commerce::jwt_sign(claims_until(kNow + 60), kKey1);
    std::vector<std::string> parts = parts_of(token);
    for (const std::string& bad : {std::string(), std::string("."), std::string(".."), parts[0] + '.' + parts[1],
                                   token + ".", token + '.' + parts[2], std::string("a.b.c"),
                                   parts[0] + "=." + parts[1] + '.' + parts[2], '+' + token,
                                   parts[0] + '.' + parts[1] + '.' + parts[2] + "=",
                                   commerce::base64url_encode("[1]") + '.' + parts[1] + '.' + parts[2],
                                   commerce::base64url_encode("{") + '.' + parts[1] + '.' + parts[2],
                                   std::string(20000, 'a')}) {
        CAPTURE(bad);
        CHECK(refusal(bad, keys) == "malformed");
    }
    // A payload that is not an object, correctly signed.
    std::string input = parts[0] + '.' + commerce::base64url_encode("[]");
    CHECK(refusal(input + '.' + commerce::base64url_encode(commerce::hmac(HashAlgorithm::sha256, kKey1.secret, input)),
                  keys) == "malformed");
}

TEST_CASE("jwt: signing refuses unusable keys and claims") {
    CHECK(error_of([] { commerce::jwt_sign(json::array(), kKey1); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::jwt_sign(claims_until(kNow), JwtKey{"k", "short"}); }).code() ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error_of([] { commerce::jwt_sign(claims_until(kNow), JwtKey{"", std::string(32, 'a')}); }).code() ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    json bad_utf8 = claims_until(kNow);
    bad_utf8["sub"] = "\xff";
    CHECK(error_of([&] { commerce::jwt_sign(bad_utf8, kKey1); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
    Keys keys;
    CHECK(error_of([&] { commerce::jwt_verify("a.b.c", keys.lookup(), kNow, -1); }).code() ==
          COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_SUITE_END();

// --- sealing ----------------------------------------------------------------------------------------------------
TEST_SUITE_BEGIN("seal");

TEST_CASE("seal: round trip and format") {
    const std::string key = commerce::random_bytes(32);
    for (const std::string& plain : {std::string(), std::string("otp secret"), std::string(1000, '\0')}) {
        std::string sealed = commerce::seal(key, plain, "users/42/otp");
        CHECK(sealed.size() == 1 + 12 + plain.size() + 16);
        CHECK(sealed[0] == '\x01');
        CHECK(commerce::unseal(key, sealed, "users/42/otp") == plain);
    }
    CHECK(commerce::unseal(key, commerce::seal(key, "x", ""), "") == "x");
}

TEST_CASE("seal: any change to the sealed bytes is detected") {
    const std::string key = commerce::random_bytes(32);
    const std::string sealed = commerce::seal(key, "a secret worth keeping", "ad");
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        for (unsigned char flip : {0x01, 0x80}) {
            std::string altered = sealed;
            altered[i] = static_cast<char>(altered[i] ^ flip);
            CAPTURE(i);
            CHECK_FALSE(commerce::unseal(key, altered, "ad").has_value());
        }
    }
    CHECK_FALSE(commerce::unseal(key, sealed.substr(0, sealed.size() - 1), "ad").has_value());
    CHECK_FALSE(commerce::unseal(key, sealed + "x", "ad").has_value());
    CHECK_FALSE(commerce::unseal(key, "", "ad").has_value());
    CHECK_FALSE(commerce::unseal(key, sealed.substr(0, 28), "ad").has_value());
}

TEST_CASE("seal: wrong associated data or key does not open") {
    const std::string key = commerce::random_bytes(32);
    const std::string sealed = commerce::seal(key, "secret", "users/42/otp");
    CHECK_FALSE(commerce::unseal(key, sealed, "users/43/otp").has_value());
    CHECK_FALSE(commerce::unseal(key, sealed, "").has_value());
    CHECK_FALSE(commerce::unseal(commerce::random_bytes(32), sealed, "users/42/otp").has_value());
    CHECK(commerce::unseal(key, sealed, "users/42/otp") == "secret");
}

TEST_CASE("seal: fresh nonces make two seals of one text differ") {
    const std::string key = commerce::random_bytes(32);
    std::string a = commerce::seal(key, "same text", "ad");
    std::string b = commerce::seal(key, "same text", "ad");
    CHECK(a != b);
    CHECK(a.substr(1, 12) != b.substr(1, 12));
    CHECK(commerce::unseal(key, a, "ad") == commerce::unseal(key, b, "ad"));
}

TEST_CASE("seal: keys must be 32 bytes") {
    for (std::size_t size : {0, 16, 31, 33}) {
        std::string key(size, 'k');
        CHECK(error_of([&] { commerce::seal(key, "x", ""); }).code() == COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(error_of([&] { commerce::unseal(key, std::string(40, 'x'), ""); }).code() ==
              COMMERCE_ERR_INVALID_ARGUMENT);
    }
}

TEST_SUITE_END();
