// Units of an order's lines named by a request (a refund, a shipment, a return), checked the same way everywhere.
#pragma once

#include "domain/order/order.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace commerce {

struct LineUnits {
    int64_t line = 0;  // the order line's position
    int64_t quantity = 0;
};

// Every entry must name a line the order has ("lines[i].line", reason "unknown_line"), once ("duplicate"), not a
// digital one when physical_only ("digital"), and between 1 and available[line] units ("lines[i].quantity",
// "out_of_range", details "available"). `what` ends the messages: "to refund", "to ship", "to return".
void check_line_units(const Order& order, std::span<const LineUnits> asked, const std::vector<int64_t>& available,
                      bool physical_only, std::string_view what);

}  // namespace commerce
