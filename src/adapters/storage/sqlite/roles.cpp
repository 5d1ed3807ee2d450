#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

Role SqliteRoles::load_row(Query& row) {
    Role role{.name = row.text(0), .description = row.text(1), .builtin = false, .permissions = {}};
    auto permissions = db_.query("SELECT permission FROM role_permissions WHERE role = ?1 ORDER BY permission");
    permissions.bind(1, role.name);
    while (permissions.step()) role.permissions.push_back(permissions.text(0));
    return role;
}

std::optional<Role> SqliteRoles::find(std::string_view name) {
    auto row = db_.query("SELECT name, description FROM roles WHERE name = ?1");
    row.bind(1, name);
    if (!row.step()) return std::nullopt;
    return load_row(row);
}

std::vector<Role> SqliteRoles::all() {
    auto rows = db_.query("SELECT name, description FROM roles ORDER BY name");
    std::vector<Role> roles;
    while (rows.step()) roles.push_back(load_row(rows));
    return roles;
}

void SqliteRoles::save(const Role& role) {
    // An upsert, not INSERT OR REPLACE: replacing the row would cascade into the permissions mid-write.
    db_.query("INSERT INTO roles (name, description) VALUES (?1, ?2) "
              "ON CONFLICT (name) DO UPDATE SET description = excluded.description")
        .bind(1, role.name).bind(2, role.description).run();
    db_.query("DELETE FROM role_permissions WHERE role = ?1").bind(1, role.name).run();
    for (const auto& permission : role.permissions)
        db_.query("INSERT OR IGNORE INTO role_permissions (role, permission) VALUES (?1, ?2)")
            .bind(1, role.name).bind(2, permission).run();
}

bool SqliteRoles::remove(std::string_view name) {
    // The users holding the role keep it in user_roles: whether a held role may go is the caller's decision.
    db_.query("DELETE FROM role_permissions WHERE role = ?1").bind(1, name).run();
    db_.query("DELETE FROM roles WHERE name = ?1").bind(1, name).run();
    return db_.changes() > 0;
}

int64_t SqliteRoles::holders(std::string_view name) {
    auto query = db_.query("SELECT count(*) FROM user_roles WHERE role = ?1");
    query.bind(1, name).step();
    return query.integer(0);
}

}  // namespace commerce::sqlite
