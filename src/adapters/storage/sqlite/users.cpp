#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {
namespace {

// A LIKE pattern matching the text anywhere, with LIKE's wildcards in it taken literally (ESCAPE '\').
std::string contains_pattern(std::string_view text) {
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

// Insert and update number the columns alike: ?1 is the id, ?2..?14 the rest in table order.
void bind_columns(Query& query, const User& user) {
    query.bind(1, user.id).bind(2, user.email).bind(3, user.password_hash).bind(4, user.created_ms)
        .bind(5, user.updated_ms).bind(6, user.status).bind(7, user.email_verified_ms)
        .bind(8, int64_t{user.password_reset_required}).bind(9, user.profile.name).bind(10, user.profile.phone)
        .bind(11, user.profile.locale).bind(12, user.profile.currency).bind(13, user.default_shipping_address_id)
        .bind(14, user.default_billing_address_id);
}

}  // namespace

void SqliteUsers::write_roles(const User& user) {
    db_.query("DELETE FROM user_roles WHERE user_id = ?1").bind(1, user.id).run();
    for (const auto& role : user.roles)
        db_.query("INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?1, ?2)").bind(1, user.id).bind(2, role).run();
}

void SqliteUsers::insert(const User& user) {
    auto query = db_.query("INSERT INTO users (id, email, password_hash, created_ms, updated_ms, status, email_verified_ms, "
              "password_reset_required, name, phone, locale, currency, default_shipping_address_id, "
              "default_billing_address_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    bind_columns(query, user);
    query.run();
    write_roles(user);
}

void SqliteUsers::update(const User& user) {
    auto query = db_.query("UPDATE users SET email = ?2, password_hash = ?3, created_ms = ?4, updated_ms = ?5, status = ?6, "
              "email_verified_ms = ?7, password_reset_required = ?8, name = ?9, phone = ?10, locale = ?11, "
              "currency = ?12, default_shipping_address_id = ?13, default_billing_address_id = ?14 WHERE id = ?1");
    bind_columns(query, user);
    query.run();
    write_roles(user);
}

User SqliteUsers::load_row(Query& row) {
    User user{.id = row.text(0), .email = row.text(1), .password_hash = row.text(2), .roles = {},
              .created_ms = row.integer(3), .updated_ms = row.integer(4), .status = row.text(5),
              .email_verified_ms = row.optional_integer(6), .password_reset_required = row.integer(7) != 0,
              .profile = {.name = row.optional_text(8), .phone = row.optional_text(9),
                          .locale = row.optional_text(10), .currency = row.optional_text(11)},
              .default_shipping_address_id = row.optional_text(12),
              .default_billing_address_id = row.optional_text(13)};
    auto roles = db_.query("SELECT role FROM user_roles WHERE user_id = ?1 ORDER BY role");
    roles.bind(1, user.id);
    while (roles.step()) user.roles.push_back(roles.text(0));
    return user;
}

std::optional<User> SqliteUsers::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, email, password_hash, created_ms, updated_ms, status, email_verified_ms, "
                         "password_reset_required, name, phone, locale, currency, default_shipping_address_id, "
                         "default_billing_address_id FROM users WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return load_row(row);
}

std::optional<User> SqliteUsers::by_email(std::string_view email) {
    auto row = db_.query("SELECT id, email, password_hash, created_ms, updated_ms, status, email_verified_ms, "
                         "password_reset_required, name, phone, locale, currency, default_shipping_address_id, "
                         "default_billing_address_id FROM users WHERE email = ?1");
    row.bind(1, email);
    if (!row.step()) return std::nullopt;
    return load_row(row);
}

int64_t SqliteUsers::count_with_role(std::string_view role) {
    auto query = db_.query("SELECT count(*) FROM user_roles JOIN users ON users.id = user_roles.user_id "
                           "WHERE user_roles.role = ?1 AND users.status = 'active'");
    query.bind(1, role).step();
    return query.integer(0);
}

std::vector<User> SqliteUsers::page(const UserQuery& query) {
    // LIKE is case-insensitive for ASCII. Empty filters match everything.
    auto rows = db_.query("SELECT id, email, password_hash, created_ms, updated_ms, status, email_verified_ms, "
                          "password_reset_required, name, phone, locale, currency, default_shipping_address_id, "
                          "default_billing_address_id FROM users WHERE id > ?1 "
                          "AND (?2 = '' OR email LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\') "
                          "AND (?3 = '' OR status = ?3) "
                          "AND (?4 = '' OR EXISTS (SELECT 1 FROM user_roles WHERE user_roles.user_id = users.id "
                          "AND user_roles.role = ?4)) "
                          "ORDER BY id LIMIT ?5");
    rows.bind(1, query.after_id).bind(2, query.search.empty() ? std::string() : contains_pattern(query.search))
        .bind(3, query.status).bind(4, query.role).bind(5, query.limit);
    std::vector<User> users;
    while (rows.step()) users.push_back(load_row(rows));
    return users;
}

}  // namespace commerce::sqlite
