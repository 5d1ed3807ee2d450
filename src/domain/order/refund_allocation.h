// How a refund is spread over what the order charged: its lines and its shipping, each with the tax inside it.
// Every amount is exact and nothing is given back twice: once every unit of a line is refunded, the refunds of
// that line add up to exactly what it was charged, however the units were split, and an amount spread over the
// order never takes more from a part than is left of it.
#pragma once

#include "domain/order/order.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace commerce {

struct RefundedLineRequest {
    int64_t line = 0;  // the order line's position
    int64_t quantity = 0;
    bool restock = false;
};

// Either units of lines (and the shipping), or an amount the engine spreads over what is left, never both.
struct RefundRequest {
    std::vector<RefundedLineRequest> lines;
    bool shipping = false;
    std::optional<Money> amount;
    std::optional<std::string> reason;
    std::optional<std::string> note;
};

// The refund the request asks for, with every part's amount and tax; the caller gives it an id, an actor and a
// time. Units of a line: the share of the line's total (and of its tax) that the first k units carry, by
// Money::allocate over [k, quantity − k], minus what the line gave back already; the shipping: what is left of
// it. An amount: spread over what is left of every line and of the shipping by largest remainder, each part's
// tax in proportion to the tax left in it.
//
// INVALID_ARGUMENT, with a stable reason: a line out of range ("lines[i].line", "unknown_line"), a line given
// twice ("duplicate"), more units than are left unrefunded ("lines[i].quantity", "out_of_range"), lines or
// shipping together with an amount ("amount", "exclusive"), an amount that is not positive ("amount",
// "out_of_range"), shipping already given back ("shipping", "already_refunded") or never charged ("shipping",
// "nothing_to_refund"), a refund of nothing ("lines", "nothing_to_refund"). CURRENCY_MISMATCH for an amount in another
// currency. ILLEGAL_STATE with reason "exceeds_captured" and "refundable" when it asks for more than was captured and
// not yet refunded.
Refund plan_refund(const Order& order, const RefundRequest& request);

// Records the refund on the order: its lines' refunded units, the payment's refunded amount, the refund itself.
void record_refund(Order& order, Refund refund);

// What the payment can still give back: captured − refunded.
Money refundable(const Order& order);

}  // namespace commerce
