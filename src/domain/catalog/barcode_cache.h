// Till scans served from memory. A scan's variant_match document is kept, finished, under its barcode; while the
// catalog's committed revision (ports/catalog_repositories.h) has not moved past the cache's, a scan costs that
// one revision read, a hash lookup and a copy, instead of a transaction, four queries and a JSON build.
//
// Staying true: every committed change to a product or to anything its document shows (variant, prices, stock,
// reservations, licence keys) moves the revision and names the product in the change log, whoever wrote it. The
// first scan that sees a newer revision drops the entries of the products changed since, in its own snapshot.
// Reserved stock also changes by time alone, when a reservation expires, so an entry holds only from the clock
// reading it was made at until the variant's next reservation expiry.
#pragma once

#include "core/json_output.h"
#include "ports/catalog_repositories.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace commerce {

class BarcodeCache {
public:
    struct Entry {
        std::string product_id;
        SerializedDocument document;
        int64_t made_ms = 0;               // the clock reading the stock figures were taken at
        std::optional<int64_t> until_ms;   // the variant's next reservation expiry after made_ms, if any
    };

    // Memory stays bounded (a document is about 0.5 KB); past this, each new entry replaces an arbitrary one.
    static constexpr std::size_t kCapacity = 1 << 16;

    // The document of a stored-form barcode, when it is cached, true at now_ms and the cache has caught up with
    // `committed` (Storage::catalog_revision read after the scan began).
    std::optional<SerializedDocument> find(const std::string& code, int64_t committed, int64_t now_ms) const;

    // Drops the entries of the products changed after the cache's revision, up to the transaction's snapshot, and
    // returns the snapshot's revision for store().
    int64_t catch_up(CatalogChanges& changes);

    // Keeps an entry made in a snapshot at `revision`, unless the cache has moved on since (the entry could then
    // already be out of date, with nothing left to drop it).
    void store(const std::string& code, int64_t revision, Entry entry);

private:
    void forget(const std::string& code);
    void forget_product(const std::string& product_id);
    void make_room(const std::string& incoming_code);

    mutable std::shared_mutex mutex_;  // scans share it; catching up and storing take it alone
    int64_t revision_ = -1;            // the entries are true as of this revision; -1 before the first catch-up
    std::unordered_map<std::string, Entry> entries_;                      // by stored-form barcode
    std::unordered_map<std::string, std::vector<std::string>> codes_of_;  // product id -> its cached barcodes
};

}  // namespace commerce
