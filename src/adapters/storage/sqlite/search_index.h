// Search over SQLite: an in-memory inverted index and per-product facts, kept in step with the catalog tables
// through the change log of migration 4 (search_state.revision + search_changes), so that every connection of
// every process sees its own writes and everyone else's. Text is folded by FTS5's own unicode61 tokenizer with
// remove_diacritics 2 (the same code an FTS5 table would run). See docs/search.md for the design and numbers.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "domain/search/search.h"
#include "ports/search.h"

#include <memory>
#include <string_view>
#include <vector>

namespace commerce::sqlite {

// FTS5's unicode61 tokenizer ("remove_diacritics 2"), found through the fts5_api of a connection.
// One instance is not thread-safe; make one per use (it is cheap).
class FoldingTokenizer {
public:
    explicit FoldingTokenizer(Connection& db);
    FoldingTokenizer(const FoldingTokenizer&) = delete;
    FoldingTokenizer& operator=(const FoldingTokenizer&) = delete;
    ~FoldingTokenizer();

    std::vector<search::Token> tokens(std::string_view text);
    // Calls fn(folded token) for each token.
    template <typename Fn>
    void each(std::string_view text, Fn&& fn);

private:
    using Callback = int (*)(void*, int, const char*, int, int, int);
    void run(std::string_view text, void* context, Callback callback);

    void* module_ = nullptr;    // fts5_tokenizer*
    void* instance_ = nullptr;  // Fts5Tokenizer*
};

template <typename Fn>
void FoldingTokenizer::each(std::string_view text, Fn&& fn) {
    run(text, &fn, [](void* context, int, const char* token, int size, int, int) -> int {
        (*static_cast<Fn*>(context))(std::string_view(token, static_cast<std::size_t>(size)));
        return 0;
    });
}

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
