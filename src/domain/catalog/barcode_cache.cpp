#include "domain/catalog/barcode_cache.h"

#include <algorithm>
#include <mutex>

namespace commerce {

std::optional<SerializedDocument> BarcodeCache::find(const std::string& code, int64_t committed,
                                                     int64_t now_ms) const {
    std::shared_lock lock(mutex_);
    // A cache ahead of `committed` is fine: the commits in between landed while this scan was running.
    if (revision_ < committed) return std::nullopt;
    auto it = entries_.find(code);
    if (it == entries_.end()) return std::nullopt;
    const Entry& entry = it->second;
    if (now_ms < entry.made_ms || (entry.until_ms && now_ms >= *entry.until_ms)) return std::nullopt;
    return entry.document;
}

int64_t BarcodeCache::catch_up(CatalogChanges& changes) {
    const int64_t revision = changes.revision();
    int64_t from = 0;
    {
        std::shared_lock lock(mutex_);
        if (revision_ >= revision) return revision;
        from = revision_;
    }
    // The log is read without the lock, so that scans go on meanwhile. Before the first catch-up there is nothing
    // to drop; if another thread moved the cache in between, the log is read again from where it got to (rare).
    std::vector<std::string> changed;
    if (from >= 0) changed = changes.changed_since(from);
    std::unique_lock lock(mutex_);
    if (revision_ >= revision) return revision;
    if (revision_ != from) changed = changes.changed_since(revision_);
    for (const auto& product_id : changed) forget_product(product_id);
    revision_ = revision;
    return revision;
}

void BarcodeCache::store(const std::string& code, int64_t revision, Entry entry) {
    std::unique_lock lock(mutex_);
    if (revision != revision_) return;
    forget(code);
    if (entries_.size() >= kCapacity) make_room(code);
    codes_of_[entry.product_id].push_back(code);
    entries_.emplace(code, std::move(entry));
}

void BarcodeCache::forget(const std::string& code) {
    auto it = entries_.find(code);
    if (it == entries_.end()) return;
    auto owner = codes_of_.find(it->second.product_id);
    std::erase(owner->second, code);
    if (owner->second.empty()) codes_of_.erase(owner);
    entries_.erase(it);
}

void BarcodeCache::forget_product(const std::string& product_id) {
    auto owner = codes_of_.find(product_id);
    if (owner == codes_of_.end()) return;
    for (const auto& code : owner->second) entries_.erase(code);
    codes_of_.erase(owner);
}

// Drops the first entry of the first non-empty bucket at or after the incoming code's: the hash makes that close
// to a random choice, which serves a till's working set nearly as well as LRU and costs the scans nothing.
void BarcodeCache::make_room(const std::string& incoming_code) {
    const std::size_t buckets = entries_.bucket_count();
    std::size_t bucket = entries_.bucket(incoming_code);
    while (entries_.bucket_size(bucket) == 0) bucket = (bucket + 1) % buckets;
    forget(std::string(entries_.begin(bucket)->first));
}

}  // namespace commerce
