#include "flows/order_support.h"

#include "core/json_output.h"
#include "domain/order/refund_allocation.h"
#include "domain/inventory/sales.h"
#include "domain/licence/licence_keys.h"
#include "domain/order/document.h"

namespace commerce::flows {

nlohmann::json order_with_keys(Engine& engine, Transaction& tx, const Order& order) {
    LicenceKeysByLine keys;
    for (auto& issued : licence_keys_of_order(tx, engine.keys().seal, order.id))
        keys[issued.order_line].push_back(std::move(issued.key));
    return order_document(order, keys);
}

void emit_order_event(Engine& engine, Transaction& tx, std::string_view topic, const Order& order,
                      const std::optional<Money>& amount) {
    emit_event(engine.outbox(tx), topic, order.id,
               {{"order_id", order.id}, {"number", order.number}, {"user_id", nullable(order.user_id)},
                {"email", order.email}, {"status", order.status}, {"payment_status", order.payment_status},
                {"fulfillment_status", order.fulfillment_status}, {"total", order.total.to_json()},
                {"amount", amount ? amount->to_json() : nlohmann::json(nullptr)}});
}

void put_back(Engine& engine, Transaction& tx, const Order& order, const OrderLine& line, int64_t quantity,
              std::string_view reason, const std::optional<std::string>& actor_id) {
    if (quantity == 0 || !tx.stock_ledger().variant(line.variant_id)) return;
    restock(engine.outbox(tx), {.variant_id = line.variant_id, .location_id = std::string(kDefaultLocation),
                                .quantity = quantity, .order_id = order.id, .reason = std::string(reason),
                                .actor_id = actor_id});
    tx.products().add_units_sold(line.product_id, -quantity);
}

void give_back(Engine& engine, Transaction& tx, Order& order, Refund refund, const OrderChange& change) {
    refund.id = engine.ids().next();
    refund.actor_id = change.actor_id;
    refund.created_ms = change.now_ms;
    for (const auto& line : refund.lines)
        if (line.restocked)
            put_back(engine, tx, order, order.lines[static_cast<std::size_t>(line.line)], line.quantity, "refund",
                     change.actor_id);
    const Money amount = refund.amount;
    // A manual payment's refund is money a person hands back; they record it here.
    PaymentTransaction entry{engine.ids().next(), "refund", "succeeded", amount, std::nullopt, "recorded",
                             change.actor_id, change.now_ms};
    record_refund_payment(order, std::move(refund), std::move(entry), change);
    emit_order_event(engine, tx, "order.refunded", order, amount);
}

}  // namespace commerce::flows
