#include "core/jwt.h"

#include "core/crypto.h"
#include "core/encoding.h"
#include "core/error.h"

#include <limits>
#include <optional>

namespace commerce {

namespace {

using nlohmann::json;

constexpr std::size_t kMinSecretBytes = 32;  // RFC 7518 section 3.2: at least the hash size
constexpr std::size_t kMaxTokenBytes = 16 * 1024;  // refused before any decoding or parsing

[[noreturn]] void refuse(const char* reason, const std::string& message) {
    throw Error(COMMERCE_ERR_UNAUTHORIZED, message, {{"reason", reason}});
}

std::string signature_of(std::string_view signing_input, const JwtKey& key) {
    return hmac(HashAlgorithm::sha256, key.secret, signing_input);
}

// A NumericDate as an int64, or nullopt when the value is not an integer or is outside int64.
std::optional<int64_t> integer(const json& value) {
    if (value.is_number_unsigned()) {
        uint64_t n = value.get<uint64_t>();
        if (n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return static_cast<int64_t>(n);
    }
    if (value.is_number_integer()) return value.get<int64_t>();
    return std::nullopt;
}

// A base64url part holding a JSON object, or nullopt.
std::optional<json> object_part(std::string_view part) {
    std::optional<std::string> text = base64url_decode(part);
    if (!text) return std::nullopt;
    json value = json::parse(*text, nullptr, false);
    if (value.is_discarded() || !value.is_object()) return std::nullopt;
    return value;
}

}  // namespace

std::string jwt_sign(const json& claims, const JwtKey& key) {
    if (!claims.is_object()) throw_invalid("claims", "JWT claims must be a JSON object");
    if (!claims.contains("exp") || !integer(claims["exp"]))
        throw_invalid("claims", "JWT claims need an integer exp: tokens without one are never accepted");
    if (key.kid.empty()) throw_invalid("kid", "the JWT key id is empty");
    if (key.secret.size() < kMinSecretBytes) throw_invalid("secret", "the JWT secret is shorter than 32 bytes");

    nlohmann::ordered_json header = {{"alg", "HS256"}, {"typ", "JWT"}, {"kid", key.kid}};
    std::string signing_input;
    try {
        signing_input = base64url_encode(header.dump()) + '.' + base64url_encode(claims.dump());
    } catch (const json::exception&) {  // dump refuses strings that are not UTF-8
        throw_invalid("claims", "JWT claims or kid are not valid UTF-8");
    }
    return signing_input + '.' + base64url_encode(signature_of(signing_input, key));
}

json jwt_verify(std::string_view token, const std::function<const JwtKey*(std::string_view kid)>& key_for,
                int64_t now_seconds, int64_t leeway_seconds) {
    if (leeway_seconds < 0) throw_invalid("leeway", "the JWT leeway is negative");

    if (token.size() > kMaxTokenBytes) refuse("malformed", "the token is too long");
    std::size_t first_dot = token.find('.');
    std::size_t second_dot = first_dot == std::string_view::npos ? first_dot : token.find('.', first_dot + 1);
    if (second_dot == std::string_view::npos || token.find('.', second_dot + 1) != std::string_view::npos)
        refuse("malformed", "a token has exactly three parts");
    std::string_view signing_input = token.substr(0, second_dot);
    std::string_view header_part = token.substr(0, first_dot);
    std::string_view payload_part = token.substr(first_dot + 1, second_dot - first_dot - 1);
    std::string_view signature_part = token.substr(second_dot + 1);

    std::optional<json> header = object_part(header_part);
    if (!header) refuse("malformed", "the token header is not a base64url JSON object");
    auto alg = header->find("alg");
    if (alg == header->end() || !alg->is_string() || alg->get_ref<const std::string&>() != "HS256")
        refuse("algorithm", "the token is not signed with HS256");
    if (header->contains("crit")) refuse("malformed", "the token has critical header parameters");  // none known
    auto kid = header->find("kid");
    if (kid == header->end()) refuse("unknown_key", "the token names no key");
    if (!kid->is_string()) refuse("malformed", "the token's key id is not a string");
    const JwtKey* key = key_for(kid->get_ref<const std::string&>());
    if (key == nullptr || key->secret.size() < kMinSecretBytes) refuse("unknown_key", "the token's key is unknown");

    std::optional<std::string> signature = base64url_decode(signature_part);
    if (!signature) refuse("malformed", "the token signature is not base64url");
    if (!constant_time_equal(*signature, signature_of(signing_input, *key)))
        refuse("signature", "the token signature is wrong");

    // Only a token this service signed gets here, so what follows is about validity, not authenticity.
    std::optional<json> claims = object_part(payload_part);
    if (!claims) refuse("malformed", "the token claims are not a base64url JSON object");

    // now ± leeway, saturated at the int64 range rather than overflowing.
    constexpr int64_t min = std::numeric_limits<int64_t>::min();
    constexpr int64_t max = std::numeric_limits<int64_t>::max();
    int64_t earliest = now_seconds < min + leeway_seconds ? min : now_seconds - leeway_seconds;
    int64_t latest = now_seconds > max - leeway_seconds ? max : now_seconds + leeway_seconds;

    auto exp = claims->find("exp");
    if (exp == claims->end()) refuse("malformed", "the token has no expiry");
    std::optional<int64_t> expires = integer(*exp);
    if (!expires) refuse("malformed", "the token expiry is not an integer");
    if (*expires <= earliest) refuse("expired", "the token has expired");
    for (const char* name : {"nbf", "iat"}) {
        auto claim = claims->find(name);
        if (claim == claims->end()) continue;
        std::optional<int64_t> moment = integer(*claim);
        if (!moment) refuse("malformed", std::string("the token's ") + name + " is not an integer");
        if (*moment > latest) refuse("not_yet_valid", "the token is not valid yet");
    }
    return std::move(*claims);
}

}  // namespace commerce
