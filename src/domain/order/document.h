// The "order" and "order_list" documents.
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
nlohmann::json order_list_document(nlohmann::json items, const std::optional<std::string>& next);

}  // namespace commerce
