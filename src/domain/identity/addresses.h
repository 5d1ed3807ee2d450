// Postal addresses of a user: reading them from JSON input with clear errors.
#pragma once

#include "domain/identity/user.h"

#include <nlohmann/json.hpp>

namespace commerce {

// Applies the address members present in `input` and checks the whole result:
// line1, city and country are required; country is ISO 3166-1 alpha-2 ("CH"). The members
// "default_shipping" and "default_billing" are not address fields; callers read them separately.
void apply_address_input(Address& address, const nlohmann::json& input);

}  // namespace commerce
