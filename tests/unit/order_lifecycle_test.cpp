// The order's state machines and the refund allocation, as pure functions over an Order value.
#include "domain/order/lifecycle.h"
#include "domain/order/refund_allocation.h"
#include "domain/order/transitions.h"

#include "core/currency.h"
#include "error_of.h"

#include <doctest/doctest.h>

#include <random>
#include <set>

using namespace commerce;

namespace {

const Currency& eur() { return Money::parse("0.00", "EUR").currency(); }
Money eur_minor(int64_t minor) { return Money::from_minor(minor, eur()); }

// An order paid in full whose lines charged `totals` (with `taxes` inside them) and whose shipping charged
// `shipping` with `shipping_tax`.
Order paid_order(const std::vector<std::pair<int64_t, int64_t>>& quantity_and_total, const std::vector<int64_t>& taxes,
                 int64_t shipping, int64_t shipping_tax) {
    const Money zero = eur_minor(0);
    Order order{.id = "o1", .number = "2026-000001", .user_id = std::nullopt, .email = "a@b.test", .cart_id = "c1",
                .currency = &eur(), .status = "paid", .payment_status = "captured",
                .fulfillment_status = "not_fulfilled", .lines = {}, .subtotal = zero, .shipping = eur_minor(shipping),
                .shipping_tax = eur_minor(shipping_tax), .total = eur_minor(shipping),
                .payment = {.id = "p1", .method = "manual", .kind = "cash", .status = "captured", .amount = zero,
                            .captured = zero, .refunded = zero, .tendered = std::nullopt, .change = std::nullopt,
                            .transactions = {}},
                .created_ms = 0, .updated_ms = 0, .expires_ms = std::nullopt, .totals = nullptr, .timeline = {},
                .refunds = {}, .shipments = {}, .returns = {}, .shipping_address = std::nullopt,
                .billing_address = std::nullopt};
    for (std::size_t i = 0; i < quantity_and_total.size(); ++i) {
        const auto [quantity, total] = quantity_and_total[i];
        order.lines.push_back({.product_id = "p", .variant_id = "v" + std::to_string(i), .sku = "S", .title = "T",
                               .options = {}, .quantity = quantity, .unit_price = zero, .line_total = eur_minor(total),
                               .discount = zero, .tax = eur_minor(taxes[i]), .total = eur_minor(total),
                               .note = std::nullopt, .attributes = {}, .refunded_quantity = 0, .digital = false});
        order.total = order.total + eur_minor(total);
    }
    order.payment.amount = order.payment.captured = order.total;
    return order;
}

Refund refund_of(Order& order, const RefundRequest& request) {
    Refund refund = plan_refund(order, request);
    record_refund(order, refund);
    return refund;
}

}  // namespace

TEST_CASE("every state of each machine is reachable from where an order starts, and the ends lead nowhere") {
    const std::pair<OrderMachine, std::string_view> starts[] = {
        {OrderMachine::status, order_status::pending_payment},
        {OrderMachine::payment_status, payment_status::pending},
        {OrderMachine::fulfillment_status, fulfillment_status::not_fulfilled}};
    for (const auto& [machine, start] : starts) {
        CAPTURE(machine_name(machine));
        std::set<std::string_view> reached = {start};
        for (bool grew = true; grew;) {
            grew = false;
            for (auto from : reached)
                for (auto to : machine_states(machine))
                    if (transition_allowed(machine, from, to) && reached.insert(to).second) grew = true;
        }
        CHECK(reached.size() == machine_states(machine).size());
        for (auto state : machine_states(machine)) CHECK_FALSE(transition_allowed(machine, state, state));
    }
    for (auto state : machine_states(OrderMachine::status)) {
        CHECK_FALSE(transition_allowed(OrderMachine::status, order_status::cancelled, state));
        CHECK_FALSE(transition_allowed(OrderMachine::status, order_status::completed, state));
    }
    CHECK_FALSE(transition_allowed(OrderMachine::status, order_status::shipped, order_status::cancelled));
    CHECK_FALSE(transition_allowed(OrderMachine::payment_status, payment_status::refunded, payment_status::captured));
}

