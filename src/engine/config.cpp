#include "engine/config.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "domain/cart/cart_items.h"
#include "domain/catalog/locale.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {

constexpr int64_t kDay = 24 * 3600;
constexpr std::size_t kMinKeyBytes = 32;

const json* optional_object(const json& parent, const char* member, const std::string& field) {
    auto it = parent.find(member);
    if (it == parent.end()) return nullptr;
    if (!it->is_object()) throw_invalid(field, field + " must be an object");
    return &*it;
}

int64_t seconds_to_ms(const json& object, const char* member, int64_t min, int64_t max, int64_t default_ms) {
    auto seconds = optional_integer(object, member, min, max);
    return seconds ? *seconds * 1000 : default_ms;
}

void parse_hashing(const json& hashing_json, PasswordHashing& hashing) {
    reject_unknown_members(hashing_json, "password_hashing", {"memory_kib", "iterations", "parallelism"});
    // Lower bounds are argon2's own minimums; tests lower the cost, production keeps the OWASP defaults.
    hashing.memory_kib = static_cast<uint32_t>(
        optional_integer(hashing_json, "memory_kib", 8, 4 * 1024 * 1024).value_or(hashing.memory_kib));
    hashing.iterations =
        static_cast<uint32_t>(optional_integer(hashing_json, "iterations", 1, 100).value_or(hashing.iterations));
    hashing.parallelism =
        static_cast<uint32_t>(optional_integer(hashing_json, "parallelism", 1, 64).value_or(hashing.parallelism));
    if (hashing.memory_kib < 8 * hashing.parallelism)
        throw_invalid("password_hashing.memory_kib", "memory_kib must be at least 8 x parallelism");
}

void parse_jwt(const json& jwt_json, JwtSettings& jwt) {
    reject_unknown_members(jwt_json, "identity.jwt", {"keys", "signing_kid", "ttl_seconds"});
    auto keys = jwt_json.find("keys");
    if (keys == jwt_json.end() || !keys->is_array() || keys->empty())
        throw_invalid("identity.jwt.keys", "identity.jwt.keys must be a non-empty array of {kid, secret}");
    for (const auto& key : *keys) {
        if (!key.is_object()) throw_invalid("identity.jwt.keys", "each key must be an object {kid, secret}");
        reject_unknown_members(key, "a JWT key", {"kid", "secret"});
        JwtKey parsed{required_string(key, "kid", kMaxShortText), required_string(key, "secret", 1024)};
        if (parsed.kid.empty()) throw_invalid("identity.jwt.keys.kid", "a JWT key needs a kid");
        if (parsed.secret.size() < kMinKeyBytes)
            throw_invalid("identity.jwt.keys.secret", "an HS256 secret needs at least 32 bytes");
        jwt.keys.push_back(std::move(parsed));
    }
    jwt.signing_kid = optional_string(jwt_json, "signing_kid", kMaxShortText).value_or(jwt.keys.front().kid);
    bool known = false;
    for (const auto& key : jwt.keys) known = known || key.kid == jwt.signing_kid;
    if (!known) throw_invalid("identity.jwt.signing_kid", "signing_kid must name one of the keys");
    jwt.ttl_seconds = optional_integer(jwt_json, "ttl_seconds", 30, kDay).value_or(jwt.ttl_seconds);
}

