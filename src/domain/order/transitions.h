// What happens to an order after checkout, as changes to the Order value: each step checks its machine's graph
// (domain/order/lifecycle.h) and leaves a line in the order's timeline. Storage is the caller's: it saves the
// order with OrderRepository::update in the same transaction as the stock and the outbox events.
#pragma once

#include "domain/order/lifecycle.h"
#include "domain/order/order.h"
#include "domain/order/shipment.h"

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// Who makes a change, when, and why.
struct OrderChange {
    std::optional<std::string> actor_id;  // null for the engine itself (an expiry)
    int64_t now_ms = 0;
    std::optional<std::string> note;
};

// Moves one of the order's machines to `to` and records it in the timeline; a machine already in `to` is left
// as it is. ILLEGAL_STATE (details as require_transition's) for a step the graph does not have.
void move_order(Order& order, OrderMachine machine, std::string_view to, const OrderChange& change);

// Records money taken on the order's payment: the ledger entry, the captured amount, the payment's status, and
// the order's "paid" once everything is captured. An order that receives any money stops expiring.
// ILLEGAL_STATE when the payment takes no more money (captured, refunded or voided); INVALID_ARGUMENT ("amount",
// "out_of_range", details "capturable") for an amount that is not positive or more than is left to capture.
void record_capture(Order& order, PaymentTransaction entry, const OrderChange& change);

// Records money given back (the refund is already planned, domain/order/refund_allocation.h): the refund, its
// ledger entry, and the payment's status ("refunded" once everything captured is back).
void record_refund_payment(Order& order, Refund refund, PaymentTransaction entry, const OrderChange& change);

// ILLEGAL_STATE, with the order's current states, unless it may still be cancelled: nothing has left the store.
void require_cancellable(const Order& order);

// Cancels the order: status and fulfilment "cancelled", a payment with nothing captured "voided", no expiry.
// Captured money must have been refunded first (ILLEGAL_STATE, reason "refund_first", otherwise); an order that
// shipped anything is ILLEGAL_STATE with its current states.
void record_cancellation(Order& order, const OrderChange& change);

// Records a shipment (planned with plan_shipment, given an id) and moves the fulfilment and the order to where the
// shipments now leave them: partially_shipped or shipped (a cash-on-delivery order passes through processing).
void record_shipment(Order& order, Shipment shipment, const OrderChange& change);

// Moves a shipment to out_for_delivery or delivered (tracking may be given or corrected on the way), and the
// order to delivered once every unit has been delivered. NOT_FOUND for a shipment of another order (field
// "shipment_id"); ILLEGAL_STATE ("field": "shipment.status") for a step back or a repeated one; INVALID_ARGUMENT
// for an unknown status or a tracking URL that is not http(s).
void record_shipment_step(Order& order, std::string_view shipment_id, std::string_view to,
                          const std::optional<std::string>& tracking_number,
                          const std::optional<std::string>& tracking_url, const OrderChange& change);

// Completes the order: delivered, or paid with nothing to ship (digital goods), and its payment settled
// (captured, or refunded in part or in full). ILLEGAL_STATE otherwise, with reason "not_delivered" or "unpaid".
void record_completion(Order& order, const OrderChange& change);

}  // namespace commerce
