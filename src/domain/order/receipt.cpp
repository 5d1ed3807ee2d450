#include "domain/order/receipt.h"

#include "core/locale_format.h"
#include "core/timestamp.h"
#include "domain/order/postal_address.h"

#include <fmt/format.h>

namespace commerce {
namespace {

// A receipt being written: left text and right-aligned amounts, each line cut to the paper's width.
class ReceiptWriter {
public:
    ReceiptWriter(std::string_view locale, std::size_t width) : locale_(locale), width_(width) {}

    void centered(std::string_view text) {
        const std::string fitted = fit_width(text, width_);
        out_ += std::string((width_ - printed_width(fitted)) / 2, ' ') + fitted + '\n';
    }
    void rule(char c = '-') { out_ += std::string(width_, c) + '\n'; }
    // "label ........ amount": the label gives way to the amount when both do not fit.
    void row(std::string_view label, const Money& amount) { row(label, format_money(amount, locale_)); }
    void row(std::string_view label, const std::string& right) {
        const std::size_t right_width = printed_width(right);
        const std::size_t room = width_ > right_width + 1 ? width_ - right_width - 1 : 0;
        const std::string left = fit_width(label, room);
        const std::size_t used = printed_width(left) + right_width;
        out_ += left + std::string(width_ > used ? width_ - used : 0, ' ') + right + '\n';
    }
    void text(std::string_view line) { out_ += fit_width(line, width_) + '\n'; }
    const std::string& locale() const { return locale_; }
    std::string done() { return std::move(out_); }

private:
    std::string locale_;
    std::size_t width_;
    std::string out_;
};

Money money_of(const nlohmann::json& value) { return Money::from_json(value); }

}  // namespace

std::string receipt_text(const Order& order, std::string_view locale, std::size_t width) {
    ReceiptWriter receipt(locale, width);
    receipt.centered("Order " + order.number);
    receipt.centered(format_moment(order.created_ms, locale));
    receipt.rule();
    for (const auto& line : order.lines) {
        receipt.row(fmt::format("{} x {}", line.quantity, line.title), line.line_total);
        receipt.text(fmt::format("  {} @ {}", line.sku, format_money(line.unit_price, locale)));
    }
    receipt.rule();
    receipt.row("Subtotal", order.subtotal);
    const nlohmann::json& totals = order.totals;
    if (totals.is_object()) {
        for (const auto& discount : totals.at("discounts"))
            receipt.row(discount.at("name").get<std::string>(), -money_of(discount.at("amount")));
        if (totals.at("shipping_method").is_object())
            receipt.row("Shipping: " + totals.at("shipping_method").at("name").get<std::string>(),
                        money_of(totals.at("shipping_total")));
        const bool included = totals.at("prices_include_tax").get<bool>();
        for (const auto& tax : totals.at("taxes"))
            receipt.row(fmt::format("{} {}%{}", tax.at("name").get<std::string>(), tax.at("percent").get<std::string>(),
                                    included ? " (incl.)" : ""),
                        money_of(tax.at("amount")));
    }
    receipt.rule('=');
    receipt.row("TOTAL", order.total);
    if (totals.is_object() && totals.value("display", nlohmann::json()).is_object()) {
        const nlohmann::json& display = totals.at("display");
        receipt.row("Shown as", money_of(display.at("total")));
        receipt.text("  at " + display.at("rate").at("rate").get<std::string>());
    }
    receipt.rule('=');
    const Payment& payment = order.payment;
    receipt.row("Paid (" + payment.kind + ")", payment.captured);
    if (payment.tendered) receipt.row("Tendered", *payment.tendered);
    if (payment.change) receipt.row("Change", *payment.change);
    if (payment.captured < payment.amount) receipt.row("Due", payment.amount - payment.captured);
    if (!payment.refunded.is_zero()) receipt.row("Refunded", -payment.refunded);
    return receipt.done();
}

nlohmann::json invoice_document(const Order& order, std::string_view locale) {
    const auto formatted = [&](const Money& money) { return format_money(money, locale); };
    const auto money_json = [&](const Money& money) {
        nlohmann::json value = money.to_json();
        value["formatted"] = formatted(money);
        return value;
    };
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : order.lines)
        lines.push_back({{"description", line.title}, {"sku", line.sku}, {"quantity", line.quantity},
                         {"unit_price", money_json(line.unit_price)}, {"discount", money_json(line.discount)},
                         {"net", money_json(line.total - line.tax)}, {"tax", money_json(line.tax)},
                         {"total", money_json(line.total)}});
    nlohmann::json taxes = nlohmann::json::array();
    Money tax_total = Money::zero(*order.currency);
    bool included = false;
    if (order.totals.is_object()) {
        included = order.totals.at("prices_include_tax").get<bool>();
        for (const auto& tax : order.totals.at("taxes")) {
            const Money amount = money_of(tax.at("amount"));
            tax_total = tax_total + amount;
            taxes.push_back({{"name", tax.at("name")}, {"percent", tax.at("percent")}, {"amount", money_json(amount)}});
        }
    }
    const auto address = [](const std::optional<PostalAddress>& value) {
        return value ? postal_address_json(*value) : nlohmann::json(nullptr);
    };
    return {{"type", "invoice"},
            {"schema_version", 1},
            {"order_id", order.id},
            {"number", order.number},
            {"issued_at", format_rfc3339(order.created_ms)},
            {"issued_at_formatted", format_moment(order.created_ms, locale)},
            {"locale", locale},
            {"currency", order.currency->code},
            {"email", order.email},
            {"bill_to", address(order.billing_address)},
            {"ship_to", address(order.shipping_address)},
            {"lines", std::move(lines)},
            {"shipping", {{"net", money_json(order.shipping - order.shipping_tax)},
                          {"tax", money_json(order.shipping_tax)},
                          {"total", money_json(order.shipping)}}},
            {"taxes", std::move(taxes)},
            {"prices_include_tax", included},
            {"subtotal", money_json(order.subtotal)},
            {"tax_total", money_json(tax_total)},
            {"total", money_json(order.total)},
            {"paid", money_json(order.payment.captured)},
            {"refunded", money_json(order.payment.refunded)}};
}

}  // namespace commerce
