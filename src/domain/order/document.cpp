#include "domain/order/document.h"

#include "core/json_output.h"
#include "core/timestamp.h"

namespace commerce {
namespace {
nlohmann::json optional_money(const std::optional<Money>& money) {
    return money ? money->to_json() : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json order_document(const Order& order, const LicenceKeysByLine& keys) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : order.lines) {
        const auto line_keys = keys.find(static_cast<int64_t>(lines.size()));
        lines.push_back({{"product_id", line.product_id}, {"variant_id", line.variant_id}, {"sku", line.sku},
                         {"title", line.title}, {"options", line.options}, {"quantity", line.quantity},
                         {"unit_price", line.unit_price.to_json()}, {"line_total", line.line_total.to_json()},
                         {"note", nullable(line.note)}, {"attributes", line.attributes},
                         {"licence_keys", line_keys == keys.end() ? nlohmann::json::array()
                                                                  : nlohmann::json(line_keys->second)}});
    }
    const Payment& payment = order.payment;
    return {{"type", "order"},
            {"schema_version", 1},
            {"id", order.id},
            {"number", order.number},
            {"user_id", nullable(order.user_id)},
            {"email", order.email},
            {"cart_id", order.cart_id},
            {"currency", order.currency->code},
            {"status", order.status},
            {"payment_status", order.payment_status},
            {"fulfillment_status", order.fulfillment_status},
            {"lines", lines},
            {"subtotal", order.subtotal.to_json()},
            {"total", order.total.to_json()},
            {"totals", order.totals},
            {"payment",
             {{"method", payment.method}, {"kind", payment.kind}, {"status", payment.status},
              {"amount", payment.amount.to_json()}, {"tendered", optional_money(payment.tendered)},
              {"change", optional_money(payment.change)}}},
            {"created_at", format_rfc3339(order.created_ms)}};
}

nlohmann::json order_list_document(nlohmann::json items, const std::optional<std::string>& next) {
    return {{"type", "order_list"}, {"schema_version", 1}, {"items", std::move(items)}, {"next", nullable(next)}};
}

}  // namespace commerce
