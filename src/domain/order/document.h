// The "order" and "order_list" documents.
#pragma once

#include "domain/order/order.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace commerce {

nlohmann::json order_document(const Order& order);
nlohmann::json order_list_document(const std::vector<Order>& orders, const std::optional<std::string>& next);

}  // namespace commerce
