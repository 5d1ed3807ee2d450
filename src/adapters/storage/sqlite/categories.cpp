#include "adapters/storage/sqlite/catalog_repositories.h"

// Categories with materialized paths: a subtree is every path with the category's path as its prefix.
// substr() compares the prefix exactly, where LIKE would treat '_' in an id as a wildcard.
namespace commerce::sqlite {
namespace {

#define CATEGORY_COLUMNS \
    "SELECT id, parent_id, slug, name, description, position, path, created_ms, updated_ms FROM categories "

Category load(Query& row) {
    return {row.text(0), row.optional_text(1), row.text(2), row.text(3), row.text(4), row.integer(5), row.text(6),
            row.integer(7), row.integer(8)};
}

std::vector<Category> load_all(Query& rows) {
    std::vector<Category> categories;
    while (rows.step()) categories.push_back(load(rows));
    return categories;
}

}  // namespace

void SqliteCategories::insert(const Category& category) {
    db_.query("INSERT INTO categories (id, parent_id, slug, name, description, position, path, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, category.id).bind(2, category.parent_id).bind(3, category.slug).bind(4, category.name)
        .bind(5, category.description).bind(6, category.position).bind(7, category.path)
        .bind(8, category.created_ms).bind(9, category.updated_ms).run();
}

void SqliteCategories::update(const Category& category) {
    db_.query("UPDATE categories SET parent_id = ?2, slug = ?3, name = ?4, description = ?5, position = ?6, "
              "path = ?7, updated_ms = ?8 WHERE id = ?1")
        .bind(1, category.id).bind(2, category.parent_id).bind(3, category.slug).bind(4, category.name)
        .bind(5, category.description).bind(6, category.position).bind(7, category.path)
        .bind(8, category.updated_ms).run();
}

std::optional<Category> SqliteCategories::by_id(std::string_view id) {
    auto row = db_.query(CATEGORY_COLUMNS "WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return load(row);
}

bool SqliteCategories::slug_taken(std::string_view slug, std::string_view except_id) {
    auto row = db_.query("SELECT 1 FROM categories WHERE slug = ?1 AND id <> ?2");
    row.bind(1, slug).bind(2, except_id);
    return row.step();
}

int64_t SqliteCategories::child_count(const std::optional<std::string>& parent_id) {
    auto row = db_.query("SELECT count(*) FROM categories WHERE parent_id IS ?1");
    row.bind(1, parent_id).step();
    return row.integer(0);
}

void SqliteCategories::shift_positions(const std::optional<std::string>& parent_id, int64_t from_position,
                                       int64_t delta) {
    db_.query("UPDATE categories SET position = position + ?3 WHERE parent_id IS ?1 AND position >= ?2")
        .bind(1, parent_id).bind(2, from_position).bind(3, delta).run();
}

void SqliteCategories::replace_path_prefix(std::string_view old_prefix, std::string_view new_prefix) {
    db_.query("UPDATE categories SET path = ?2 || substr(path, length(?1) + 1) WHERE substr(path, 1, length(?1)) = ?1")
        .bind(1, old_prefix).bind(2, new_prefix).run();
}

std::vector<Category> SqliteCategories::subtree(std::string_view path) {
    auto rows = db_.query(CATEGORY_COLUMNS "WHERE substr(path, 1, length(?1)) = ?1 ORDER BY parent_id, position");
    rows.bind(1, path);
    return load_all(rows);
}

std::vector<Category> SqliteCategories::all() {
    auto rows = db_.query(CATEGORY_COLUMNS "ORDER BY parent_id, position");
    return load_all(rows);
}

int64_t SqliteCategories::product_count(std::string_view path) {
    auto row = db_.query("SELECT count(DISTINCT pc.product_id) FROM product_categories pc "
                         "JOIN categories c ON c.id = pc.category_id WHERE substr(c.path, 1, length(?1)) = ?1");
    row.bind(1, path).step();
    return row.integer(0);
}

std::vector<std::string> SqliteCategories::product_ids(std::string_view path) {
    auto rows = db_.query("SELECT DISTINCT pc.product_id FROM product_categories pc "
                          "JOIN categories c ON c.id = pc.category_id WHERE substr(c.path, 1, length(?1)) = ?1 "
                          "ORDER BY pc.product_id");
    rows.bind(1, path);
    std::vector<std::string> ids;
    while (rows.step()) ids.push_back(rows.text(0));
    return ids;
}

void SqliteCategories::remove(std::string_view id) {
    db_.query("DELETE FROM categories WHERE id = ?1").bind(1, id).run();
}

}  // namespace commerce::sqlite
