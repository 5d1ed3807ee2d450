// The storage port for the catalog: products with their variants, categories, collections, the stock that the
// catalog reads and the sale writes until the inventory module owns it, and the search index hook.
#pragma once

#include "domain/catalog/category.h"
#include "domain/catalog/collection.h"
#include "domain/catalog/product.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

// Filters of product lists; empty members do not filter.
struct ProductQuery {
    std::string status;
    std::string category_id;  // the category or any of its descendants
    std::string collection_id;
    std::string tag;
    std::string search;    // in the title, the slug or a SKU, any case
    std::string after_id;  // keyset cursor: products created after this one
    int64_t offset = 0;
    int64_t limit = 50;
};

struct VariantKey {
    std::string product_id;
    std::string variant_id;
};

class ProductRepository {
public:
    virtual ~ProductRepository() = default;
    virtual void insert(const Product& product) = 0;
    // Writes every field and child list as given; variants keep their rows (and so their stock and cart lines)
    // by id, variants no longer listed are deleted.
    virtual void update(const Product& product) = 0;
    virtual std::optional<Product> by_id(std::string_view id) = 0;
    // The same product, shared and read-only (null when there is none): what pricing holds for each cart line,
    // so a storage that keeps products in memory hands out its own instead of a copy.
    virtual std::shared_ptr<const Product> shared_by_id(std::string_view id) = 0;
    virtual std::optional<Product> by_slug(std::string_view slug) = 0;
    virtual bool remove(std::string_view id) = 0;
    virtual bool slug_taken(std::string_view slug, std::string_view except_id) = 0;
    virtual std::optional<VariantKey> variant_by_id(std::string_view variant_id) = 0;
    virtual std::optional<VariantKey> variant_by_sku(std::string_view sku) = 0;
    virtual std::optional<VariantKey> variant_by_barcode(std::string_view normalized_barcode) = 0;
    // What a till needs when it scans: the product's own fields and only the variant with this barcode (with its
    // prices), none of the other children.
    virtual std::optional<Product> by_barcode(std::string_view normalized_barcode) = 0;
    // In creation (id) order.
    virtual std::vector<Product> page(const ProductQuery& query) = 0;
    virtual int64_t count(const ProductQuery& query) = 0;
    virtual void add_units_sold(std::string_view product_id, int64_t quantity) = 0;
    // The distinct tax classes products use, sorted.
    virtual std::vector<std::string> tax_classes_in_use() = 0;
};

class CategoryRepository {
public:
    virtual ~CategoryRepository() = default;
    virtual void insert(const Category& category) = 0;
    virtual void update(const Category& category) = 0;  // every field
    virtual std::optional<Category> by_id(std::string_view id) = 0;
    virtual bool slug_taken(std::string_view slug, std::string_view except_id) = 0;
    virtual int64_t child_count(const std::optional<std::string>& parent_id) = 0;
    // Adds delta to the positions of parent_id's children at from_position or after.
    virtual void shift_positions(const std::optional<std::string>& parent_id, int64_t from_position, int64_t delta) = 0;
    // Gives every category whose path starts with old_prefix the new prefix instead.
    virtual void replace_path_prefix(std::string_view old_prefix, std::string_view new_prefix) = 0;
    // The category at path and its descendants, ordered by parent then position.
    virtual std::vector<Category> subtree(std::string_view path) = 0;
    virtual std::vector<Category> all() = 0;  // ordered by parent then position
    // Distinct products in the category at path or below it.
    virtual int64_t product_count(std::string_view path) = 0;
    virtual std::vector<std::string> product_ids(std::string_view path) = 0;
    virtual void remove(std::string_view id) = 0;
};

class CollectionRepository {
public:
    virtual ~CollectionRepository() = default;
    virtual void insert(const Collection& collection) = 0;
    virtual void update(const Collection& collection) = 0;  // every field, the members replaced
    virtual std::optional<Collection> by_id(std::string_view id) = 0;
    virtual std::optional<Collection> by_slug(std::string_view slug) = 0;
    virtual bool slug_taken(std::string_view slug, std::string_view except_id) = 0;
    virtual bool remove(std::string_view id) = 0;
};

// The catalog's change log. The revision grows with every committed change to a product or to anything shown with
// it (variants, prices, stock levels, reservations, licence keys, tags, categories, translations), whoever made the
// change: this engine, another engine on the same file, another process. Caches of catalog reads follow it
// (Storage::catalog_revision is the same number read without a transaction).
class CatalogChanges {
public:
    virtual ~CatalogChanges() = default;
    // As of this transaction's snapshot.
    virtual int64_t revision() = 0;
    // The products changed after `revision` (deleted ones included), as of this transaction's snapshot.
    virtual std::vector<std::string> changed_since(int64_t revision) = 0;
};

}  // namespace commerce
