// Search over SQLite: the in-memory index (memory_search_index.h) of one storage, kept in step with the catalog
// tables through the change log of migration 4 (search_state.revision + search_changes), so that every
// connection of every process sees its own writes and everyone else's. See docs/search.md for the design.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/search.h"

#include <memory>
#include <string_view>

namespace commerce::sqlite {

// The index of one storage (all its connections), shared by its transactions.
class SearchCache {
public:
    SearchCache();
    ~SearchCache();
    // Brings the index up to the transaction's snapshot (when behind) and runs the request.
    SearchResultData search(Connection& db, const SearchRequest& request, int64_t now_ms);

    struct State;

private:
    std::unique_ptr<State> state_;
};

class SqliteSearchIndex final : public SearchIndex {
public:
    SqliteSearchIndex(Connection& db, SearchCache& cache) : db_(db), cache_(cache) {}
    void product_changed(std::string_view product_id) override;
    void product_removed(std::string_view product_id) override;
    SearchResultData search(const SearchRequest& request, int64_t now_ms) override;

private:
    Connection& db_;
    SearchCache& cache_;
};

}  // namespace commerce::sqlite
