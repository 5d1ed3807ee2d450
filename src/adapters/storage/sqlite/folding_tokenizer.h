// Text folding for search: SQLite FTS5's own unicode61 tokenizer with "remove_diacritics 2", reached through the
// fts5_api of a connection, so the index folds exactly as an FTS5 table would (case, diacritics, separators).
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "domain/search/search.h"

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

}  // namespace commerce::sqlite
