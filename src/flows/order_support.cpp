#include "flows/order_support.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/json_output.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "domain/order/refund_allocation.h"
#include "domain/inventory/sales.h"
#include "domain/licence/licence_keys.h"
#include "domain/order/document.h"

#include <fmt/format.h>

namespace commerce::flows {

nlohmann::json order_with_keys(Engine& engine, Transaction& tx, const Order& order) {
    LicenceKeysByLine keys;
    for (auto& issued : licence_keys_of_order(tx, engine.keys().seal, order.id))
        keys[issued.order_line].push_back(std::move(issued.key));
    return order_document(order, keys);
}

Order existing_order(Transaction& tx, std::string_view order_id) {
    auto order = tx.orders().by_id(order_id);
    if (!order) throw_not_found("order_id", std::string(order_id), fmt::format("no order with id '{}'", order_id));
    return std::move(*order);
}

Order readable_order(Transaction& tx, const Actor& actor, std::string_view order_id) {
    Order order = existing_order(tx, order_id);
    if (order.user_id != actor.user_id && !actor.can(permission::orders_read))
        throw_not_found("order_id", std::string(order_id), fmt::format("no order with id '{}'", order_id));
    return order;
}

std::optional<std::string> replayed_order(Transaction& tx, std::string_view scope,
                                          const std::optional<std::string>& key, std::string_view request_hash) {
    if (!key) return std::nullopt;
    auto earlier = tx.idempotency().find(scope, *key);
    if (!earlier) return std::nullopt;
    if (earlier->request_hash != request_hash)
        throw Error(COMMERCE_ERR_CONFLICT, "this idempotency key was already used for a different request",
                    {{"field", "idempotency_key"}, {"order_id", earlier->order_id}});
    return earlier->order_id;
}

OrderChange change_by(Engine& engine, const std::optional<std::string>& actor_id, const nlohmann::json& request) {
    return {actor_id, engine.now_ms(), definition::text_member(request, "note", "note", kMaxLongText)};
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