TEST_CASE("an illegal step names the machine, the current state and the state asked for") {
    const Error error = error_of([] {
        require_transition(OrderMachine::status, "o1", order_status::delivered, order_status::paid);
    });
    CHECK(error.code() == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(error.details() == nlohmann::json{{"field", "status"}, {"current", "delivered"}, {"requested", "paid"},
                                            {"order_id", "o1"}});
}

TEST_CASE("a refused step leaves the order as it was") {
    Order order = paid_order({{1, 1000}}, {0}, 0, 0);
    const Order before = order;
    CHECK(error_of([&] {
              record_capture(order, {"t", "capture", "succeeded", eur_minor(1), std::nullopt, "recorded",
                                     std::nullopt, 5},
                             {std::nullopt, 5, std::nullopt});
          }).code() == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(order.payment.captured == before.payment.captured);
    CHECK(order.payment.transactions.empty());
    CHECK(order.timeline.empty());
}

TEST_CASE("1.00 over three units comes back 0.33, 0.34, 0.33 and its tax with it") {
    Order order = paid_order({{3, 100}}, {16}, 0, 0);
    std::vector<std::string> amounts, taxes;
    for (int unit = 0; unit < 3; ++unit) {
        const Refund refund = refund_of(order, {.lines = {{0, 1, false}}});
        amounts.push_back(refund.amount.amount_string());
        taxes.push_back(refund.tax.amount_string());
    }
    CHECK(amounts == std::vector<std::string>{"0.33", "0.34", "0.33"});
    CHECK(taxes == std::vector<std::string>{"0.05", "0.06", "0.05"});
    CHECK(order.payment.refunded == order.total);
}

TEST_CASE("random sequences of unit and amount refunds never give back more than a part charged, and end exact") {
    std::mt19937_64 random(20261204);
    for (int round = 0; round < 300; ++round) {
        std::vector<std::pair<int64_t, int64_t>> lines;
        std::vector<int64_t> taxes;
        const int line_count = 1 + static_cast<int>(random() % 4);
        for (int i = 0; i < line_count; ++i) {
            const int64_t total = static_cast<int64_t>(random() % 10'000);
            lines.push_back({1 + static_cast<int64_t>(random() % 7), total});
            taxes.push_back(total == 0 ? 0 : static_cast<int64_t>(random() % (total / 4 + 1)));
        }
        const int64_t shipping = static_cast<int64_t>(random() % 800);
        Order order = paid_order(lines, taxes, shipping, shipping / 5);
        CAPTURE(round);
        for (int step = 0; step < 6 && !refundable(order).is_zero(); ++step) {
            RefundRequest request;
            if (random() % 3 == 0) {
                request.amount = eur_minor(1 + static_cast<int64_t>(random() % refundable(order).minor()));
            } else {
                for (std::size_t i = 0; i < order.lines.size(); ++i) {
                    const int64_t left = order.lines[i].quantity - order.lines[i].refunded_quantity;
                    if (left > 0 && random() % 2 == 0)
                        request.lines.push_back({static_cast<int64_t>(i), 1 + static_cast<int64_t>(random() % left),
                                                 false});
                }
                request.shipping = random() % 4 == 0 && order.refunds.empty();
                if (request.lines.empty() && !request.shipping) continue;
            }
            try {
                refund_of(order, request);
            } catch (const Error& error) {
                CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);  // shipping already given back by an amount
                continue;
            }
        }
        // Give back everything left, unit by unit, then the shipping: every part ends exactly at what it charged.
        RefundRequest rest;
        for (std::size_t i = 0; i < order.lines.size(); ++i)
            if (order.lines[i].quantity > order.lines[i].refunded_quantity)
                rest.lines.push_back(
                    {static_cast<int64_t>(i), order.lines[i].quantity - order.lines[i].refunded_quantity, false});
        if (!rest.lines.empty()) refund_of(order, rest);
        int64_t shipping_back = 0;
        for (const auto& refund : order.refunds) shipping_back += refund.shipping.minor();
        if (shipping_back < shipping) refund_of(order, {.shipping = true});

        std::vector<int64_t> back(order.lines.size()), tax_back(order.lines.size());
        int64_t total_tax = 0;
        for (const auto& refund : order.refunds) {
            int64_t parts = refund.shipping.minor(), tax = refund.shipping_tax.minor();
            for (const auto& line : refund.lines) {
                back[static_cast<std::size_t>(line.line)] += line.amount.minor();
                tax_back[static_cast<std::size_t>(line.line)] += line.tax.minor();
                parts += line.amount.minor();
                tax += line.tax.minor();
                CHECK(line.amount.minor() >= 0);
                CHECK(line.tax.minor() >= 0);
            }
            CHECK(parts == refund.amount.minor());
            CHECK(tax == refund.tax.minor());
            total_tax += tax;
        }
        for (std::size_t i = 0; i < order.lines.size(); ++i) {
            CHECK(back[i] == order.lines[i].total.minor());
            CHECK(tax_back[i] == order.lines[i].tax.minor());
        }
        CHECK(order.payment.refunded == order.total);
        int64_t charged_tax = order.shipping_tax.minor();
        for (const auto& line : order.lines) charged_tax += line.tax.minor();
        CHECK(total_tax == charged_tax);
    }
}
