#include "engine/config.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"

namespace commerce {

EngineConfig EngineConfig::parse(const char* config_json) {
    const json config = parse_object(config_json, "config");
    reject_unknown_members(config, "the engine config",
                           {"path", "key", "durability", "cache_size_kib", "busy_timeout_ms", "read_connections",
                            "password_hashing", "session_ttl_seconds"});
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

    if (auto it = config.find("password_hashing"); it != config.end()) {
        if (!it->is_object()) throw_invalid("password_hashing", "password_hashing must be an object");
        reject_unknown_members(*it, "password_hashing", {"memory_kib", "iterations", "parallelism"});
        auto& hashing = parsed.accounts.hashing;
        // Lower bounds are argon2's own minimums; tests lower the cost, production keeps the OWASP defaults.
        hashing.memory_kib = static_cast<uint32_t>(optional_integer(*it, "memory_kib", 8, 4 * 1024 * 1024).value_or(hashing.memory_kib));
        hashing.iterations = static_cast<uint32_t>(optional_integer(*it, "iterations", 1, 100).value_or(hashing.iterations));
        hashing.parallelism = static_cast<uint32_t>(optional_integer(*it, "parallelism", 1, 64).value_or(hashing.parallelism));
        if (hashing.memory_kib < 8 * hashing.parallelism)
            throw_invalid("password_hashing.memory_kib", "memory_kib must be at least 8 x parallelism");
    }
    if (auto ttl = optional_integer(config, "session_ttl_seconds", 60, 365LL * 24 * 3600))
        parsed.accounts.session_ttl_ms = *ttl * 1000;
    return parsed;
}

}  // namespace commerce
