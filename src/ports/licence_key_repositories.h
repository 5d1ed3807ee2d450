// The storage port for licence keys: a pool per digital variant, sealed at rest, each key handed out once.
#pragma once

#include "domain/licence/licence_key.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

class LicenceKeyRepository {
public:
    virtual ~LicenceKeyRepository() = default;
    // The kind of the variant's product ("physical" | "digital"); nullopt when there is no such variant.
    virtual std::optional<std::string> variant_kind(std::string_view variant_id) = 0;
    // Adds the key unless the variant's pool already has one with the same digest; false then.
    virtual bool insert(const LicenceKey& key) = 0;
    virtual LicencePoolCounts counts(std::string_view variant_id) = 0;
    // Hands the `quantity` oldest available keys of the variant to the order line in one guarded UPDATE (a key
    // whose order_id is set is never taken again) and returns them oldest first; fewer when the pool runs dry.
    virtual std::vector<LicenceKey> assign(std::string_view variant_id, std::string_view order_id, int64_t order_line,
                                           int64_t quantity, int64_t now_ms) = 0;
    // The keys handed out to an order, by line then age.
    virtual std::vector<LicenceKey> for_order(std::string_view order_id) = 0;
};

}  // namespace commerce
