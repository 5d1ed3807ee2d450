// An order: an immutable snapshot of what was bought and at which price, with the state it has reached since,
// its timeline, its payment with the ledger of every attempt on it, and its refunds.
#pragma once

#include "core/money.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

struct OrderLine {
    std::string product_id;
    std::string variant_id;
    std::string sku;
    std::string title;
    std::map<std::string, std::string> options;  // the variant's option values when it was bought
    int64_t quantity = 0;
    Money unit_price;
    Money line_total;  // unit_price × quantity, before promotions
    Money discount;    // what promotions took off the line
    Money tax;         // the tax in `total` (added to prices that exclude it, contained in prices that include it)
    Money total;       // what the line was charged: line_total − discount (+ tax when prices exclude it)
    std::optional<std::string> note;  // the cart line's note and attributes, as the shopper left them
    std::map<std::string, std::string> attributes;
    int64_t refunded_quantity = 0;  // units refunded so far
    bool digital = false;           // delivered by download, never shipped
};

// One attempt on a payment, kept for ever: what was asked of the gateway and what it answered.
struct PaymentTransaction {
    std::string id;
    std::string operation;  // "authorize" | "capture" | "void" | "refund"
    std::string status;     // "succeeded" | "failed" | "pending"
    Money amount;
    std::optional<std::string> reference;  // the gateway's (a terminal receipt number for a card at the till)
    std::string raw_status;                // what the gateway called it
    std::optional<std::string> actor_id;
    int64_t created_ms = 0;
};

struct Payment {
    std::string id;
    std::string method;  // "manual"
    std::string kind;    // "cash" | "cash_on_delivery" | "bank_transfer" | "card_terminal"
    std::string status;  // a payment_status (domain/order/lifecycle.h)
    Money amount;        // what the order asks for
    Money captured;
    Money refunded;
    std::optional<Money> tendered;
    std::optional<Money> change;
    std::vector<PaymentTransaction> transactions;  // oldest first
};

// A change of one of the order's states, or another moment worth a line in its timeline ("placed").
struct OrderEvent {
    // "placed", the member that changed ("status", "payment_status", "fulfillment_status"), or "return_status"
    std::string kind;
    std::optional<std::string> from;
    std::string to;
    std::optional<std::string> actor_id;  // null for the engine itself (an expiry) or a guest
    std::optional<std::string> note;
    int64_t at_ms = 0;
    std::optional<std::string> subject_id;  // the return a "return_status" event is about
};

struct RefundLine {
    int64_t line = 0;  // the order line's position
    int64_t quantity = 0;  // units given back (0 when an amount was spread over the line)
    Money amount;      // what the line gave back, its tax included
    Money tax;
    bool restocked = false;
};

struct Refund {
    std::string id;
    Money amount;  // Σ lines' amounts + shipping
    Money tax;     // Σ lines' taxes + shipping_tax
    std::vector<RefundLine> lines;
    Money shipping;
    Money shipping_tax;
    std::optional<std::string> reason;
    std::optional<std::string> note;
    std::optional<std::string> actor_id;
    int64_t created_ms = 0;
};

struct ShipmentLine {
    int64_t line = 0;  // the order line's position
    int64_t quantity = 0;
};

struct Shipment {
    std::string id;
    std::string status;  // a shipment_status (domain/order/shipment.h)
    std::optional<std::string> carrier;
    std::optional<std::string> tracking_number;
    std::optional<std::string> tracking_url;
    std::vector<ShipmentLine> lines;
    int64_t created_ms = 0;  // when it was handed over (shipped)
    std::optional<int64_t> out_for_delivery_ms;
    std::optional<int64_t> delivered_ms;
};

struct ReturnLine {
    int64_t line = 0;  // the order line's position
    int64_t quantity = 0;
    std::optional<std::string> reason;       // the shopper's ("too small")
    std::optional<std::string> disposition;  // once received: "restock" or "discard"
};

// A return (RMA): requested → approved or rejected; approved → received (and refunded, when it is).
struct OrderReturn {
    std::string id;
    std::string status;  // a return_status (domain/order/returns.h)
    std::vector<ReturnLine> lines;
    std::optional<std::string> note;
    std::optional<std::string> requested_by;
    std::optional<std::string> refund_id;  // the refund it gave, once received
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

// Where an order goes and whom it bills, as the shopper gave it at checkout.
struct PostalAddress {
    std::string name, company, line1, line2, city, region, postal_code, country, phone;
};

struct Order {
    std::string id;
    std::string number;  // "2026-000123", sequential per store and year
    std::optional<std::string> user_id;
    std::string email;
    std::string cart_id;
    const Currency* currency = nullptr;
    std::string status;              // an order_status (domain/order/lifecycle.h)
    std::string payment_status;      // the payment's status
    std::string fulfillment_status;  // a fulfillment_status
    std::vector<OrderLine> lines;
    Money subtotal;
    Money shipping;      // what shipping was charged: total − Σ lines' totals
    Money shipping_tax;  // the tax in `shipping`
    Money total;
    Payment payment;
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
    std::optional<int64_t> expires_ms;  // an unpaid order is cancelled after this moment
    // The cart's totals when the order was placed (discounts, taxes, reconciled); null for orders placed before
    // pricing existed.
    nlohmann::json totals;
    std::vector<OrderEvent> timeline;  // oldest first
    std::vector<Refund> refunds;       // oldest first
    std::vector<Shipment> shipments;   // oldest first
    std::vector<OrderReturn> returns;  // oldest first
    std::optional<PostalAddress> shipping_address;
    std::optional<PostalAddress> billing_address;
};

}  // namespace commerce
