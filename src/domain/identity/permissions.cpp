#include "domain/identity/permissions.h"

#include "core/actor.h"
#include "core/error.h"

#include <algorithm>
#include <array>
#include <set>

namespace commerce {
namespace {

using namespace permission;

constexpr std::array kAllPermissions = {audit_read,       catalog_write,   inventory_write, orders_manage,
                                        orders_read,      orders_refund,   promotions_write, reports_read,
                                        reviews_moderate, roles_manage,    settings_manage, users_manage,
                                        users_read};

std::vector<std::string> strings(std::initializer_list<std::string_view> names) {
    return {names.begin(), names.end()};
}

}  // namespace

std::span<const std::string_view> all_permissions() { return kAllPermissions; }

bool is_known_permission(std::string_view name) {
    return std::find(kAllPermissions.begin(), kAllPermissions.end(), name) != kAllPermissions.end();
}

const std::vector<Role>& builtin_roles() {
    static const std::vector<Role> roles = {
        {std::string(kRoleAdmin), "Runs the store: every permission.", true,
         {kAllPermissions.begin(), kAllPermissions.end()}},
        {std::string(kRoleCustomer), "Buys; acts only on their own account, carts and orders.", true, {}},
        {"staff", "Works the catalog, inventory, reviews and orders; reads users and reports.", true,
         strings({catalog_write, inventory_write, orders_manage, orders_read, reports_read, reviews_moderate,
                  users_read})},
        {"vendor", "Sells through the store: catalog, inventory and orders.", true,
         strings({catalog_write, inventory_write, orders_read})},
    };
    return roles;
}

const Role* builtin_role(std::string_view name) {
    for (const auto& role : builtin_roles())
        if (role.name == name) return &role;
    return nullptr;
}

std::vector<std::string> permissions_for(const std::vector<std::string>& roles, const std::vector<Role>& custom) {
    std::set<std::string> granted;
    for (const auto& name : roles) {
        const Role* role = builtin_role(name);
        if (!role) {
            auto it = std::find_if(custom.begin(), custom.end(), [&](const Role& r) { return r.name == name; });
            if (it != custom.end()) role = &*it;
        }
        if (role) granted.insert(role->permissions.begin(), role->permissions.end());
    }
    return {granted.begin(), granted.end()};
}

void check_role_name(std::string_view name) {
    const bool ok = !name.empty() && name.size() <= 64 && name.front() >= 'a' && name.front() <= 'z' &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                    });
    if (!ok) throw_invalid("name", "a role name has 1 to 64 characters a-z, 0-9, '_' or '-', starting with a letter");
}

}  // namespace commerce
