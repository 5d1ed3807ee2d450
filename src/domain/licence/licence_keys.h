// Licence keys of digital variants: imported into a pool per variant, sealed at rest and deduplicated by a keyed
// digest, and handed out oldest first, one per unit sold, never twice.
#pragma once

#include "core/actor.h"
#include "core/ids.h"
#include "ports/storage.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace commerce {

inline constexpr std::size_t kMaxLicenceKeyBytes = 256;
inline constexpr std::size_t kMaxLicenceKeysPerImport = 10000;

// The engine keys a pool works with: 32 bytes each.
struct LicenceKeyring {
    std::string_view seal;    // AES-256-GCM
    std::string_view digest;  // HMAC-SHA-256
};

struct LicenceImport {
    int64_t imported = 0;
    int64_t skipped = 0;  // already in the pool, or repeated in the same import
};

// Imports keys_json (["AAAA-BBBB", ...]) into a digital variant's pool ("catalog.write"). INVALID_ARGUMENT
// (field "keys") for anything but 1..10000 keys of 1..256 bytes of UTF-8; NOT_FOUND for an unknown variant;
// ILLEGAL_STATE for a physical one.
LicenceImport import_licence_keys(Transaction& tx, IdGenerator& ids, int64_t now_ms, const LicenceKeyring& keyring,
                                  const Actor& actor, std::string_view variant_id, const nlohmann::json& keys);

// The pool's counts ("catalog.write"); NOT_FOUND for an unknown variant.
LicencePoolCounts licence_pool(Transaction& tx, const Actor& actor, std::string_view variant_id);

// For checkout, inside the order's transaction: hands `quantity` keys of the variant's pool to the order line and
// returns them in clear, oldest first. A variant without a pool (no key ever imported) sells without keys and
// gets none back. OUT_OF_STOCK (details {"variant_id", "available"}) when the pool has fewer keys left; the
// caller's transaction then rolls back, so no key is taken. STORAGE when a key does not open under the seal key.
std::vector<std::string> hand_out_licence_keys(Transaction& tx, std::string_view seal_key, std::string_view variant_id,
                                               std::string_view order_id, int64_t order_line, int64_t quantity,
                                               int64_t now_ms);

struct IssuedLicenceKey {
    int64_t order_line = 0;
    std::string variant_id;
    std::string key;
};

// The keys an order holds, in clear, for the order document ("licence_keys": [{"line", "variant_id", "key"}]).
std::vector<IssuedLicenceKey> licence_keys_of_order(Transaction& tx, std::string_view seal_key,
                                                    std::string_view order_id);

nlohmann::json licence_pool_document(std::string_view variant_id, const LicencePoolCounts& counts,
                                     const LicenceImport* import);

}  // namespace commerce
