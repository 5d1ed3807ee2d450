// The rules every stock write follows: the variant and location must exist, stock may not go below its floor,
// and each change is one ledger movement (the repository moves the level with it). After a change the
// low-stock alert is re-evaluated in the same transaction.
#pragma once

#include "domain/inventory/stock.h"
#include "domain/outbox/outbox.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// The variant's stock facts; NOT_FOUND naming `field` when it does not exist.
StockedVariant stocked_variant(Transaction& tx, std::string_view variant_id, std::string_view field = "variant_id");

// The variant's stock facts; INVALID_ARGUMENT (reason "not_tracked") for a digital variant, which the ledger
// does not count.
StockedVariant tracked_variant(Transaction& tx, std::string_view variant_id);

// NOT_FOUND naming `field` when the location does not exist.
void require_location(Transaction& tx, std::string_view location_id, std::string_view field);

// On hand at the location minus the live reservations of others: every reservation but those whose reference is
// `holder` (a cart's own holds do not compete with its checkout).
int64_t available_to(Transaction& tx, std::string_view variant_id, std::string_view location_id, int64_t now_ms,
                     std::optional<std::string_view> holder);

// How far below zero an operation may take what it measures: a sale, a reservation or an adjustment may use the
// variant's backorder allowance; a transfer moves only stock that is there.
enum class Floor { zero, backorder };

// The OUT_OF_STOCK details entry when taking `requested` from `have` would go below the floor; nullopt when
// it fits. Every OUT_OF_STOCK carries {"items": [such entries]}.
std::optional<nlohmann::json> shortage(const StockedVariant& variant, std::string_view location_id, int64_t have,
                                       int64_t requested, Floor floor);
[[noreturn]] void throw_out_of_stock(const nlohmann::json& items);

// Takes `requested` from `have` or throws OUT_OF_STOCK.
void require_stock(const StockedVariant& variant, std::string_view location_id, int64_t have, int64_t requested,
                   Floor floor);

// A movement as its caller describes it; the ledger adds the id, the variant and the time.
struct MovementDraft {
    std::string location_id;
    std::string kind;
    int64_t quantity = 0;
    std::string reason;
    std::optional<std::string> reference;
    std::optional<std::string> actor_id;
};

// Appends the movement and returns the new on hand at its location. The caller has checked the floor; this
// keeps levels within kMaxStockQuantity and re-evaluates the low-stock alert.
int64_t record_movement(const OutboxContext& context, const StockedVariant& variant, const MovementDraft& draft);

// Emits "inventory.low_stock" when the variant's availability (on hand minus live reservations, over every
// location) is at or below its threshold and was not already reported; clears the mark once it is above.
void refresh_low_stock(const OutboxContext& context, const StockedVariant& variant);

}  // namespace commerce
