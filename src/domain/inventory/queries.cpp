#include "domain/inventory/queries.h"

#include "core/error.h"
#include "core/json_output.h"
#include "core/text.h"
#include "core/timestamp.h"

#include <algorithm>

namespace commerce {
namespace {

json movement_json(const StockMovement& movement) {
    return {{"id", movement.id},
            {"variant_id", movement.variant_id},
            {"location_id", movement.location_id},
            {"kind", movement.kind},
            {"quantity", movement.quantity},
            {"reason", movement.reason},
            {"reference", nullable(movement.reference)},
            {"actor_id", nullable(movement.actor_id)},
            {"created_at", format_rfc3339(movement.created_ms)}};
}

}  // namespace

bool in_stock(StockLedgerRepository& ledger, std::string_view variant_id, bool tracked, int64_t now_ms) {
    if (!tracked) {
        const auto keys_left = ledger.licence_keys_left(variant_id);
        return !keys_left || *keys_left > 0;
    }
    int64_t available = 0;
    for (const auto& level : ledger.levels(variant_id, now_ms)) available += level.available();
    return available > 0;
}

json stock_level_document(Transaction& tx, int64_t now_ms, const StockedVariant& variant) {
    json document = {{"type", "stock_level"},
                     {"schema_version", 1},
                     {"variant_id", variant.id},
                     {"product_id", variant.product_id},
                     {"sku", variant.sku},
                     {"tracked", variant.tracked},
                     {"backorder_limit", variant.backorder_limit},
                     {"low_stock_threshold", nullable(variant.low_stock_threshold)}};
    json locations = json::array();
    if (!variant.tracked) {
        document.update({{"on_hand", nullptr}, {"reserved", nullptr},
                         {"available", nullable(tx.stock_ledger().licence_keys_left(variant.id))},
                         {"locations", locations}});
        return document;
    }
    int64_t on_hand = 0, reserved = 0;
    for (const auto& level : tx.stock_ledger().levels(variant.id, now_ms)) {
        on_hand += level.on_hand;
        reserved += level.reserved;
        locations.push_back({{"location_id", level.location_id}, {"on_hand", level.on_hand},
                             {"reserved", level.reserved}, {"available", level.available()}});
    }
    document.update({{"on_hand", on_hand}, {"reserved", reserved}, {"available", on_hand - reserved},
                     {"locations", locations}});
    return document;
}

MovementPage list_movements(Transaction& tx, const json& query) {
    reject_unknown_members(query, "a movement query", {"variant_id", "location_id", "kind", "limit", "before"});
    MovementQuery filter{.variant_id = optional_string(query, "variant_id", kMaxShortText),
                         .location_id = optional_string(query, "location_id", kMaxShortText),
                         .kind = optional_string(query, "kind", kMaxShortText),
                         .before = optional_string(query, "before", kMaxShortText),
                         .limit = optional_integer(query, "limit", 1, 200).value_or(50)};
    if (filter.kind && std::find(kMovementKinds.begin(), kMovementKinds.end(), *filter.kind) == kMovementKinds.end())
        throw_invalid("kind", "kind is one of receipt, sale, return, adjustment, transfer_out, transfer_in");
    const int64_t limit = filter.limit;
    // One extra row tells whether another page follows without a second query.
    filter.limit += 1;
    MovementPage page{tx.stock_ledger().movements(filter), std::nullopt};
    if (static_cast<int64_t>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next = page.items.back().id;
    }
    return page;
}

json movement_list_document(const MovementPage& page) {
    json items = json::array();
    for (const auto& movement : page.items) items.push_back(movement_json(movement));
    return {{"type", "stock_movement_list"}, {"schema_version", 1}, {"items", items}, {"next", nullable(page.next)}};
}

}  // namespace commerce
