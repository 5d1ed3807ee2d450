// A licence key of a digital variant, as stored: only its keyed digest and its sealed text, never the key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace commerce {

struct LicenceKey {
    std::string id;  // time-ordered: the pool hands out the oldest first
    std::string variant_id;
    std::string digest;  // HMAC-SHA-256 of the key under the engine's digest key: finds duplicates
    std::string sealed;  // AES-256-GCM under the engine's seal key, bound to the id
    std::optional<std::string> order_id;
    std::optional<int64_t> order_line;
    int64_t imported_ms = 0;
    std::optional<int64_t> assigned_ms;
};

struct LicencePoolCounts {
    int64_t available = 0;
    int64_t assigned = 0;
};

}  // namespace commerce
