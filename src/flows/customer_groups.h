// Staff managing customer groups (docs/customer-groups.md): the groups price lists and promotions target, and
// whose members may be tax exempt. Every call needs "users.manage" and returns a document.
#pragma once

#include "domain/identity/customer_group.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

#include <string_view>
#include <vector>

namespace commerce::flows {

nlohmann::json create_customer_group(Engine& engine, const char* session, const char* definition_json);
// Replaces name and tax_exempt; the id cannot change. CONFLICT when the stored version is not expected_version.
nlohmann::json update_customer_group(Engine& engine, const char* session, const char* group_id,
                                     const char* definition_json, int64_t expected_version);
// Removes the group and its memberships; lists and promotions that name it then never match it.
void delete_customer_group(Engine& engine, const char* session, const char* group_id);
nlohmann::json get_customer_group(Engine& engine, const char* session, const char* group_id);
// {"member": user_id, "limit", "after"}.
nlohmann::json list_customer_groups(Engine& engine, const char* session, const char* query_json);
// {"add": [user ids], "remove": [user ids]}: at most 1,000 in all; every user must exist. Returns the group.
nlohmann::json change_customer_group_members(Engine& engine, const char* session, const char* group_id,
                                             const char* change_json);
// {"limit", "after"}: the members by user id.
nlohmann::json list_customer_group_members(Engine& engine, const char* session, const char* group_id,
                                           const char* query_json);

// The groups of the user, sorted by id (none for a guest).
std::vector<CustomerGroup> customer_groups_of(Transaction& tx, const std::optional<std::string>& user_id);

}  // namespace commerce::flows
