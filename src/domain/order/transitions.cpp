#include "domain/order/transitions.h"

#include "core/error.h"
#include "domain/order/lifecycle.h"
#include "domain/order/refund_allocation.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {

std::string& state_of(Order& order, OrderMachine machine) {
    switch (machine) {
        case OrderMachine::status: return order.status;
        case OrderMachine::payment_status: return order.payment_status;
        case OrderMachine::fulfillment_status: return order.fulfillment_status;
    }
    return order.status;
}

}  // namespace

void move_order(Order& order, OrderMachine machine, std::string_view to, const OrderChange& change) {
    std::string& state = state_of(order, machine);
    if (state == to) return;
    require_transition(machine, order.id, state, to);
    order.timeline.push_back({std::string(machine_name(machine)), state, std::string(to), change.actor_id,
                              change.note, change.now_ms, std::nullopt});
    state = std::string(to);
    if (machine == OrderMachine::payment_status) order.payment.status = state;
    order.updated_ms = change.now_ms;
}

void record_capture(Order& order, PaymentTransaction entry, const OrderChange& change) {
    // A payment captured, refunded or voided takes no more money: that is its state, not a bad amount.
    require_transition(OrderMachine::payment_status, order.id, order.payment_status, payment_status::captured);
    const Money left = order.payment.amount - order.payment.captured;
    if (entry.amount.is_negative() || entry.amount.is_zero() || entry.amount > left)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                    fmt::format("a capture must be positive and at most the {} {} left to capture",
                                left.amount_string(), order.currency->code),
                    {{"field", "amount"}, {"reason", "out_of_range"}, {"capturable", left.to_json()}});
    // Checked before anything changes: a refused step leaves the order as it was.
    const bool complete = entry.amount == left;
    const std::string_view payment_to = complete ? payment_status::captured : payment_status::partially_captured;
    if (order.payment_status != payment_to)
        require_transition(OrderMachine::payment_status, order.id, order.payment_status, payment_to);
    order.payment.captured = order.payment.captured + entry.amount;
    order.payment.transactions.push_back(std::move(entry));
    move_order(order, OrderMachine::payment_status, payment_to, change);
    // Money has arrived: a person now settles the rest, so the order no longer expires unpaid.
    order.expires_ms.reset();
    if (complete && order.status == order_status::pending_payment)
        move_order(order, OrderMachine::status, order_status::paid, change);
}

void record_refund_payment(Order& order, Refund refund, PaymentTransaction entry, const OrderChange& change) {
    // Once every captured unit of money is back the payment is over, even if less than the total was captured.
    const bool everything = refund.amount == refundable(order);
    const std::string_view payment_to = everything ? payment_status::refunded : payment_status::partially_refunded;
    if (order.payment_status != payment_to)
        require_transition(OrderMachine::payment_status, order.id, order.payment_status, payment_to);
    record_refund(order, std::move(refund));
    order.payment.transactions.push_back(std::move(entry));
    move_order(order, OrderMachine::payment_status, payment_to, change);
    order.updated_ms = change.now_ms;
}

void require_cancellable(const Order& order) {
    if (order.fulfillment_status != fulfillment_status::not_fulfilled ||
        !transition_allowed(OrderMachine::status, order.status, order_status::cancelled))
        throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                    order.status == order_status::cancelled
                        ? fmt::format("order {} is already cancelled", order.number)
                        : fmt::format("order {} cannot be cancelled: it is {}, its goods {}", order.number,
                                      order.status, order.fulfillment_status),
                    {{"field", "status"}, {"current", order.status}, {"requested", order_status::cancelled},
                     {"fulfillment_status", order.fulfillment_status}, {"order_id", order.id}});
}

void record_cancellation(Order& order, const OrderChange& change) {
    require_cancellable(order);
    if (!refundable(order).is_zero())
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, "refund the captured payment before cancelling",
                    {{"reason", "refund_first"}, {"refundable", refundable(order).to_json()}, {"order_id", order.id}});
    move_order(order, OrderMachine::status, order_status::cancelled, change);
    move_order(order, OrderMachine::fulfillment_status, fulfillment_status::cancelled, change);
    if (order.payment.captured.is_zero())
        move_order(order, OrderMachine::payment_status, payment_status::voided, change);
    order.expires_ms.reset();
}

