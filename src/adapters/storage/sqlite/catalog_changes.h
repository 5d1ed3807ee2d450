// The catalog's change log over SQLite: search_state and search_changes (migration 4), which triggers on every
// catalog table stamp in the writer's transaction, so the log sees every writer of the file. The search index and
// the barcode cache both follow it.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/catalog_repositories.h"

#include <cstdint>
#include <string>
#include <vector>

namespace commerce::sqlite {

struct CatalogRevisions {
    int64_t products = 0;    // search_state.revision: any change to what a product shows
    int64_t categories = 0;  // search_state.categories_revision: category names and paths
};

// As of the connection's transaction, or committed now when the connection is outside one.
CatalogRevisions catalog_revisions(Connection& db);
std::vector<std::string> products_changed_since(Connection& db, int64_t revision);

class SqliteCatalogChanges final : public CatalogChanges {
public:
    explicit SqliteCatalogChanges(Connection& db) : db_(db) {}
    int64_t revision() override { return catalog_revisions(db_).products; }
    std::vector<std::string> changed_since(int64_t revision) override { return products_changed_since(db_, revision); }

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
