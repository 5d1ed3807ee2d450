// Sales in the store's base currency at historical rates (docs/currencies.md).
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// The orders placed from "from" to "to" (UTC days, inclusive, at most 366) in the base currency ("reports.read"):
// each order's total converted at the rate in force when it was placed, rounded half-even to the base currency's
// minor unit as a ledger books it, then added exactly, per currency and overall. Returns a "sales_report".
// NOT_FOUND without currency settings (field "base") or when an order had no rate in force (field "rate").
nlohmann::json sales_in_base(Engine& engine, const char* session, const char* query_json);

}  // namespace commerce::flows
