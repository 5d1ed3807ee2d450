// An order: an immutable snapshot of what was bought, at which price, and how it is paid.
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
    Money line_total;
    std::optional<std::string> note;  // the cart line's note and attributes, as the shopper left them
    std::map<std::string, std::string> attributes;
};

struct Payment {
    std::string id;
    std::string method;  // "manual"
    std::string kind;    // "cash" | "cash_on_delivery"
    std::string status;  // "captured" | "pending"
    Money amount;
    std::optional<Money> tendered;
    std::optional<Money> change;
};

struct Order {
    std::string id;
    std::string number;  // "2026-000123", sequential per store and year
    std::optional<std::string> user_id;
    std::string email;
    std::string cart_id;
    const Currency* currency = nullptr;
    std::string status;              // "paid" | "pending_payment"
    std::string payment_status;      // "captured" | "pending"
    std::string fulfillment_status;  // "not_fulfilled"
    std::vector<OrderLine> lines;
    Money subtotal;
    Money total;
    Payment payment;
    int64_t created_ms = 0;
    // The cart's totals when the order was placed (discounts, taxes, reconciled); null for orders placed before
    // pricing existed.
    nlohmann::json totals;
};

}  // namespace commerce
