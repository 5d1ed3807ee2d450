// The "order" document (lists of orders are keyset pages of it, flows/keyset_page.h).
#pragma once

#include "domain/order/order.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

// The licence keys handed to an order's digital lines, by line position.
using LicenceKeysByLine = std::map<int64_t, std::vector<std::string>>;

// Every line shows its "licence_keys" ([] for lines that got none).
nlohmann::json order_document(const Order& order, const LicenceKeysByLine& keys = {});

}  // namespace commerce
