#include "adapters/storage/sqlite/price_list_repositories.h"

namespace commerce::sqlite {
namespace {

StoredCustomerGroup group_row(const Query& row) {
    return {.group = {row.text(0), row.text(1), row.integer(2) != 0}, .version = row.integer(3),
            .created_ms = row.integer(4), .updated_ms = row.integer(5)};
}

}  // namespace

void SqliteCustomerGroups::insert(const StoredCustomerGroup& stored) {
    db_.query("INSERT INTO customer_groups (id, name, tax_exempt, version, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, stored.group.id).bind(2, stored.group.name).bind(3, int64_t{stored.group.tax_exempt})
        .bind(4, stored.version).bind(5, stored.created_ms).bind(6, stored.updated_ms).run();
}

bool SqliteCustomerGroups::update(const StoredCustomerGroup& stored, int64_t expected_version) {
    db_.query("UPDATE customer_groups SET name = ?2, tax_exempt = ?3, version = ?4, updated_ms = ?5 "
              "WHERE id = ?1 AND version = ?6")
        .bind(1, stored.group.id).bind(2, stored.group.name).bind(3, int64_t{stored.group.tax_exempt})
        .bind(4, stored.version).bind(5, stored.updated_ms).bind(6, expected_version).run();
    return db_.changes() > 0;
}

void SqliteCustomerGroups::remove(std::string_view id) {
    db_.query("DELETE FROM customer_groups WHERE id = ?1").bind(1, id).run();
}

std::optional<StoredCustomerGroup> SqliteCustomerGroups::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, name, tax_exempt, version, created_ms, updated_ms FROM customer_groups "
                         "WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return group_row(row);
}

std::vector<StoredCustomerGroup> SqliteCustomerGroups::page(const CustomerGroupQuery& query) {
    auto rows = db_.query("SELECT id, name, tax_exempt, version, created_ms, updated_ms FROM customer_groups "
                          "WHERE id > ?2 AND (?1 IS NULL OR id IN "
                          "(SELECT group_id FROM customer_group_members WHERE user_id = ?1)) ORDER BY id LIMIT ?3");
    rows.bind(1, query.member).bind(2, query.after_id).bind(3, query.limit);
    std::vector<StoredCustomerGroup> groups;
    while (rows.step()) groups.push_back(group_row(rows));
    return groups;
}

bool SqliteCustomerGroups::add_member(std::string_view group_id, std::string_view user_id, int64_t added_ms) {
    db_.query("INSERT INTO customer_group_members (group_id, user_id, added_ms) VALUES (?1, ?2, ?3) "
              "ON CONFLICT DO NOTHING")
        .bind(1, group_id).bind(2, user_id).bind(3, added_ms).run();
    return db_.changes() > 0;
}

bool SqliteCustomerGroups::remove_member(std::string_view group_id, std::string_view user_id) {
    db_.query("DELETE FROM customer_group_members WHERE group_id = ?1 AND user_id = ?2")
        .bind(1, group_id).bind(2, user_id).run();
    return db_.changes() > 0;
}

int64_t SqliteCustomerGroups::member_count(std::string_view group_id) {
    auto row = db_.query("SELECT count(*) FROM customer_group_members WHERE group_id = ?1");
    row.bind(1, group_id);
    row.step();
    return row.integer(0);
}

std::vector<CustomerGroupMember> SqliteCustomerGroups::members(std::string_view group_id,
                                                               std::string_view after_user_id, int64_t limit) {
    auto rows = db_.query("SELECT user_id, added_ms FROM customer_group_members "
                          "WHERE group_id = ?1 AND user_id > ?2 ORDER BY user_id LIMIT ?3");
    rows.bind(1, group_id).bind(2, after_user_id).bind(3, limit);
    std::vector<CustomerGroupMember> members;
    while (rows.step()) members.push_back({rows.text(0), rows.integer(1)});
    return members;
}

std::vector<CustomerGroup> SqliteCustomerGroups::groups_of(std::string_view user_id) {
    auto rows = db_.query("SELECT g.id, g.name, g.tax_exempt FROM customer_group_members m "
                          "JOIN customer_groups g ON g.id = m.group_id WHERE m.user_id = ?1 ORDER BY g.id");
    rows.bind(1, user_id);
    std::vector<CustomerGroup> groups;
    while (rows.step()) groups.push_back({rows.text(0), rows.text(1), rows.integer(2) != 0});
    return groups;
}

}  // namespace commerce::sqlite
