#include "flows/order_support.h"

#include "core/json_output.h"
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

}  // namespace commerce::flows
