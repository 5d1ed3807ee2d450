// Returns (RMA): a shopper asks to send units back, staff approve or reject, the goods arrive and are restocked or
// discarded line by line, and the units are refunded (docs/orders.md#returns).
#pragma once

#include "domain/order/order.h"
#include "domain/order/transitions.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

namespace return_status {
inline constexpr std::string_view requested = "requested";
inline constexpr std::string_view approved = "approved";
inline constexpr std::string_view rejected = "rejected";
inline constexpr std::string_view received = "received";
inline constexpr std::string_view refunded = "refunded";
}  // namespace return_status

// The units of each line that may still be asked back: shipped (or handed over), and not yet in a return that
// was not rejected. Digital lines are never returned.
std::vector<int64_t> returnable_units(const Order& order);

// A return of the requested lines (the caller gives it an id, who asked and when). INVALID_ARGUMENT with a
// stable reason: a line out of range ("lines[i].line", "unknown_line"), twice ("duplicate"), digital
// ("digital"), more units than may be returned ("lines[i].quantity", "out_of_range", details "available"), no
// lines ("lines", "required").
OrderReturn plan_return(const Order& order, std::vector<ReturnLine> lines);

// The order's return with this id; NOT_FOUND (field "return_id") otherwise.
OrderReturn& return_of(Order& order, std::string_view return_id);

// Moves a return along requested → approved | rejected, approved → received, received → refunded, and records
// it in the order's timeline (kind "return_status", subject_id the return's id). ILLEGAL_STATE ("field":
// "return.status", "current", "requested") for any other step.
void move_return(Order& order, OrderReturn& order_return, std::string_view to, const OrderChange& change);

}  // namespace commerce
