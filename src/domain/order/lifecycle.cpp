#include "domain/order/lifecycle.h"

#include "core/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace commerce {
namespace {

struct Edge {
    std::string_view from;
    std::string_view to;
};

namespace os = order_status;
namespace ps = payment_status;
namespace fs = fulfillment_status;

// A cash-on-delivery order is processed and shipped before it is paid, so processing does not wait for "paid";
// an order with nothing to ship (digital goods, a sale over the counter) completes without a delivery.
constexpr std::array kStatusStates = {os::pending_payment, os::paid,      os::processing, os::partially_shipped,
                                      os::shipped,         os::delivered, os::completed,  os::cancelled};
constexpr std::array<Edge, 16> kStatusEdges = {{
    {os::pending_payment, os::paid},        {os::pending_payment, os::processing},
    {os::pending_payment, os::cancelled},   {os::paid, os::processing},
    {os::paid, os::partially_shipped},      {os::paid, os::shipped},
    {os::paid, os::completed},              {os::paid, os::cancelled},
    {os::processing, os::partially_shipped}, {os::processing, os::shipped},
    {os::processing, os::completed},        {os::processing, os::cancelled},
    {os::partially_shipped, os::shipped},   {os::shipped, os::delivered},
    {os::partially_shipped, os::delivered}, {os::delivered, os::completed},
}};

// Captures may come in parts (Stripe's multicapture, a deposit at a till); refunds never exceed what was captured.
constexpr std::array kPaymentStates = {ps::pending,  ps::authorized,         ps::partially_captured, ps::captured,
                                       ps::partially_refunded, ps::refunded, ps::voided};
constexpr std::array<Edge, 13> kPaymentEdges = {{
    {ps::pending, ps::authorized},
    {ps::pending, ps::partially_captured},
    {ps::pending, ps::captured},
    {ps::pending, ps::voided},
    {ps::authorized, ps::partially_captured},
    {ps::authorized, ps::captured},
    {ps::authorized, ps::voided},
    {ps::partially_captured, ps::captured},
    {ps::partially_captured, ps::partially_refunded},
    {ps::partially_captured, ps::refunded},
    {ps::captured, ps::partially_refunded},
    {ps::captured, ps::refunded},
    {ps::partially_refunded, ps::refunded},
}};

// A pickup goes straight to delivered; cancelled is only reachable before anything left the store.
constexpr std::array kFulfillmentStates = {fs::not_fulfilled, fs::partially_shipped, fs::shipped, fs::delivered,
                                           fs::cancelled};
constexpr std::array<Edge, 7> kFulfillmentEdges = {{
    {fs::not_fulfilled, fs::partially_shipped},
    {fs::not_fulfilled, fs::shipped},
    {fs::not_fulfilled, fs::delivered},
    {fs::not_fulfilled, fs::cancelled},
    {fs::partially_shipped, fs::shipped},
    {fs::partially_shipped, fs::delivered},
    {fs::shipped, fs::delivered},
}};

std::span<const Edge> machine_edges(OrderMachine machine) {
    switch (machine) {
        case OrderMachine::status: return kStatusEdges;
        case OrderMachine::payment_status: return kPaymentEdges;
        case OrderMachine::fulfillment_status: return kFulfillmentEdges;
    }
    return {};
}

}  // namespace

std::string_view machine_name(OrderMachine machine) {
    switch (machine) {
        case OrderMachine::status: return "status";
        case OrderMachine::payment_status: return "payment_status";
        case OrderMachine::fulfillment_status: return "fulfillment_status";
    }
    return "";
}

std::span<const std::string_view> machine_states(OrderMachine machine) {
    switch (machine) {
        case OrderMachine::status: return kStatusStates;
        case OrderMachine::payment_status: return kPaymentStates;
        case OrderMachine::fulfillment_status: return kFulfillmentStates;
    }
    return {};
}

bool transition_allowed(OrderMachine machine, std::string_view from, std::string_view to) {
    const auto edges = machine_edges(machine);
    return std::any_of(edges.begin(), edges.end(),
                       [&](const Edge& edge) { return edge.from == from && edge.to == to; });
}

void require_transition(OrderMachine machine, std::string_view order_id, std::string_view from, std::string_view to) {
    if (transition_allowed(machine, from, to)) return;
    throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                fmt::format("order {}: {} cannot go from {} to {}", order_id, machine_name(machine), from, to),
                {{"field", machine_name(machine)}, {"current", from}, {"requested", to}, {"order_id", order_id}});
}

}  // namespace commerce