void parse_identity(const json& identity_json, IdentitySettings& identity) {
    reject_unknown_members(identity_json, "identity",
                           {"session_absolute_seconds", "session_idle_seconds", "verification_ttl_seconds",
                            "reset_ttl_seconds", "unverified_users", "social_signup", "issuer", "lockout", "jwt",
                            "common_passwords"});
    identity.session_absolute_ms =
        seconds_to_ms(identity_json, "session_absolute_seconds", 60, 365 * kDay, identity.session_absolute_ms);
    identity.session_idle_ms =
        seconds_to_ms(identity_json, "session_idle_seconds", 60, 365 * kDay, identity.session_idle_ms);
    identity.verification_ttl_ms =
        seconds_to_ms(identity_json, "verification_ttl_seconds", 60, 30 * kDay, identity.verification_ttl_ms);
    identity.reset_ttl_ms = seconds_to_ms(identity_json, "reset_ttl_seconds", 60, kDay, identity.reset_ttl_ms);
    if (auto unverified = optional_string(identity_json, "unverified_users", 16)) {
        if (*unverified == "allow") identity.unverified_users = UnverifiedUsers::allow;
        else if (*unverified == "no_checkout") identity.unverified_users = UnverifiedUsers::no_checkout;
        else if (*unverified == "no_login") identity.unverified_users = UnverifiedUsers::no_login;
        else throw_invalid("identity.unverified_users", "unverified_users must be allow, no_checkout or no_login");
    }
    identity.social_signup = optional_bool(identity_json, "social_signup").value_or(identity.social_signup);
    identity.issuer = optional_string(identity_json, "issuer", 64).value_or(identity.issuer);
    if (identity.issuer.empty() || identity.issuer.find(':') != std::string::npos)
        throw_invalid("identity.issuer", "issuer must be non-empty text without ':'");
    if (const json* lockout = optional_object(identity_json, "lockout", "identity.lockout")) {
        reject_unknown_members(*lockout, "identity.lockout", {"threshold", "base_seconds", "max_seconds"});
        auto& policy = identity.lockout;
        policy.threshold = optional_integer(*lockout, "threshold", 1, 100).value_or(policy.threshold);
        policy.base_seconds = optional_integer(*lockout, "base_seconds", 1, kDay).value_or(policy.base_seconds);
        policy.max_seconds = optional_integer(*lockout, "max_seconds", 1, kDay).value_or(policy.max_seconds);
        if (policy.max_seconds < policy.base_seconds)
            throw_invalid("identity.lockout.max_seconds", "max_seconds must be at least base_seconds");
    }
    if (const json* jwt = optional_object(identity_json, "jwt", "identity.jwt")) parse_jwt(*jwt, identity.jwt);
    if (auto it = identity_json.find("common_passwords"); it != identity_json.end()) {
        if (!it->is_array()) throw_invalid("identity.common_passwords", "common_passwords must be an array of text");
        for (const auto& password : *it) {
            if (!password.is_string())
                throw_invalid("identity.common_passwords", "common_passwords must be an array of text");
            identity.extra_common_passwords.push_back(password.get<std::string>());
        }
    }
}

// Locales are canonicalised here once, so every later comparison is plain string equality.
void parse_catalog(const json& catalog_json, CatalogSettings& catalog) {
    reject_unknown_members(catalog_json, "catalog", {"default_locale", "locales"});
    auto canonical = [](const std::string& tag, const char* field) {
        auto locale = canonical_locale(tag);
        if (!locale)
            throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("'{}' is not a locale ICU knows", tag),
                        {{"field", field}, {"reason", "unknown_locale"}});
        return *locale;
    };
    if (auto it = catalog_json.find("locales"); it != catalog_json.end()) {
        if (!it->is_array() || it->empty() || it->size() > 200)
            throw_invalid("catalog.locales", "catalog.locales must be an array of 1 to 200 BCP 47 tags");
        for (const auto& tag : *it) {
            if (!tag.is_string()) throw_invalid("catalog.locales", "catalog.locales must hold strings");
            catalog.locales.push_back(canonical(tag.get<std::string>(), "catalog.locales"));
        }
    }
    const auto default_locale = optional_string(catalog_json, "default_locale", 32);
    catalog.default_locale = default_locale ? canonical(*default_locale, "catalog.default_locale")
                                            : (catalog.locales.empty() ? catalog.default_locale : catalog.locales.front());
    if (!catalog.locales.empty() &&
        std::find(catalog.locales.begin(), catalog.locales.end(), catalog.default_locale) == catalog.locales.end())
        throw_invalid("catalog.default_locale", "catalog.default_locale must be one of catalog.locales");
}

