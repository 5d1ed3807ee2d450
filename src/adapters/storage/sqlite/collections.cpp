#include "adapters/storage/sqlite/catalog_repositories.h"

namespace commerce::sqlite {

void SqliteCollections::write_members(const Collection& collection) {
    db_.query("DELETE FROM collection_products WHERE collection_id = ?1").bind(1, collection.id).run();
    int64_t position = 0;
    for (const auto& product_id : collection.product_ids)
        db_.query("INSERT INTO collection_products (collection_id, product_id, position) VALUES (?1, ?2, ?3)")
            .bind(1, collection.id).bind(2, product_id).bind(3, position++).run();
}

void SqliteCollections::insert(const Collection& collection) {
    db_.query("INSERT INTO collections (id, slug, title, description, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, collection.id).bind(2, collection.slug).bind(3, collection.title).bind(4, collection.description)
        .bind(5, collection.created_ms).bind(6, collection.updated_ms).run();
    write_members(collection);
}

void SqliteCollections::update(const Collection& collection) {
    db_.query("UPDATE collections SET slug = ?2, title = ?3, description = ?4, updated_ms = ?5 WHERE id = ?1")
        .bind(1, collection.id).bind(2, collection.slug).bind(3, collection.title).bind(4, collection.description)
        .bind(5, collection.updated_ms).run();
    write_members(collection);
}

std::optional<Collection> SqliteCollections::load(Query& row) {
    if (!row.step()) return std::nullopt;
    Collection collection{row.text(0), row.text(1), row.text(2), row.text(3), {}, row.integer(4), row.integer(5)};
    auto members = db_.query("SELECT product_id FROM collection_products WHERE collection_id = ?1 ORDER BY position");
    members.bind(1, collection.id);
    while (members.step()) collection.product_ids.push_back(members.text(0));
    return collection;
}

std::optional<Collection> SqliteCollections::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, slug, title, description, created_ms, updated_ms FROM collections WHERE id = ?1");
    row.bind(1, id);
    return load(row);
}

std::optional<Collection> SqliteCollections::by_slug(std::string_view slug) {
    auto row = db_.query("SELECT id, slug, title, description, created_ms, updated_ms FROM collections WHERE slug = ?1");
    row.bind(1, slug);
    return load(row);
}

bool SqliteCollections::slug_taken(std::string_view slug, std::string_view except_id) {
    auto row = db_.query("SELECT 1 FROM collections WHERE slug = ?1 AND id <> ?2");
    row.bind(1, slug).bind(2, except_id);
    return row.step();
}

bool SqliteCollections::remove(std::string_view id) {
    db_.query("DELETE FROM collections WHERE id = ?1").bind(1, id).run();
    return db_.changes() > 0;
}

}  // namespace commerce::sqlite