namespace {

namespace os = order_status;
namespace fs = fulfillment_status;

// The order's status follows its fulfilment, step by step through its graph: an order shipped before it is paid
// passes through processing, goods handed over at once pass through shipped.
void follow_shipments(Order& order, const OrderChange& change) {
    const std::string_view fulfillment = fulfillment_from_shipments(order);
    const std::string_view status = fulfillment == fs::delivered ? os::delivered
                                    : fulfillment == fs::shipped ? os::shipped
                                                                 : os::partially_shipped;
    if (order.status == os::pending_payment) move_order(order, OrderMachine::status, os::processing, change);
    if (status == os::delivered && (order.status == os::paid || order.status == os::processing))
        move_order(order, OrderMachine::status, os::shipped, change);
    move_order(order, OrderMachine::status, status, change);
    move_order(order, OrderMachine::fulfillment_status, fulfillment, change);
}

}  // namespace

void record_shipment(Order& order, Shipment shipment, const OrderChange& change) {
    shipment.created_ms = change.now_ms;
    if (shipment.status == shipment_status::delivered) shipment.delivered_ms = change.now_ms;
    order.shipments.push_back(std::move(shipment));
    follow_shipments(order, change);
}

void record_shipment_step(Order& order, std::string_view shipment_id, std::string_view to,
                          const std::optional<std::string>& tracking_number,
                          const std::optional<std::string>& tracking_url, const OrderChange& change) {
    auto shipment = std::find_if(order.shipments.begin(), order.shipments.end(),
                                 [&](const Shipment& each) { return each.id == shipment_id; });
    if (shipment == order.shipments.end())
        throw_not_found("shipment_id", std::string(shipment_id),
                        fmt::format("order {} has no shipment '{}'", order.number, shipment_id));
    if (to != shipment_status::out_for_delivery && to != shipment_status::delivered)
        throw_invalid("status", "unknown_status", "a shipment moves to out_for_delivery or delivered");
    if (!shipment_step_allowed(shipment->status, to))
        throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                    fmt::format("shipment {} cannot go from {} to {}", shipment->id, shipment->status, to),
                    {{"field", "shipment.status"}, {"current", shipment->status}, {"requested", to},
                     {"shipment_id", shipment->id}, {"order_id", order.id}});
    check_tracking_url(tracking_url);
    if (tracking_number) shipment->tracking_number = tracking_number;
    if (tracking_url) shipment->tracking_url = tracking_url;
    shipment->status = std::string(to);
    (to == shipment_status::delivered ? shipment->delivered_ms : shipment->out_for_delivery_ms) = change.now_ms;
    order.updated_ms = change.now_ms;
    if (to == shipment_status::delivered) follow_shipments(order, change);
}

void record_completion(Order& order, const OrderChange& change) {
    if (order.status == os::completed)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, fmt::format("order {} is already completed", order.number),
                    {{"field", "status"}, {"current", order.status}, {"requested", os::completed},
                     {"order_id", order.id}});
    const bool nothing_to_ship = !ships_goods(order) && (order.status == os::paid || order.status == os::processing);
    if (order.status != os::delivered && !nothing_to_ship)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                    fmt::format("order {} is {}: it completes once its goods are delivered", order.number,
                                order.status),
                    {{"reason", "not_delivered"}, {"field", "status"}, {"current", order.status},
                     {"requested", os::completed}, {"order_id", order.id}});
    if (order.payment_status != payment_status::captured &&
        order.payment_status != payment_status::partially_refunded && order.payment_status != payment_status::refunded)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                    fmt::format("order {} cannot be completed while its payment is {}", order.number,
                                order.payment_status),
                    {{"reason", "unpaid"}, {"field", "payment_status"}, {"current", order.payment_status},
                     {"order_id", order.id}});
    move_order(order, OrderMachine::status, os::completed, change);
}

}  // namespace commerce
