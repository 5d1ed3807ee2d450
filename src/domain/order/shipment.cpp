#include "domain/order/shipment.h"

#include "core/error.h"
#include "domain/order/lifecycle.h"
#include "domain/order/line_units.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {

void check_tracking_url(const std::optional<std::string>& url) {
    if (!url) return;
    if (!url->starts_with("https://") && !url->starts_with("http://"))
        throw_invalid("tracking_url", "format", "a tracking URL starts with https:// or http://");
}

std::vector<int64_t> shipped_units(const Order& order) {
    std::vector<int64_t> shipped(order.lines.size(), 0);
    for (const auto& shipment : order.shipments)
        for (const auto& line : shipment.lines) shipped.at(static_cast<std::size_t>(line.line)) += line.quantity;
    return shipped;
}

bool ships_goods(const Order& order) {
    return std::any_of(order.lines.begin(), order.lines.end(), [](const OrderLine& line) { return !line.digital; });
}

Shipment plan_shipment(const Order& order, const ShipmentRequest& request) {
    if (order.status == order_status::cancelled || order.status == order_status::completed)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                    fmt::format("order {} is {}: nothing more ships", order.number, order.status),
                    {{"field", "status"},
                     {"current", order.status},
                     {"requested", order_status::shipped},
                     {"order_id", order.id}});
    check_tracking_url(request.tracking_url);
    const std::vector<int64_t> shipped = shipped_units(order);
    Shipment shipment{.id = {}, .status = std::string(shipment_status::shipped), .carrier = request.carrier,
                      .tracking_number = request.tracking_number, .tracking_url = request.tracking_url, .lines = {},
                      .created_ms = 0, .out_for_delivery_ms = std::nullopt, .delivered_ms = std::nullopt};
    std::vector<int64_t> unshipped;
    for (std::size_t line = 0; line < order.lines.size(); ++line)
        unshipped.push_back(order.lines[line].quantity - shipped[line]);
    check_line_units(order, request.lines, unshipped, /*physical_only=*/true, "left to ship");
    for (const auto& line : request.lines) shipment.lines.push_back({line.line, line.quantity});
    if (request.lines.empty())
        for (std::size_t line = 0; line < order.lines.size(); ++line)
            if (!order.lines[line].digital && order.lines[line].quantity > shipped[line])
                shipment.lines.push_back({static_cast<int64_t>(line), order.lines[line].quantity - shipped[line]});
    if (shipment.lines.empty()) throw_invalid("lines", "nothing_to_ship", "every unit of the order has been shipped");
    if (request.handed_over) shipment.status = std::string(shipment_status::delivered);
    std::sort(shipment.lines.begin(), shipment.lines.end(),
              [](const ShipmentLine& a, const ShipmentLine& b) { return a.line < b.line; });
    return shipment;
}

bool shipment_step_allowed(std::string_view from, std::string_view to) {
    namespace ss = shipment_status;
    return (from == ss::shipped && (to == ss::out_for_delivery || to == ss::delivered)) ||
           (from == ss::out_for_delivery && to == ss::delivered);
}

std::string_view fulfillment_from_shipments(const Order& order) {
    const std::vector<int64_t> shipped = shipped_units(order);
    bool all_shipped = true, any_shipped = false;
    for (std::size_t line = 0; line < order.lines.size(); ++line) {
        if (order.lines[line].digital) continue;
        all_shipped = all_shipped && shipped[line] == order.lines[line].quantity;
        any_shipped = any_shipped || shipped[line] > 0;
    }
    if (!any_shipped) return fulfillment_status::not_fulfilled;
    if (!all_shipped) return fulfillment_status::partially_shipped;
    const bool all_delivered =
        std::all_of(order.shipments.begin(), order.shipments.end(),
                    [](const Shipment& shipment) { return shipment.status == shipment_status::delivered; });
    return all_delivered ? fulfillment_status::delivered : fulfillment_status::shipped;
}

}  // namespace commerce
