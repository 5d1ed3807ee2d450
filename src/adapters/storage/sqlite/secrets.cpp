#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

std::optional<std::string> SqliteSecrets::find(std::string_view name) {
    auto row = db_.query("SELECT value FROM engine_secrets WHERE name = ?1");
    row.bind(1, name);
    if (!row.step()) return std::nullopt;
    return row.blob(0);
}

void SqliteSecrets::insert(std::string_view name, std::string_view value) {
    db_.query("INSERT INTO engine_secrets (name, value) VALUES (?1, ?2)").bind(1, name).bind_blob(2, value).run();
}

}  // namespace commerce::sqlite
