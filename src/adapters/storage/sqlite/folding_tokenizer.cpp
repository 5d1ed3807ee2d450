#include "adapters/storage/sqlite/folding_tokenizer.h"

#include "core/error.h"

namespace commerce::sqlite {

FoldingTokenizer::FoldingTokenizer(Connection& db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (api == nullptr) throw Error(COMMERCE_ERR_STORAGE, "FTS5 is not available in this build");
    auto* module = new fts5_tokenizer{};
    void* user_data = nullptr;
    if (api->xFindTokenizer(api, "unicode61", &user_data, module) != SQLITE_OK) {
        delete module;
        throw Error(COMMERCE_ERR_STORAGE, "FTS5 has no unicode61 tokenizer");
    }
    const char* args[] = {"remove_diacritics", "2"};
    Fts5Tokenizer* instance = nullptr;
    if (module->xCreate(user_data, args, 2, &instance) != SQLITE_OK) {
        delete module;
        throw Error(COMMERCE_ERR_STORAGE, "cannot create the unicode61 tokenizer");
    }
    module_ = module;
    instance_ = instance;
}

FoldingTokenizer::~FoldingTokenizer() {
    auto* module = static_cast<fts5_tokenizer*>(module_);
    module->xDelete(static_cast<Fts5Tokenizer*>(instance_));
    delete module;
}

void FoldingTokenizer::run(std::string_view text, void* context, Callback callback) {
    if (text.empty()) return;
    auto* module = static_cast<fts5_tokenizer*>(module_);
    int rc = module->xTokenize(static_cast<Fts5Tokenizer*>(instance_), context, FTS5_TOKENIZE_DOCUMENT, text.data(),
                               static_cast<int>(text.size()), callback);
    if (rc != SQLITE_OK) throw Error(COMMERCE_ERR_STORAGE, "tokenizing failed");
}

std::vector<search::Token> FoldingTokenizer::tokens(std::string_view text) {
    std::vector<search::Token> out;
    auto collect = [](void* context, int, const char* token, int size, int begin, int end) -> int {
        static_cast<std::vector<search::Token>*>(context)->push_back(
            {std::string(token, static_cast<std::size_t>(size)), static_cast<std::size_t>(begin),
             static_cast<std::size_t>(end)});
        return 0;
    };
    run(text, &out, collect);
    return out;
}

}  // namespace commerce::sqlite
