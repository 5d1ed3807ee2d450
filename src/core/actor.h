// Who is calling: the user behind a verified session, their roles and the permissions those roles grant.
// Domain modules check permissions against it without knowing how sessions work, which keeps identity out of
// every other module.
#pragma once

#include "core/error.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

inline constexpr std::string_view kRoleCustomer = "customer";
inline constexpr std::string_view kRoleAdmin = "admin";

struct Actor {
    std::string user_id;
    std::vector<std::string> roles;
    std::vector<std::string> permissions;  // sorted
    std::string session_hash;              // the session the call came with
    int64_t session_last_used_ms = 0;
    bool email_verified = false;

    bool has_role(std::string_view role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

    bool can(std::string_view permission) const {
        return std::binary_search(permissions.begin(), permissions.end(), permission);
    }

    void require(std::string_view permission) const {
        if (!can(permission))
            throw Error(COMMERCE_ERR_FORBIDDEN, "this operation needs the permission " + std::string(permission),
                        {{"required_permission", permission}});
    }
};

}  // namespace commerce
