#include "adapters/storage/sqlite/catalog_repositories.h"

// Writing products: the product row, then its child lists (options, images, tags, translations, categories)
// rewritten whole, and its variants kept by id (variants.cpp).
namespace commerce::sqlite {
namespace {

std::string json_text(const std::map<std::string, std::string>& map) { return nlohmann::json(map).dump(); }

}  // namespace

void SqliteProducts::insert(const Product& product) {
    db_.query("INSERT INTO products (id, slug, kind, status, publish_at_ms, title, description, seo_title, "
              "seo_description, attributes, licence_type, asset_ref, version, created_ms, updated_ms, tax_class) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
        .bind(1, product.id).bind(2, product.slug).bind(3, product.kind).bind(4, product.status)
        .bind(5, product.publish_at_ms).bind(6, product.title).bind(7, product.description)
        .bind(8, product.seo.title).bind(9, product.seo.description).bind(10, product.attributes.dump())
        .bind(11, product.licence_type).bind(12, product.asset).bind(13, product.version)
        .bind(14, product.created_ms).bind(15, product.updated_ms).bind(16, product.tax_class).run();
    write_children(product);
}

// Ratings and units sold belong to reviews and orders, which change them in their own statements.
void SqliteProducts::update(const Product& product) {
    db_.query("UPDATE products SET slug = ?2, kind = ?3, status = ?4, publish_at_ms = ?5, title = ?6, "
              "description = ?7, seo_title = ?8, seo_description = ?9, attributes = ?10, licence_type = ?11, "
              "asset_ref = ?12, version = ?13, updated_ms = ?14, tax_class = ?15 WHERE id = ?1")
        .bind(1, product.id).bind(2, product.slug).bind(3, product.kind).bind(4, product.status)
        .bind(5, product.publish_at_ms).bind(6, product.title).bind(7, product.description)
        .bind(8, product.seo.title).bind(9, product.seo.description).bind(10, product.attributes.dump())
        .bind(11, product.licence_type).bind(12, product.asset).bind(13, product.version)
        .bind(14, product.updated_ms).bind(15, product.tax_class).run();
    write_children(product);
}

void SqliteProducts::write_children(const Product& product) {
    const std::string& id = product.id;
    db_.query("DELETE FROM product_options WHERE product_id = ?1").bind(1, id).run();
    int64_t position = 0;
    for (const auto& option : product.options)
        db_.query("INSERT INTO product_options (product_id, position, name, \"values\") VALUES (?1, ?2, ?3, ?4)")
            .bind(1, id).bind(2, position++).bind(3, option.name).bind(4, nlohmann::json(option.values).dump()).run();

    db_.query("DELETE FROM product_images WHERE product_id = ?1").bind(1, id).run();
    position = 0;
    for (const auto& image : product.images)
        db_.query("INSERT INTO product_images (product_id, position, url, alt) VALUES (?1, ?2, ?3, ?4)")
            .bind(1, id).bind(2, position++).bind(3, image.url).bind(4, image.alt).run();

    db_.query("DELETE FROM product_tags WHERE product_id = ?1").bind(1, id).run();
    for (const auto& tag : product.tags)
        db_.query("INSERT INTO product_tags (product_id, tag) VALUES (?1, ?2)").bind(1, id).bind(2, tag).run();

    db_.query("DELETE FROM product_categories WHERE product_id = ?1").bind(1, id).run();
    for (const auto& category : product.category_ids)
        db_.query("INSERT INTO product_categories (product_id, category_id) VALUES (?1, ?2)")
            .bind(1, id).bind(2, category).run();

    db_.query("DELETE FROM product_translations WHERE product_id = ?1").bind(1, id).run();
    for (const auto& [locale, texts] : product.translations)
        db_.query("INSERT INTO product_translations (product_id, locale, title, description, seo_title, "
                  "seo_description, option_names) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            .bind(1, id).bind(2, locale).bind(3, texts.title).bind(4, texts.description).bind(5, texts.seo.title)
            .bind(6, texts.seo.description).bind(7, json_text(texts.option_names)).run();

    write_variants(product);
}

bool SqliteProducts::remove(std::string_view id) {
    db_.query("DELETE FROM products WHERE id = ?1").bind(1, id).run();
    return db_.changes() > 0;
}

bool SqliteProducts::slug_taken(std::string_view slug, std::string_view except_id) {
    auto query = db_.query("SELECT 1 FROM products WHERE slug = ?1 AND id <> ?2");
    query.bind(1, slug).bind(2, except_id);
    return query.step();
}

void SqliteProducts::add_units_sold(std::string_view product_id, int64_t quantity) {
    db_.query("UPDATE products SET units_sold = units_sold + ?2 WHERE id = ?1").bind(1, product_id).bind(2, quantity).run();
}

std::vector<std::string> SqliteProducts::tax_classes_in_use() {
    auto rows = db_.query("SELECT DISTINCT tax_class FROM products ORDER BY tax_class");
    std::vector<std::string> classes;
    while (rows.step()) classes.push_back(rows.text(0));
    return classes;
}

}  // namespace commerce::sqlite
