// An order's address as JSON: the same object in the order document and in storage.
#pragma once

#include "domain/order/order.h"

#include <nlohmann/json.hpp>

namespace commerce {

// {"name", "company", "line1", "line2", "city", "region", "postal_code", "country", "phone"}, "" for what is absent.
nlohmann::json postal_address_json(const PostalAddress& address);
PostalAddress postal_address_from_json(const nlohmann::json& value);

}  // namespace commerce
