// Who is calling: the user behind a verified session and their roles. Domain modules check roles against it
// without knowing how sessions work, which keeps identity out of every other module.
#pragma once

#include "core/error.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

inline constexpr std::string_view kRoleCustomer = "customer";
inline constexpr std::string_view kRoleAdmin = "admin";

struct Actor {
    std::string user_id;
    std::vector<std::string> roles;

    bool has_role(std::string_view role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

    void require_role(std::string_view role) const {
        if (!has_role(role))
            throw Error(COMMERCE_ERR_FORBIDDEN, "this operation needs the " + std::string(role) + " role",
                        {{"required_role", role}});
    }
};

}  // namespace commerce