void parse_carts(const json& carts_json, CartSettings& carts) {
    reject_unknown_members(carts_json, "carts",
                           {"merge_policy", "abandon_after_minutes", "expire_after_days", "max_line_quantity"});
    if (auto policy = optional_string(carts_json, "merge_policy", 32)) {
        if (*policy == "merge_quantities") carts.merge_policy = MergePolicy::merge_quantities;
        else if (*policy == "keep_user") carts.merge_policy = MergePolicy::keep_user;
        else if (*policy == "keep_guest") carts.merge_policy = MergePolicy::keep_guest;
        else throw_invalid("carts.merge_policy", "carts.merge_policy must be merge_quantities, keep_user or keep_guest");
    }
    constexpr int64_t kMinute = 60'000;
    if (auto minutes = optional_integer(carts_json, "abandon_after_minutes", 1, 30LL * 24 * 60))
        carts.abandon_after_ms = *minutes * kMinute;
    if (auto days = optional_integer(carts_json, "expire_after_days", 1, 3650)) carts.expire_after_ms = *days * 24 * 60 * kMinute;
    if (carts.expire_after_ms <= carts.abandon_after_ms)
        throw_invalid("carts.expire_after_days", "carts must expire after they are abandoned");
    carts.max_line_quantity = optional_integer(carts_json, "max_line_quantity", 1, kMaxLineQuantity).value_or(kMaxLineQuantity);
}

void parse_orders(const json& orders_json, OrderSettings& orders) {
    reject_unknown_members(orders_json, "orders", {"unpaid_expire_after_minutes"});
    if (auto minutes = optional_integer(orders_json, "unpaid_expire_after_minutes", 1, 90LL * 24 * 60))
        orders.unpaid_expire_after_ms = *minutes * 60'000;
}

}  // namespace

EngineConfig EngineConfig::parse(const char* config_json) {
    const json config = parse_object(config_json, "config");
    reject_unknown_members(config, "the engine config",
                           {"path", "key", "durability", "cache_size_kib", "busy_timeout_ms", "read_connections",
                            "password_hashing", "secret_key", "clock", "clock_start_ms", "identity", "catalog", "carts",
                            "orders"});
    EngineConfig parsed;
    parsed.storage.path = required_string(config, "path", 4096);
    if (parsed.storage.path.empty()) throw_invalid("path", "path must name a file or be \":memory:\"");
    parsed.storage.key = optional_string(config, "key", 1024).value_or("");
    const std::string durability = optional_string(config, "durability", 16).value_or("full");
    if (durability != "full" && durability != "normal")
        throw_invalid("durability", "durability must be \"full\" or \"normal\"");
    parsed.storage.full_durability = durability == "full";
    parsed.storage.cache_size_kib = optional_integer(config, "cache_size_kib", 64, 64LL * 1024 * 1024).value_or(32768);
    parsed.storage.busy_timeout_ms = optional_integer(config, "busy_timeout_ms", 0, 600'000).value_or(5000);
    parsed.storage.read_connections = static_cast<int>(optional_integer(config, "read_connections", 1, 64).value_or(4));

    if (const json* hashing = optional_object(config, "password_hashing", "password_hashing"))
        parse_hashing(*hashing, parsed.identity.hashing);
    if (const json* identity = optional_object(config, "identity", "identity"))
        parse_identity(*identity, parsed.identity);
    if (const json* catalog = optional_object(config, "catalog", "catalog")) parse_catalog(*catalog, parsed.catalog);
    if (const json* carts = optional_object(config, "carts", "carts")) parse_carts(*carts, parsed.carts);
    if (const json* orders = optional_object(config, "orders", "orders")) parse_orders(*orders, parsed.orders);

    parsed.secret_key = optional_string(config, "secret_key", 1024).value_or("");
    if (!parsed.secret_key.empty() && parsed.secret_key.size() < kMinKeyBytes)
        throw_invalid("secret_key", "secret_key needs at least 32 bytes");
    const std::string clock = optional_string(config, "clock", 16).value_or("system");
    if (clock != "system" && clock != "manual") throw_invalid("clock", "clock must be \"system\" or \"manual\"");
    parsed.manual_clock = clock == "manual";
    parsed.clock_start_ms = optional_integer(config, "clock_start_ms", 0, 253402300799999LL);
    if (parsed.clock_start_ms && !parsed.manual_clock)
        throw_invalid("clock_start_ms", "clock_start_ms needs \"clock\": \"manual\"");
    return parsed;
}

}  // namespace commerce
