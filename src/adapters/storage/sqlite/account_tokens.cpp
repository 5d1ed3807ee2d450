#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

void SqliteAccountTokens::insert(const AccountToken& token) {
    db_.query("INSERT INTO account_tokens (token_hash, user_id, purpose, created_ms, expires_ms, used_ms, "
              "parent_hash, failed_attempts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, token.token_hash).bind(2, token.user_id).bind(3, token.purpose).bind(4, token.created_ms)
        .bind(5, token.expires_ms).bind(6, token.used_ms).bind(7, token.parent_hash).bind(8, token.failed_attempts)
        .run();
}

std::optional<AccountToken> SqliteAccountTokens::by_hash(std::string_view token_hash) {
    auto row = db_.query("SELECT token_hash, user_id, purpose, created_ms, expires_ms, used_ms, parent_hash, "
                         "failed_attempts FROM account_tokens WHERE token_hash = ?1");
    row.bind(1, token_hash);
    if (!row.step()) return std::nullopt;
    return AccountToken{.token_hash = row.text(0), .user_id = row.text(1), .purpose = row.text(2),
                        .created_ms = row.integer(3), .expires_ms = row.integer(4), .used_ms = row.optional_integer(5),
                        .parent_hash = row.text(6), .failed_attempts = row.integer(7)};
}

void SqliteAccountTokens::mark_used(std::string_view token_hash, int64_t used_ms) {
    db_.query("UPDATE account_tokens SET used_ms = ?2 WHERE token_hash = ?1").bind(1, token_hash).bind(2, used_ms).run();
}

void SqliteAccountTokens::count_failure(std::string_view token_hash) {
    db_.query("UPDATE account_tokens SET failed_attempts = failed_attempts + 1 WHERE token_hash = ?1")
        .bind(1, token_hash).run();
}

void SqliteAccountTokens::remove_for_user(std::string_view user_id, std::string_view purpose) {
    db_.query("DELETE FROM account_tokens WHERE user_id = ?1 AND purpose = ?2").bind(1, user_id).bind(2, purpose).run();
}

void SqliteAccountTokens::remove_children(std::string_view parent_hash) {
    // '' marks a token without a parent: it must not select every such token.
    db_.query("DELETE FROM account_tokens WHERE parent_hash = ?1 AND parent_hash <> ''").bind(1, parent_hash).run();
}

void SqliteAccountTokens::remove_all_for_user(std::string_view user_id) {
    db_.query("DELETE FROM account_tokens WHERE user_id = ?1").bind(1, user_id).run();
}

}  // namespace commerce::sqlite
