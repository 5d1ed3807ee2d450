// Reading stock: a variant's level per location and in total, and the ledger page by page.
#pragma once

#include "core/json_input.h"
#include "ports/storage.h"

#include <optional>
#include <string>
#include <vector>

namespace commerce {

// The "stock_level" of a variant at now_ms. A digital variant is not tracked: on hand and reserved are null,
// available is the count of licence keys left when it has a key pool and null (unlimited) otherwise.
json stock_level_document(Transaction& tx, int64_t now_ms, const StockedVariant& variant);

// Whether a shopper can get the variant now, by the rule search's "in_stock" filter uses: a tracked variant has
// on hand minus live reservations above zero over every location (a backorder allowance does not count: it is
// a promise to wait, not stock); a digital one has no key pool, or licence keys left.
bool in_stock(StockLedgerRepository& ledger, std::string_view variant_id, bool tracked, int64_t now_ms);

struct MovementPage {
    std::vector<StockMovement> items;
    std::optional<std::string> next;  // the cursor of the following page
};

// query: {"variant_id", "location_id", "kind", "limit": 1..200 (default 50), "before": cursor}, all optional.
MovementPage list_movements(Transaction& tx, const json& query);

json movement_list_document(const MovementPage& page);

}  // namespace commerce
