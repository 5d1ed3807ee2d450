// Stock movements recorded by staff: receipts, returns and counted adjustments at one location, and transfers
// between two. Each returns the variant whose stock changed. Permissions are the caller's business.
#pragma once

#include "core/json_input.h"
#include "domain/outbox/outbox.h"

#include <optional>
#include <string>

namespace commerce {

// {"variant_id", "location_id" (default "default"), "kind": "receipt" | "return" | "adjustment", "quantity",
//  "reason", "reference"}. OUT_OF_STOCK when a negative adjustment would take on hand below the backorder floor.
StockedVariant adjust_stock(const OutboxContext& context, const std::string& actor_id, const json& input);

// {"variant_id", "from", "to", "quantity", "reason", "reference"}: a transfer_out and a transfer_in. Only
// available stock moves (on hand minus live reservations at "from"; no backorder), else OUT_OF_STOCK.
StockedVariant transfer_stock(const OutboxContext& context, const std::string& actor_id, const json& input);

}  // namespace commerce
