#include "domain/order/manual_payment.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "domain/order/lifecycle.h"

#include <fmt/format.h>

#include <array>

namespace commerce {
namespace {

constexpr std::array<std::string_view, 4> kKinds = {"cash", "cash_on_delivery", "bank_transfer", "card_terminal"};

std::optional<Money> cash_tendered(const nlohmann::json& request, const Money& total) {
    auto text = optional_string(request, "tendered", kMaxShortText);
    if (!text) return std::nullopt;
    Money tendered = Money::parse(*text, total.currency().code);
    if (tendered < total)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                    fmt::format("{} {} tendered is less than the total {}", tendered.amount_string(),
                                total.currency().code, total.amount_string()),
                    {{"field", "payment.tendered"}});
    return tendered;
}

}  // namespace

Payment manual_payment(const nlohmann::json& request, const ManualPaymentTerms& terms) {
    if (!request.is_object()) throw_invalid("payment", "payment must be an object");
    reject_unknown_members(request, "a manual payment", {"method", "kind", "tendered", "reference"});
    const std::string method = required_string(request, "method", kMaxShortText);
    if (method != "manual")
        throw_invalid("payment.method", fmt::format("unknown payment method '{}'; this store offers 'manual'", method));
    const std::string kind = required_string(request, "kind", kMaxShortText);
    if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end())
        throw_invalid("payment.kind", fmt::format("unknown manual payment kind '{}'", kind));
    if (kind != "cash" && request.contains("tendered"))
        throw_invalid("payment.tendered", "tendered applies to cash payments only");
    const auto reference = optional_string(request, "reference", kMaxShortText);
    if (reference && kind != "card_terminal")
        throw_invalid("payment.reference", "a reference applies to card terminal payments only");
    if (reference && !terms.staff)
        throw Error(COMMERCE_ERR_FORBIDDEN, "only staff confirm a card terminal payment",
                    {{"required_permission", "orders.manage"}, {"field", "payment.reference"}});

    const Money zero = Money::zero(terms.total.currency());
    Payment payment{.id = terms.payment_id, .method = method, .kind = kind,
                    .status = std::string(payment_status::pending), .amount = terms.total, .captured = zero,
                    .refunded = zero, .tendered = std::nullopt, .change = std::nullopt, .transactions = {}};
    if (kind == "cash") {
        payment.tendered = cash_tendered(request, terms.total);
        if (payment.tendered) payment.change = *payment.tendered - terms.total;
    }
    if (kind == "cash" || reference) {
        payment.status = std::string(payment_status::captured);
        payment.captured = terms.total;
        payment.transactions.push_back({terms.transaction_id, "capture", "succeeded", terms.total, reference,
                                        kind == "cash" ? "cash_received" : "terminal_approved", terms.actor_id,
                                        terms.now_ms});
    }
    return payment;
}

bool awaits_prompt_payment(const Payment& payment) {
    return payment.status == payment_status::pending && payment.kind == "bank_transfer";
}

}  // namespace commerce
