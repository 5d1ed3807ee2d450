// The SQLite implementations of the catalog's repositories (see ports/catalog_repositories.h).
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "adapters/storage/sqlite/product_cache.h"
#include "ports/catalog_repositories.h"

#include <optional>

namespace commerce::sqlite {

class SqliteProducts final : public ProductRepository {
public:
    // `writable`: the transaction may change the catalog, so its revision is read afresh (product_cache.h).
    SqliteProducts(Connection& db, ProductCache& cache, bool writable) : db_(db), cache_(cache), writable_(writable) {}
    void insert(const Product& product) override;
    void update(const Product& product) override;
    std::optional<Product> by_id(std::string_view id) override;
    std::shared_ptr<const Product> shared_by_id(std::string_view id) override;
    std::optional<Product> by_slug(std::string_view slug) override;
    bool remove(std::string_view id) override;
    bool slug_taken(std::string_view slug, std::string_view except_id) override;
    std::optional<VariantKey> variant_by_id(std::string_view variant_id) override;
    std::optional<VariantKey> variant_by_sku(std::string_view sku) override;
    std::optional<VariantKey> variant_by_barcode(std::string_view normalized_barcode) override;
    std::optional<Product> by_barcode(std::string_view normalized_barcode) override;
    std::vector<Product> page(const ProductQuery& query) override;
    int64_t count(const ProductQuery& query) override;
    void add_units_sold(std::string_view product_id, int64_t quantity) override;
    std::vector<std::string> tax_classes_in_use() override;

private:
    // products.cpp: the children of a product, rewritten on insert and update.
    void write_children(const Product& product);
    // variants.cpp
    void write_variants(const Product& product);
    std::vector<Variant> load_variants(std::string_view product_id);
    std::vector<Variant> load_variants_with_barcode(std::string_view normalized_barcode);
    std::vector<Variant> read_variants(Query& rows);  // rows of VARIANT_COLUMNS, then each variant's prices
    std::optional<VariantKey> variant_key(Query& row);
    // product_reads.cpp
    Product load_row(Query& row);
    void load_children(Product& product);
    std::optional<Product> load_whole(Query& row);  // the row's product with every child, or none
    // The catalog revision of the transaction's snapshot; a read transaction reads it once and catches the cache up.
    int64_t snapshot_revision();
    Connection& db_;
    ProductCache& cache_;
    const bool writable_;
    std::optional<int64_t> read_snapshot_;  // a read transaction's snapshot_revision, once read
};

class SqliteCategories final : public CategoryRepository {
public:
    explicit SqliteCategories(Connection& db) : db_(db) {}
    void insert(const Category& category) override;
    void update(const Category& category) override;
    std::optional<Category> by_id(std::string_view id) override;
    bool slug_taken(std::string_view slug, std::string_view except_id) override;
    int64_t child_count(const std::optional<std::string>& parent_id) override;
    void shift_positions(const std::optional<std::string>& parent_id, int64_t from_position, int64_t delta) override;
    void replace_path_prefix(std::string_view old_prefix, std::string_view new_prefix) override;
    std::vector<Category> subtree(std::string_view path) override;
    std::vector<Category> all() override;
    int64_t product_count(std::string_view path) override;
    std::vector<std::string> product_ids(std::string_view path) override;
    void remove(std::string_view id) override;

private:
    Connection& db_;
};

class SqliteCollections final : public CollectionRepository {
public:
    explicit SqliteCollections(Connection& db) : db_(db) {}
    void insert(const Collection& collection) override;
    void update(const Collection& collection) override;
    std::optional<Collection> by_id(std::string_view id) override;
    std::optional<Collection> by_slug(std::string_view slug) override;
    bool slug_taken(std::string_view slug, std::string_view except_id) override;
    bool remove(std::string_view id) override;

private:
    void write_members(const Collection& collection);
    std::optional<Collection> load(Query& row);
    Connection& db_;
};

}  // namespace commerce::sqlite
