// Whole products kept in memory for every connection of one storage. Pricing a cart reads each of its products on
// every call, and a product is read far more often than it changes: a hit costs a hash lookup (and a copy only for
// a caller that wants its own, ProductRepository::by_id) instead of nine queries.
//
// Staying true: the catalog's change log (catalog_changes.h) names every product changed after a revision,
// whoever wrote it, in this process or another. The entries are true as of the cache's revision, so only a
// transaction whose snapshot is at exactly that revision may use them. A read transaction whose snapshot is newer
// first drops the products changed since (catch_up); one whose snapshot is older reads the file. A write
// transaction catches the cache up as it begins, before it has written anything. While it has not changed the
// catalog, its snapshot is still the cache's revision (it holds the file's write lock, so nothing else can
// commit) and what it reads is committed, so it may use and fill the cache; once it has changed the catalog its
// snapshot is past the cache's, and it reads the file without keeping what it read, which may still roll back.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "domain/catalog/product.h"
#include "ports/catalog_repositories.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace commerce::sqlite {

class ProductCache {
public:
    // Memory stays bounded; past this, each new product replaces an arbitrary one.
    static constexpr std::size_t kCapacity = 1 << 14;

    // The product, when it is cached and the cache is at `snapshot`.
    std::shared_ptr<const Product> product(std::string_view id, int64_t snapshot) const;
    // The product of a variant of a cached product, when the cache is at `snapshot`.
    std::optional<VariantKey> variant(std::string_view variant_id, int64_t snapshot) const;

    // Drops the products changed after the cache's revision up to `snapshot`, a committed revision (the
    // connection's in a read transaction, or a writer's before it writes), and moves the cache there.
    void catch_up(Connection& db, int64_t snapshot);

    // Keeps a product loaded at `snapshot`, unless the cache is elsewhere.
    void store(std::shared_ptr<const Product> product, int64_t snapshot);

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    template <typename Value>
    using ById = std::unordered_map<std::string, Value, Hash, std::equal_to<>>;

    void forget(const std::string& product_id);

    mutable std::shared_mutex mutex_;  // lookups share it; catching up and storing take it alone
    int64_t revision_ = -1;            // the entries are true as of this revision; -1 before the first catch-up
    ById<std::shared_ptr<const Product>> products_;
    ById<std::string> product_of_variant_;  // the variants of the cached products
};

}  // namespace commerce::sqlite
