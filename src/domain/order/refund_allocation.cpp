#include "domain/order/refund_allocation.h"

#include "core/error.h"
#include "domain/order/line_units.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {

// What one part of the order (a line, or the shipping) charged and has given back so far.
struct Part {
    Money total;
    Money tax;
    Money refunded;
    Money refunded_tax;

    Money left() const { return total - refunded; }
    Money tax_left() const { return tax - refunded_tax; }
};

std::vector<Part> line_parts(const Order& order) {
    std::vector<Part> parts;
    const Money zero = Money::zero(*order.currency);
    for (const auto& line : order.lines) parts.push_back({line.total, line.tax, zero, zero});
    for (const auto& refund : order.refunds)
        for (const auto& line : refund.lines) {
            Part& part = parts.at(static_cast<std::size_t>(line.line));
            part.refunded = part.refunded + line.amount;
            part.refunded_tax = part.refunded_tax + line.tax;
        }
    return parts;
}

Part shipping_part(const Order& order) {
    Part part{order.shipping, order.shipping_tax, Money::zero(*order.currency), Money::zero(*order.currency)};
    for (const auto& refund : order.refunds) {
        part.refunded = part.refunded + refund.shipping;
        part.refunded_tax = part.refunded_tax + refund.shipping_tax;
    }
    return part;
}

// The share of `amount` the first `units` of `quantity` carry.
Money first_units_share(const Money& amount, int64_t units, int64_t quantity) {
    const int64_t split[] = {units, quantity - units};
    return amount.allocate(split)[0];
}

Money clamp(const Money& value, const Money& low, const Money& high) { return std::min(std::max(value, low), high); }

// The tax inside `slice` of a part: in proportion to the tax left in what is left of it, so that the part's last
// slice takes exactly the tax that remains.
Money tax_in_slice(const Part& part, const Money& slice) {
    const Money left = part.left();
    if (left.is_zero()) return Money::zero(slice.currency());
    const int64_t weights[] = {part.tax_left().minor(), (left - part.tax_left()).minor()};
    if (weights[0] < 0 || weights[1] < 0) return clamp(part.tax_left(), Money::zero(slice.currency()), slice);
    return slice.allocate(weights)[0];
}

void check_line_requests(const Order& order, const RefundRequest& request) {
    std::vector<LineUnits> asked;
    std::vector<int64_t> unrefunded;
    for (const auto& line : request.lines) asked.push_back({line.line, line.quantity});
    for (const auto& line : order.lines) unrefunded.push_back(line.quantity - line.refunded_quantity);
    check_line_units(order, asked, unrefunded, /*physical_only=*/false, "left to refund");
}

void plan_line_units(const Order& order, const RefundRequest& request, std::vector<Part>& parts, Refund& refund) {
    const Money zero = Money::zero(*order.currency);
    for (const auto& asked : request.lines) {
        const OrderLine& line = order.lines[static_cast<std::size_t>(asked.line)];
        Part& part = parts[static_cast<std::size_t>(asked.line)];
        const int64_t units_after = line.refunded_quantity + asked.quantity;
        // Measured against what the line gave back in any way so far (an amount spread over it included).
        const Money amount = clamp(first_units_share(line.total, units_after, line.quantity) - part.refunded, zero,
                                   part.left());
        const Money tax = clamp(first_units_share(line.tax, units_after, line.quantity) - part.refunded_tax, zero,
                                std::min(amount, part.tax_left()));
        refund.lines.push_back({asked.line, asked.quantity, amount, tax, asked.restock});
    }
}

void plan_amount(const Order& order, const Money& amount, const std::vector<Part>& parts, const Part& shipping,
                 Refund& refund) {
    if (amount.is_negative() || amount.is_zero()) throw_invalid("amount", "out_of_range", "a refund must be positive");
    std::vector<int64_t> weights;
    for (const auto& part : parts) weights.push_back(part.left().minor());
    weights.push_back(shipping.left().minor());
    Money left = Money::zero(*order.currency);
    for (const auto& part : parts) left = left + part.left();
    left = left + shipping.left();
    if (amount > left)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                    fmt::format("{} {} is more than the {} left to refund on the order", amount.amount_string(),
                                amount.currency().code, left.amount_string()),
                    {{"reason", "exceeds_captured"}, {"refundable", left.to_json()}});
    const std::vector<Money> slices = amount.allocate(weights);
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (!slices[i].is_zero())
            refund.lines.push_back({static_cast<int64_t>(i), 0, slices[i], tax_in_slice(parts[i], slices[i]), false});
    refund.shipping = slices.back();
    refund.shipping_tax = tax_in_slice(shipping, slices.back());
}

}  // namespace

Money refundable(const Order& order) { return order.payment.captured - order.payment.refunded; }

Refund plan_refund(const Order& order, const RefundRequest& request) {
    const Money zero = Money::zero(*order.currency);
    Refund refund{.id = {}, .amount = zero, .tax = zero, .lines = {}, .shipping = zero, .shipping_tax = zero,
                  .reason = request.reason, .note = request.note, .actor_id = std::nullopt, .created_ms = 0};
    std::vector<Part> parts = line_parts(order);
    const Part shipping = shipping_part(order);
    if (request.amount) {
        if (!request.lines.empty() || request.shipping)
            throw_invalid("amount", "exclusive", "give either lines and shipping, or an amount");
        if (request.amount->currency().code != order.currency->code)
            throw Error(COMMERCE_ERR_CURRENCY_MISMATCH,
                        fmt::format("the order is in {}, the refund in {}", order.currency->code,
                                    request.amount->currency().code),
                        {{"field", "amount"}, {"currency", order.currency->code}});
        plan_amount(order, *request.amount, parts, shipping, refund);
    } else {
        check_line_requests(order, request);
        plan_line_units(order, request, parts, refund);
        if (request.shipping) {
            if (order.shipping.is_zero())
                throw_invalid("shipping", "nothing_to_refund", "the order charged nothing for shipping");
            if (shipping.left().is_zero())
                throw_invalid("shipping", "already_refunded", "there is no shipping left to refund");
            refund.shipping = shipping.left();
            refund.shipping_tax = shipping.tax_left();
        }
    }
    refund.amount = refund.shipping;
    refund.tax = refund.shipping_tax;
    for (const auto& line : refund.lines) {
        refund.amount = refund.amount + line.amount;
        refund.tax = refund.tax + line.tax;
    }
    if (refund.amount.is_zero() && request.lines.empty() && !request.shipping)
        throw_invalid("lines", "nothing_to_refund", "name the lines, the shipping or an amount to refund");
    if (refund.amount > refundable(order))
        throw Error(
            COMMERCE_ERR_ILLEGAL_STATE,
            fmt::format("{} {} is more than the {} captured and not yet refunded", refund.amount.amount_string(),
                        order.currency->code, refundable(order).amount_string()),
            {{"reason", "exceeds_captured"}, {"refundable", refundable(order).to_json()}, {"order_id", order.id}});
    return refund;
}

void record_refund(Order& order, Refund refund) {
    for (const auto& line : refund.lines)
        order.lines[static_cast<std::size_t>(line.line)].refunded_quantity += line.quantity;
    order.payment.refunded = order.payment.refunded + refund.amount;
    order.refunds.push_back(std::move(refund));
}

}  // namespace commerce
