#include "domain/order/manual_payment.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"

#include <fmt/format.h>

namespace commerce {

Payment manual_payment(const nlohmann::json& request, const Money& total, std::string payment_id) {
    if (!request.is_object()) throw_invalid("payment", "payment must be an object");
    reject_unknown_members(request, "a manual payment", {"method", "kind", "tendered"});
    const std::string method = required_string(request, "method", kMaxShortText);
    if (method != "manual")
        throw_invalid("payment.method", fmt::format("unknown payment method '{}'; this store offers 'manual'", method));
    const std::string kind = required_string(request, "kind", kMaxShortText);
    if (kind != "cash" && kind != "cash_on_delivery")
        throw_invalid("payment.kind", fmt::format("unknown manual payment kind '{}'", kind));

    Payment payment{.id = std::move(payment_id), .method = method, .kind = kind, .status = "pending",
                    .amount = total, .tendered = std::nullopt, .change = std::nullopt};
    if (kind == "cash") {
        payment.status = "captured";
        if (auto tendered_text = optional_string(request, "tendered", kMaxShortText)) {
            Money tendered = Money::parse(*tendered_text, total.currency().code);
            if (tendered < total)
                throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                            fmt::format("{} {} tendered is less than the total {}", tendered.amount_string(),
                                        total.currency().code, total.amount_string()),
                            {{"field", "payment.tendered"}});
            payment.tendered = tendered;
            payment.change = tendered - total;
        }
    } else if (request.contains("tendered")) {
        throw_invalid("payment.tendered", "tendered applies to cash payments only");
    }
    return payment;
}

}  // namespace commerce
