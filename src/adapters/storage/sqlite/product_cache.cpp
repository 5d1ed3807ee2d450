#include "adapters/storage/sqlite/product_cache.h"

#include "adapters/storage/sqlite/catalog_changes.h"

#include <mutex>

namespace commerce::sqlite {

std::shared_ptr<const Product> ProductCache::product(std::string_view id, int64_t snapshot) const {
    std::shared_lock lock(mutex_);
    if (revision_ != snapshot) return nullptr;
    auto found = products_.find(id);
    return found == products_.end() ? nullptr : found->second;
}

std::optional<VariantKey> ProductCache::variant(std::string_view variant_id, int64_t snapshot) const {
    std::shared_lock lock(mutex_);
    if (revision_ != snapshot) return std::nullopt;
    auto found = product_of_variant_.find(variant_id);
    if (found == product_of_variant_.end()) return std::nullopt;
    return VariantKey{found->second, std::string(variant_id)};
}

void ProductCache::catch_up(Connection& db, int64_t snapshot) {
    {
        std::shared_lock lock(mutex_);
        if (revision_ >= snapshot) return;
    }
    std::unique_lock lock(mutex_);
    if (revision_ >= snapshot) return;
    // The log read under the lock is one indexed query; before the first catch-up there is nothing to drop.
    if (revision_ >= 0)
        for (const auto& product_id : products_changed_since(db, revision_)) forget(product_id);
    revision_ = snapshot;
}

void ProductCache::store(std::shared_ptr<const Product> product, int64_t snapshot) {
    std::unique_lock lock(mutex_);
    if (revision_ != snapshot) return;
    forget(product->id);
    if (products_.size() >= kCapacity) forget(std::string(products_.begin()->first));
    for (const auto& variant : product->variants) product_of_variant_[variant.id] = product->id;
    products_.emplace(product->id, std::move(product));
}

void ProductCache::forget(const std::string& product_id) {
    auto found = products_.find(product_id);
    if (found == products_.end()) return;
    for (const auto& variant : found->second->variants) product_of_variant_.erase(variant.id);
    products_.erase(found);
}

}  // namespace commerce::sqlite
