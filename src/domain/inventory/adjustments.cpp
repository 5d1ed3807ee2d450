#include "domain/inventory/adjustments.h"

#include "core/error.h"
#include "core/text.h"
#include "domain/inventory/input.h"
#include "domain/inventory/ledger.h"

namespace commerce {

StockedVariant adjust_stock(const OutboxContext& context, const std::string& actor_id, const json& input) {
    reject_unknown_members(input, "a stock movement",
                           {"variant_id", "location_id", "kind", "quantity", "reason", "reference"});
    const std::string kind = required_string(input, "kind", kMaxShortText);
    if (kind != "receipt" && kind != "return" && kind != "adjustment")
        throw_invalid("kind", "kind is one of receipt, return, adjustment (sales and transfers have their own calls)");
    // Receipts and returns add stock; only an adjustment (a count that found more or fewer) may be negative.
    const int64_t quantity = required_quantity(input, "quantity", kind == "adjustment" ? -kMaxStockQuantity : 1,
                                               kMaxStockQuantity);
    const MovementDraft movement{.location_id = location_member(input, "location_id"), .kind = kind,
                                 .quantity = quantity, .reason = reason_member(input),
                                 .reference = reference_member(input), .actor_id = actor_id};
    const StockedVariant variant = tracked_variant(context.tx, required_string(input, "variant_id", kMaxShortText));
    require_location(context.tx, movement.location_id, "location_id");
    // A count is a fact about the shelf, so reservations do not stand in its way; only the floor does.
    if (quantity < 0)
        require_stock(variant, movement.location_id, context.tx.stock_ledger().on_hand(variant.id, movement.location_id),
                      -quantity, Floor::backorder);
    record_movement(context, variant, movement);
    return variant;
}

StockedVariant transfer_stock(const OutboxContext& context, const std::string& actor_id, const json& input) {
    reject_unknown_members(input, "a stock transfer", {"variant_id", "from", "to", "quantity", "reason", "reference"});
    const std::string from = required_string(input, "from", kMaxShortText);
    const std::string to = required_string(input, "to", kMaxShortText);
    if (from == to) throw_invalid("to", "a transfer needs two different locations");
    const int64_t quantity = required_quantity(input, "quantity", 1, kMaxStockQuantity);
    const std::string reason = reason_member(input);
    const auto reference = reference_member(input);
    const StockedVariant variant = tracked_variant(context.tx, required_string(input, "variant_id", kMaxShortText));
    require_location(context.tx, from, "from");
    require_location(context.tx, to, "to");
    const int64_t available = available_to(context.tx, variant.id, from, context.now_ms, std::nullopt);
    require_stock(variant, from, available, quantity, Floor::zero);
    record_movement(context, variant, {.location_id = from, .kind = "transfer_out", .quantity = -quantity,
                                       .reason = reason, .reference = reference, .actor_id = actor_id});
    record_movement(context, variant, {.location_id = to, .kind = "transfer_in", .quantity = quantity,
                                       .reason = reason, .reference = reference, .actor_id = actor_id});
    return variant;
}

}  // namespace commerce
