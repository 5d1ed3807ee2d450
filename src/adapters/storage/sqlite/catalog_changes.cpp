#include "adapters/storage/sqlite/catalog_changes.h"

namespace commerce::sqlite {

CatalogRevisions catalog_revisions(Connection& db) {
    auto row = db.query("SELECT revision, categories_revision FROM search_state WHERE id = 1");
    if (!row.step()) return {};
    return {row.integer(0), row.integer(1)};
}

std::vector<std::string> products_changed_since(Connection& db, int64_t revision) {
    std::vector<std::string> changed;
    auto rows = db.query("SELECT product_id FROM search_changes WHERE revision > ?1");
    rows.bind(1, revision);
    while (rows.step()) changed.push_back(rows.text(0));
    return changed;
}

}  // namespace commerce::sqlite
