// The built-in "manual" payment method: cash, taken at once, or cash on delivery, collected later.
#pragma once

#include "domain/order/order.h"

#include <nlohmann/json.hpp>

namespace commerce {

// Builds the payment for an order total from {"method":"manual","kind":...,"tendered":...}.
// Cash tendered below the total is INVALID_ARGUMENT; the change is tendered - total, exactly.
Payment manual_payment(const nlohmann::json& request, const Money& total, std::string payment_id);

}  // namespace commerce
