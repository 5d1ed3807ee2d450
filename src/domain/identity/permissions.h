// Permissions and the built-in roles. Operations name the permission they need; roles grant permissions.
// The table is documented in docs/access.md.
#pragma once

#include "core/permission_names.h"
#include "domain/identity/user.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {


// Every permission the engine knows, sorted.
std::span<const std::string_view> all_permissions();
bool is_known_permission(std::string_view name);

// customer, staff, vendor and admin, with their permissions.
const std::vector<Role>& builtin_roles();
const Role* builtin_role(std::string_view name);

// The union of the permissions that the roles grant, sorted; custom roles are looked up in `custom`.
std::vector<std::string> permissions_for(const std::vector<std::string>& roles, const std::vector<Role>& custom);

// Role names: 1..64 characters of [a-z0-9_-], starting with a letter. INVALID_ARGUMENT otherwise.
void check_role_name(std::string_view name);

}  // namespace commerce
