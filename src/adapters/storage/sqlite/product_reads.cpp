#include "adapters/storage/sqlite/catalog_repositories.h"

#include "adapters/storage/sqlite/catalog_changes.h"

// Reading products whole, and the filtered lists of the admin screens.
namespace commerce::sqlite {

#define PRODUCT_COLUMNS                                                                                        \
    "SELECT id, slug, kind, status, publish_at_ms, title, description, seo_title, seo_description, attributes, " \
    "licence_type, asset_ref, rating_count, rating_sum, units_sold, version, created_ms, updated_ms, tax_class "   \
    "FROM products "

// Filters bound as ?1..?5; an empty text does not filter. Searches use instr(), so '%' and '_' are literal.
#define PRODUCT_FILTER                                                                                             \
    "WHERE (?1 = '' OR p.status = ?1) "                                                                            \
    "AND (?2 = '' OR p.id IN (SELECT pc.product_id FROM product_categories pc "                                    \
    "     JOIN categories c ON c.id = pc.category_id JOIN categories top ON top.id = ?2 "                          \
    "     WHERE substr(c.path, 1, length(top.path)) = top.path)) "                                                 \
    "AND (?3 = '' OR p.id IN (SELECT product_id FROM collection_products WHERE collection_id = ?3)) "              \
    "AND (?4 = '' OR p.id IN (SELECT product_id FROM product_tags WHERE tag = ?4)) "                               \
    "AND (?5 = '' OR instr(lower(p.title), lower(?5)) > 0 OR instr(p.slug, lower(?5)) > 0 "                        \
    "     OR p.id IN (SELECT product_id FROM variants WHERE instr(lower(sku), lower(?5)) > 0)) "

Product SqliteProducts::load_row(Query& row) {
    Product product;
    product.id = row.text(0);
    product.slug = row.text(1);
    product.kind = row.text(2);
    product.status = row.text(3);
    product.publish_at_ms = row.optional_integer(4);
    product.title = row.text(5);
    product.description = row.text(6);
    product.seo = {row.optional_text(7), row.optional_text(8)};
    product.attributes = nlohmann::json::parse(row.text(9));
    product.licence_type = row.optional_text(10);
    product.asset = row.optional_text(11);
    product.rating_count = row.integer(12);
    product.rating_sum = row.integer(13);
    product.units_sold = row.integer(14);
    product.version = row.integer(15);
    product.created_ms = row.integer(16);
    product.updated_ms = row.integer(17);
    product.tax_class = row.text(18);
    return product;
}

void SqliteProducts::load_children(Product& product) {
    auto options = db_.query("SELECT name, \"values\" FROM product_options WHERE product_id = ?1 ORDER BY position");
    options.bind(1, product.id);
    while (options.step())
        product.options.push_back({options.text(0), nlohmann::json::parse(options.text(1)).get<std::vector<std::string>>()});

    auto images = db_.query("SELECT url, alt FROM product_images WHERE product_id = ?1 ORDER BY position");
    images.bind(1, product.id);
    while (images.step()) product.images.push_back({images.text(0), images.text(1)});

    auto tags = db_.query("SELECT tag FROM product_tags WHERE product_id = ?1 ORDER BY tag");
    tags.bind(1, product.id);
    while (tags.step()) product.tags.push_back(tags.text(0));

    auto categories = db_.query("SELECT category_id FROM product_categories WHERE product_id = ?1 ORDER BY category_id");
    categories.bind(1, product.id);
    while (categories.step()) product.category_ids.push_back(categories.text(0));

    auto translations = db_.query("SELECT locale, title, description, seo_title, seo_description, option_names "
                                  "FROM product_translations WHERE product_id = ?1");
    translations.bind(1, product.id);
    while (translations.step())
        product.translations[translations.text(0)] = {
            translations.optional_text(1), translations.optional_text(2),
            {translations.optional_text(3), translations.optional_text(4)},
            nlohmann::json::parse(translations.text(5)).get<std::map<std::string, std::string>>()};

    product.variants = load_variants(product.id);
}

std::optional<Product> SqliteProducts::load_whole(Query& row) {
    if (!row.step()) return std::nullopt;
    Product product = load_row(row);
    load_children(product);
    return product;
}

int64_t SqliteProducts::snapshot_revision() {
    if (writable_) return catalog_revisions(db_).products;  // moves with the transaction's own writes
    if (!read_snapshot_) {
        read_snapshot_ = catalog_revisions(db_).products;
        cache_.catch_up(db_, *read_snapshot_);
    }
    return *read_snapshot_;
}

std::shared_ptr<const Product> SqliteProducts::shared_by_id(std::string_view id) {
    const int64_t snapshot = snapshot_revision();
    if (auto cached = cache_.product(id, snapshot)) return cached;
    auto row = db_.query(PRODUCT_COLUMNS "WHERE id = ?1");
    row.bind(1, id);
    auto loaded = load_whole(row);
    if (!loaded) return nullptr;
    auto product = std::make_shared<const Product>(std::move(*loaded));
    cache_.store(product, snapshot);
    return product;
}

std::optional<Product> SqliteProducts::by_id(std::string_view id) {
    if (auto product = shared_by_id(id)) return *product;
    return std::nullopt;
}

std::optional<Product> SqliteProducts::by_slug(std::string_view slug) {
    auto row = db_.query(PRODUCT_COLUMNS "WHERE slug = ?1");
    row.bind(1, slug);
    return load_whole(row);
}

std::optional<Product> SqliteProducts::by_barcode(std::string_view normalized_barcode) {
    auto row = db_.query(PRODUCT_COLUMNS "WHERE id = (SELECT product_id FROM variants WHERE barcode = ?1)");
    row.bind(1, normalized_barcode);
    if (!row.step()) return std::nullopt;
    Product product = load_row(row);
    product.variants = load_variants_with_barcode(normalized_barcode);
    return product;
}

std::vector<Product> SqliteProducts::page(const ProductQuery& query) {
    auto rows = db_.query("SELECT p.id FROM products p " PRODUCT_FILTER "AND p.id > ?6 ORDER BY p.id LIMIT ?7 OFFSET ?8");
    rows.bind(1, query.status).bind(2, query.category_id).bind(3, query.collection_id).bind(4, query.tag)
        .bind(5, query.search).bind(6, query.after_id).bind(7, query.limit).bind(8, query.offset);
    std::vector<std::string> ids;
    while (rows.step()) ids.push_back(rows.text(0));
    std::vector<Product> products;
    for (const auto& id : ids) products.push_back(*by_id(id));
    return products;
}

int64_t SqliteProducts::count(const ProductQuery& query) {
    auto row = db_.query("SELECT count(*) FROM products p " PRODUCT_FILTER);
    row.bind(1, query.status).bind(2, query.category_id).bind(3, query.collection_id).bind(4, query.tag)
        .bind(5, query.search).step();
    return row.integer(0);
}

}  // namespace commerce::sqlite
