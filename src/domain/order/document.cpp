#include "domain/order/document.h"

#include "core/json_output.h"
#include "core/timestamp.h"
#include "domain/order/postal_address.h"
#include "domain/order/shipment.h"

namespace commerce {
namespace {

nlohmann::json optional_money(const std::optional<Money>& money) {
    return money ? money->to_json() : nlohmann::json(nullptr);
}

nlohmann::json optional_time(const std::optional<int64_t>& ms) {
    return ms ? nlohmann::json(format_rfc3339(*ms)) : nlohmann::json(nullptr);
}

nlohmann::json line_json(const OrderLine& line, int64_t shipped, const std::vector<std::string>* keys) {
    return {{"product_id", line.product_id}, {"variant_id", line.variant_id}, {"sku", line.sku},
            {"title", line.title}, {"options", line.options}, {"quantity", line.quantity},
            {"unit_price", line.unit_price.to_json()}, {"line_total", line.line_total.to_json()},
            {"discount", line.discount.to_json()}, {"tax", line.tax.to_json()}, {"total", line.total.to_json()},
            {"refunded_quantity", line.refunded_quantity}, {"shipped_quantity", shipped},
            {"digital", line.digital}, {"note", nullable(line.note)},
            {"attributes", line.attributes},
            {"licence_keys", keys ? nlohmann::json(*keys) : nlohmann::json::array()}};
}

nlohmann::json payment_json(const Payment& payment) {
    nlohmann::json transactions = nlohmann::json::array();
    for (const auto& entry : payment.transactions)
        transactions.push_back({{"id", entry.id}, {"operation", entry.operation}, {"status", entry.status},
                                {"amount", entry.amount.to_json()}, {"reference", nullable(entry.reference)},
                                {"raw_status", entry.raw_status}, {"actor_id", nullable(entry.actor_id)},
                                {"created_at", format_rfc3339(entry.created_ms)}});
    return {{"id", payment.id}, {"method", payment.method}, {"kind", payment.kind}, {"status", payment.status},
            {"amount", payment.amount.to_json()}, {"captured", payment.captured.to_json()},
            {"refunded", payment.refunded.to_json()}, {"tendered", optional_money(payment.tendered)},
            {"change", optional_money(payment.change)}, {"transactions", std::move(transactions)}};
}

nlohmann::json refund_json(const Refund& refund) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : refund.lines)
        lines.push_back({{"line", line.line}, {"quantity", line.quantity}, {"amount", line.amount.to_json()},
                         {"tax", line.tax.to_json()}, {"restocked", line.restocked}});
    return {{"id", refund.id}, {"amount", refund.amount.to_json()}, {"tax", refund.tax.to_json()},
            {"lines", std::move(lines)}, {"shipping", refund.shipping.to_json()},
            {"shipping_tax", refund.shipping_tax.to_json()}, {"reason", nullable(refund.reason)},
            {"note", nullable(refund.note)}, {"actor_id", nullable(refund.actor_id)},
            {"created_at", format_rfc3339(refund.created_ms)}};
}

nlohmann::json shipment_json(const Shipment& shipment) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : shipment.lines) lines.push_back({{"line", line.line}, {"quantity", line.quantity}});
    return {{"id", shipment.id}, {"status", shipment.status}, {"carrier", nullable(shipment.carrier)},
            {"tracking_number", nullable(shipment.tracking_number)},
            {"tracking_url", nullable(shipment.tracking_url)}, {"lines", std::move(lines)},
            {"shipped_at", format_rfc3339(shipment.created_ms)},
            {"out_for_delivery_at", optional_time(shipment.out_for_delivery_ms)},
            {"delivered_at", optional_time(shipment.delivered_ms)}};
}

nlohmann::json address_json(const std::optional<PostalAddress>& address) {
    return address ? postal_address_json(*address) : nlohmann::json(nullptr);
}

nlohmann::json return_json(const OrderReturn& order_return) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : order_return.lines)
        lines.push_back({{"line", line.line}, {"quantity", line.quantity}, {"reason", nullable(line.reason)},
                         {"disposition", nullable(line.disposition)}});
    return {{"id", order_return.id}, {"status", order_return.status}, {"lines", std::move(lines)},
            {"note", nullable(order_return.note)}, {"requested_by", nullable(order_return.requested_by)},
            {"refund_id", nullable(order_return.refund_id)}, {"created_at", format_rfc3339(order_return.created_ms)},
            {"updated_at", format_rfc3339(order_return.updated_ms)}};
}

nlohmann::json timeline_json(const std::vector<OrderEvent>& timeline) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& event : timeline)
        events.push_back({{"kind", event.kind}, {"from", nullable(event.from)}, {"to", event.to},
                          {"actor_id", nullable(event.actor_id)}, {"note", nullable(event.note)},
                          {"at", format_rfc3339(event.at_ms)}, {"subject_id", nullable(event.subject_id)}});
    return events;
}

}  // namespace

nlohmann::json order_document(const Order& order, const LicenceKeysByLine& keys) {
    const std::vector<int64_t> shipped = shipped_units(order);
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : order.lines) {
        const std::size_t position = lines.size();
        const auto line_keys = keys.find(static_cast<int64_t>(position));
        lines.push_back(line_json(line, shipped[position], line_keys == keys.end() ? nullptr : &line_keys->second));
    }
    nlohmann::json refunds = nlohmann::json::array();
    for (const auto& refund : order.refunds) refunds.push_back(refund_json(refund));
    nlohmann::json shipments = nlohmann::json::array();
    for (const auto& shipment : order.shipments) shipments.push_back(shipment_json(shipment));
    nlohmann::json returns = nlohmann::json::array();
    for (const auto& order_return : order.returns) returns.push_back(return_json(order_return));
    return {{"type", "order"},
            {"schema_version", 1},
            {"id", order.id},
            {"number", order.number},
            {"user_id", nullable(order.user_id)},
            {"email", order.email},
            {"cart_id", order.cart_id},
            {"shipping_address", address_json(order.shipping_address)},
            {"billing_address", address_json(order.billing_address)},
            {"currency", order.currency->code},
            {"status", order.status},
            {"payment_status", order.payment_status},
            {"fulfillment_status", order.fulfillment_status},
            {"lines", lines},
            {"subtotal", order.subtotal.to_json()},
            {"shipping", {{"amount", order.shipping.to_json()}, {"tax", order.shipping_tax.to_json()}}},
            {"total", order.total.to_json()},
            {"totals", order.totals},
            {"payment", payment_json(order.payment)},
            {"refunds", std::move(refunds)},
            {"shipments", std::move(shipments)},
            {"returns", std::move(returns)},
            {"timeline", timeline_json(order.timeline)},
            {"expires_at", optional_time(order.expires_ms)},
            {"created_at", format_rfc3339(order.created_ms)},
            {"updated_at", format_rfc3339(order.updated_ms)}};
}

}  // namespace commerce
