#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

void SqliteUsers::insert(const User& user) {
    db_.query("INSERT INTO users (id, email, password_hash, created_ms) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, user.id).bind(2, user.email).bind(3, user.password_hash).bind(4, user.created_ms).run();
    for (const auto& role : user.roles)
        db_.query("INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)").bind(1, user.id).bind(2, role).run();
}

std::optional<User> SqliteUsers::load(Query& query) {
    if (!query.step()) return std::nullopt;
    User user{.id = query.text(0), .email = query.text(1), .password_hash = query.text(2),
              .roles = {}, .created_ms = query.integer(3)};
    auto roles = db_.query("SELECT role FROM user_roles WHERE user_id = ?1 ORDER BY role");
    roles.bind(1, user.id);
    while (roles.step()) user.roles.push_back(roles.text(0));
    return user;
}

std::optional<User> SqliteUsers::by_id(std::string_view id) {
    auto query = db_.query("SELECT id, email, password_hash, created_ms FROM users WHERE id = ?1");
    query.bind(1, id);
    return load(query);
}

std::optional<User> SqliteUsers::by_email(std::string_view email) {
    auto query = db_.query("SELECT id, email, password_hash, created_ms FROM users WHERE email = ?1");
    query.bind(1, email);
    return load(query);
}

int64_t SqliteUsers::count_with_role(std::string_view role) {
    auto query = db_.query("SELECT count(*) FROM user_roles WHERE role = ?1");
    query.bind(1, role).step();
    return query.integer(0);
}

void SqliteSessions::insert(const Session& session) {
    db_.query("INSERT INTO sessions (token_hash, user_id, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, session.token_hash).bind(2, session.user_id).bind(3, session.created_ms)
        .bind(4, session.expires_ms).run();
}

std::optional<Session> SqliteSessions::by_token_hash(std::string_view token_hash) {
    auto query = db_.query("SELECT token_hash, user_id, created_ms, expires_ms FROM sessions WHERE token_hash = ?1");
    query.bind(1, token_hash);
    if (!query.step()) return std::nullopt;
    return Session{query.text(0), query.text(1), query.integer(2), query.integer(3)};
}

bool SqliteSessions::remove(std::string_view token_hash) {
    db_.query("DELETE FROM sessions WHERE token_hash = ?1").bind(1, token_hash).run();
    return db_.changes() > 0;
}

}  // namespace commerce::sqlite
