#include "domain/order/transitions.h"

#include "core/error.h"
#include "domain/order/lifecycle.h"
#include "domain/order/refund_allocation.h"

#include <fmt/format.h>

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
                              change.note, change.now_ms});
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
    if (complete) {
        order.expires_ms.reset();
        if (order.status == order_status::pending_payment)
            move_order(order, OrderMachine::status, order_status::paid, change);
    }
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
                    fmt::format("order {} cannot be cancelled: it is {} and {}", order.number, order.status,
                                order.fulfillment_status),
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

}  // namespace commerce
