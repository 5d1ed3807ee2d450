#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {
namespace {

Session session_row(Query& row) {
    return Session{.token_hash = row.text(0), .user_id = row.text(1), .created_ms = row.integer(2),
                   .expires_ms = row.integer(3), .last_used_ms = row.integer(4), .method = row.text(5),
                   .ip = row.text(6), .user_agent = row.text(7)};
}

}  // namespace

void SqliteSessions::insert(const Session& session) {
    db_.query("INSERT INTO sessions (token_hash, user_id, created_ms, expires_ms, last_used_ms, method, ip, "
              "user_agent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, session.token_hash).bind(2, session.user_id).bind(3, session.created_ms)
        .bind(4, session.expires_ms).bind(5, session.last_used_ms).bind(6, session.method).bind(7, session.ip)
        .bind(8, session.user_agent).run();
}

std::optional<Session> SqliteSessions::by_token_hash(std::string_view token_hash) {
    auto row = db_.query("SELECT token_hash, user_id, created_ms, expires_ms, last_used_ms, method, ip, user_agent "
                         "FROM sessions WHERE token_hash = ?1");
    row.bind(1, token_hash);
    if (!row.step()) return std::nullopt;
    return session_row(row);
}

bool SqliteSessions::remove(std::string_view token_hash) {
    db_.query("DELETE FROM sessions WHERE token_hash = ?1").bind(1, token_hash).run();
    return db_.changes() > 0;
}

int64_t SqliteSessions::remove_for_user(std::string_view user_id, std::string_view except_token_hash) {
    // No stored hash is empty, so "" keeps nothing.
    db_.query("DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2")
        .bind(1, user_id).bind(2, except_token_hash).run();
    return db_.changes();
}

void SqliteSessions::touch(std::string_view token_hash, int64_t used_ms) {
    db_.query("UPDATE sessions SET last_used_ms = max(last_used_ms, ?2) WHERE token_hash = ?1")
        .bind(1, token_hash).bind(2, used_ms).run();
}

std::vector<Session> SqliteSessions::for_user(std::string_view user_id) {
    auto rows = db_.query("SELECT token_hash, user_id, created_ms, expires_ms, last_used_ms, method, ip, user_agent "
                          "FROM sessions WHERE user_id = ?1 ORDER BY created_ms, token_hash");
    rows.bind(1, user_id);
    std::vector<Session> sessions;
    while (rows.step()) sessions.push_back(session_row(rows));
    return sessions;
}

}  // namespace commerce::sqlite
