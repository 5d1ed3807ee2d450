// What an order prints and what it bills: a plain-text receipt for a till's printer and the invoice document,
// each with money in the order's currency written the locale's way (core/locale_format.h).
#pragma once

#include "domain/order/order.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace commerce {

inline constexpr std::size_t kMinReceiptWidth = 24;
inline constexpr std::size_t kMaxReceiptWidth = 120;

// Lines of at most `width` printed characters: the order's number and time, each line with its units, price and
// total, the subtotal, each promotion's discount, shipping, each tax, the total, the payment (tendered and change
// for cash) and what was refunded; the total in the display currency when the cart had one. The labels are
// English; amounts and the time follow the locale.
std::string receipt_text(const Order& order, std::string_view locale, std::size_t width);

// The "invoice" document: the order's number and issue time, whom it bills and where the goods went, each line
// with its net, tax and total, the shipping, the taxes by rate, and the totals, every amount exact and also
// "formatted" for the locale. Σ lines' totals + shipping = total; Σ taxes = tax_total.
nlohmann::json invoice_document(const Order& order, std::string_view locale);

}  // namespace commerce
