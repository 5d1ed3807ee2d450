// The order's three state machines, as Medusa and Vendure keep them apart: the order's own status, the payment
// status and the fulfilment status. Each is a fixed graph (docs/orders.md draws them); every change of state goes
// through require_transition, so an order never takes a step its graph does not have.
#pragma once

#include <span>
#include <string_view>

namespace commerce {

namespace order_status {
inline constexpr std::string_view pending_payment = "pending_payment";
inline constexpr std::string_view paid = "paid";
inline constexpr std::string_view processing = "processing";
inline constexpr std::string_view partially_shipped = "partially_shipped";
inline constexpr std::string_view shipped = "shipped";
inline constexpr std::string_view delivered = "delivered";
inline constexpr std::string_view completed = "completed";
inline constexpr std::string_view cancelled = "cancelled";
}  // namespace order_status

namespace payment_status {
inline constexpr std::string_view pending = "pending";  // nothing captured yet: cash on delivery, bank transfer
inline constexpr std::string_view authorized = "authorized";
inline constexpr std::string_view partially_captured = "partially_captured";
inline constexpr std::string_view captured = "captured";
inline constexpr std::string_view partially_refunded = "partially_refunded";
inline constexpr std::string_view refunded = "refunded";
inline constexpr std::string_view voided = "voided";  // given up before anything was captured
}  // namespace payment_status

namespace fulfillment_status {
inline constexpr std::string_view not_fulfilled = "not_fulfilled";
inline constexpr std::string_view partially_shipped = "partially_shipped";
inline constexpr std::string_view shipped = "shipped";
inline constexpr std::string_view delivered = "delivered";
inline constexpr std::string_view cancelled = "cancelled";
}  // namespace fulfillment_status

// Which of the three machines a state belongs to; also the name of the order member that holds it.
enum class OrderMachine { status, payment_status, fulfillment_status };

std::string_view machine_name(OrderMachine machine);

// Every state of the machine, in the order docs/orders.md lists them.
std::span<const std::string_view> machine_states(OrderMachine machine);

// Whether the machine has an edge from → to. A state never leads to itself.
bool transition_allowed(OrderMachine machine, std::string_view from, std::string_view to);

// COMMERCE_ERR_ILLEGAL_STATE unless the machine has the edge from → to; the details name the machine's member
// ("field"), the current state ("current"), the state asked for ("requested") and the order ("order_id").
void require_transition(OrderMachine machine, std::string_view order_id, std::string_view from, std::string_view to);

}  // namespace commerce
