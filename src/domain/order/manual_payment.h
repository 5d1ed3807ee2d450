// The built-in "manual" payment method: money a person takes rather than a gateway. Cash is taken at once (the
// change computed); cash on delivery and bank transfers wait for staff to record the money's arrival; a card
// terminal at the till is confirmed by staff with the terminal's receipt reference (docs/payments.md).
#pragma once

#include "domain/order/order.h"

#include <nlohmann/json.hpp>

namespace commerce {

struct ManualPaymentTerms {
    std::string payment_id;
    std::string transaction_id;  // of the capture, when the money is taken at once
    Money total;
    bool staff = false;  // the caller holds "orders.manage": only staff confirm a terminal payment at placement
    std::optional<std::string> actor_id;
    int64_t now_ms = 0;
};

// The payment of an order from {"method": "manual", "kind": ..., "tendered": ..., "reference": ...}: captured
// with its ledger entry when the money changes hands now, pending otherwise. INVALID_ARGUMENT for an unknown
// method or kind, cash tendered below the total, "tendered" on anything but cash, or "reference" on anything but
// a card terminal; FORBIDDEN for a terminal reference from a caller who is not staff.
Payment manual_payment(const nlohmann::json& request, const ManualPaymentTerms& terms);

// Whether the payment waits on money that should arrive soon (a bank transfer): such orders expire unpaid.
// Cash on delivery waits for the delivery, however long it takes.
bool awaits_prompt_payment(const Payment& payment);

}  // namespace commerce
