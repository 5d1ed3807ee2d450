// Shipments: some or all of an order's units handed to a carrier (or to the shopper at a pickup point), each
// with its tracking, moving shipped → out_for_delivery → delivered. The order's fulfilment status follows its
// shipments (docs/orders.md).
#pragma once

#include "domain/order/line_units.h"
#include "domain/order/order.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

namespace shipment_status {
inline constexpr std::string_view shipped = "shipped";
inline constexpr std::string_view out_for_delivery = "out_for_delivery";
inline constexpr std::string_view delivered = "delivered";
}  // namespace shipment_status

struct ShipmentRequest {
    std::vector<LineUnits> lines;  // empty: every unit not shipped yet
    std::optional<std::string> carrier;
    std::optional<std::string> tracking_number;
    std::optional<std::string> tracking_url;
    bool handed_over = false;  // given to the shopper there and then (a pickup, a sale at the till): delivered at once
};

// INVALID_ARGUMENT ("tracking_url", reason "format") unless the URL, when given, is http(s): a link shoppers click.
void check_tracking_url(const std::optional<std::string>& url);

// Units of each line already in a shipment.
std::vector<int64_t> shipped_units(const Order& order);

// Whether the order has goods to ship at all (a line that is not digital).
bool ships_goods(const Order& order);

// The shipment the request asks for (the caller gives it an id and a time). ILLEGAL_STATE for an order that is
// cancelled or completed, whatever the request. Only goods that travel are shipped:
// a line of a digital product is delivered by download. INVALID_ARGUMENT with a stable reason: a line out of
// range ("lines[i].line", "unknown_line"), a line twice ("duplicate"), a digital line ("digital"), more units
// than are left to ship ("lines[i].quantity", "out_of_range"), nothing left to ship ("lines",
// "nothing_to_ship"); a tracking URL that is not http(s) ("tracking_url", "format").
Shipment plan_shipment(const Order& order, const ShipmentRequest& request);

// Whether a shipment may go from → to: shipped → out_for_delivery → delivered, and shipped → delivered.
bool shipment_step_allowed(std::string_view from, std::string_view to);

// The order's fulfilment status as its shipments make it: every physical unit shipped and every shipment
// delivered → "delivered"; every unit shipped → "shipped"; some → "partially_shipped".
std::string_view fulfillment_from_shipments(const Order& order);

}  // namespace commerce
