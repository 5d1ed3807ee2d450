#include "flows/customer_groups.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "flows/access.h"
#include "flows/identity_support.h"
#include "flows/keyset_page.h"

#include <fmt/format.h>

namespace commerce::flows {
namespace {

constexpr std::size_t kMaxMembersPerChange = 1000;

json group_document(Transaction& tx, const StoredCustomerGroup& stored) {
    return {{"type", "customer_group"},
            {"schema_version", 1},
            {"id", stored.group.id},
            {"name", stored.group.name},
            {"tax_exempt", stored.group.tax_exempt},
            {"member_count", tx.customer_groups().member_count(stored.group.id)},
            {"version", stored.version},
            {"created_at", format_rfc3339(stored.created_ms)},
            {"updated_at", format_rfc3339(stored.updated_ms)}};
}

StoredCustomerGroup existing_group(Transaction& tx, std::string_view id) {
    auto stored = tx.customer_groups().by_id(id);
    if (!stored) throw_not_found("group_id", std::string(id), fmt::format("no customer group with id '{}'", id));
    return *stored;
}

std::vector<std::string> user_ids(const json& change, std::string_view name) {
    return definition::text_set_member(change, name, std::string(name), kMaxMembersPerChange, kMaxShortText);
}

}  // namespace

json create_customer_group(Engine& engine, const char* session, const char* definition_json) {
    const CustomerGroup group = parse_customer_group(parse_object(definition_json, "definition"));
    json document;
    write_as(engine, session, permission::users_manage, [&](Transaction& tx, const Actor& actor) {
        if (tx.customer_groups().by_id(group.id))
            throw Error(COMMERCE_ERR_EXISTS, fmt::format("a customer group with id '{}' exists", group.id),
                        {{"field", "id"}, {"id", group.id}});
        const int64_t now = engine.now_ms();
        const StoredCustomerGroup stored{group, 1, now, now};
        tx.customer_groups().insert(stored);
        document = group_document(tx, stored);
        audit(engine, tx, actor.user_id, "customer_group.create", "customer_group", group.id, nullptr, document);
    });
    return document;
}

json update_customer_group(Engine& engine, const char* session, const char* group_id, const char* definition_json,
                           int64_t expected_version) {
    json given = parse_object(definition_json, "definition");
    const std::string_view id = checked_text(group_id, "group_id");
    if (!given.contains("id")) given["id"] = id;
    const CustomerGroup group = parse_customer_group(given);
    if (group.id != id) throw_invalid("id", "immutable", "a customer group's id cannot change");
    json document;
    write_as(engine, session, permission::users_manage, [&](Transaction& tx, const Actor& actor) {
        const StoredCustomerGroup stored = existing_group(tx, id);
        const json before = group_document(tx, stored);
        const StoredCustomerGroup updated{group, expected_version + 1, stored.created_ms, engine.now_ms()};
        if (stored.version != expected_version || !tx.customer_groups().update(updated, expected_version))
            throw Error(COMMERCE_ERR_CONFLICT, "the customer group was changed since it was read",
                        {{"field", "expected_version"}, {"version", stored.version}});
        document = group_document(tx, updated);
        audit(engine, tx, actor.user_id, "customer_group.update", "customer_group", group.id, before, document);
    });
    return document;
}

void delete_customer_group(Engine& engine, const char* session, const char* group_id) {
    const std::string_view id = checked_text(group_id, "group_id");
    write_as(engine, session, permission::users_manage, [&](Transaction& tx, const Actor& actor) {
        const json before = group_document(tx, existing_group(tx, id));
        tx.customer_groups().remove(id);
        audit(engine, tx, actor.user_id, "customer_group.delete", "customer_group", id, before, nullptr);
    });
}

json get_customer_group(Engine& engine, const char* session, const char* group_id) {
    const std::string_view id = checked_text(group_id, "group_id");
    json document;
    read_as(engine, session, permission::users_read,
            [&](Transaction& tx) { document = group_document(tx, existing_group(tx, id)); });
    return document;
}

json list_customer_groups(Engine& engine, const char* session, const char* query_json) {
    const json query = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query, "a customer group query", {"member", "limit", "after"});
    CustomerGroupQuery q;
    q.member = optional_string(query, "member", kMaxShortText);
    q.after_id = optional_string(query, "after", kMaxShortText).value_or("");
    const int64_t limit = optional_integer(query, "limit", 1, 200).value_or(50);
    q.limit = limit + 1;
    json document;
    read_as(engine, session, permission::users_read, [&](Transaction& tx) {
        document = keyset_page("customer_group_list", tx.customer_groups().page(q), limit,
                               [](const StoredCustomerGroup& stored) { return stored.group.id; },
                               [&](const StoredCustomerGroup& stored) { return group_document(tx, stored); });
    });
    return document;
}

json change_customer_group_members(Engine& engine, const char* session, const char* group_id,
                                   const char* change_json) {
    const std::string_view id = checked_text(group_id, "group_id");
    const json change = parse_object(change_json, "change");
    reject_unknown_members(change, "a membership change", {"add", "remove"});
    const std::vector<std::string> added = user_ids(change, "add");
    const std::vector<std::string> removed = user_ids(change, "remove");
    if (added.size() + removed.size() > kMaxMembersPerChange)
        throw_invalid("add", "too_many", fmt::format("add and remove name at most {} users", kMaxMembersPerChange));
    json document;
    write_as(engine, session, permission::users_manage, [&](Transaction& tx, const Actor& actor) {
        const StoredCustomerGroup stored = existing_group(tx, id);
        json done = {{"added", json::array()}, {"removed", json::array()}};
        const int64_t now = engine.now_ms();
        for (const auto& user_id : added) {
            existing_user(tx, user_id);
            if (tx.customer_groups().add_member(id, user_id, now)) done["added"].push_back(user_id);
        }
        for (const auto& user_id : removed)
            if (tx.customer_groups().remove_member(id, user_id)) done["removed"].push_back(user_id);
        document = group_document(tx, stored);
        audit(engine, tx, actor.user_id, "customer_group.members", "customer_group", id, nullptr, done);
    });
    return document;
}

json list_customer_group_members(Engine& engine, const char* session, const char* group_id,
                                 const char* query_json) {
    const std::string_view id = checked_text(group_id, "group_id");
    const json query = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query, "a member query", {"limit", "after"});
    const std::string after = optional_string(query, "after", kMaxShortText).value_or("");
    const int64_t limit = optional_integer(query, "limit", 1, 200).value_or(50);
    json document;
    read_as(engine, session, permission::users_read, [&](Transaction& tx) {
        existing_group(tx, id);
        document = keyset_page("customer_group_member_list", tx.customer_groups().members(id, after, limit + 1), limit,
                               [](const CustomerGroupMember& member) { return member.user_id; },
                               [](const CustomerGroupMember& member) {
                                   return json{{"user_id", member.user_id},
                                               {"added_at", format_rfc3339(member.added_ms)}};
                               });
        document["group_id"] = id;
    });
    return document;
}

std::vector<CustomerGroup> customer_groups_of(Transaction& tx, const std::optional<std::string>& user_id) {
    if (!user_id) return {};
    return tx.customer_groups().groups_of(*user_id);
}

}  // namespace commerce::flows
