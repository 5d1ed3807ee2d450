// Inventory records: stock locations, the ledger of movements per (variant, location), and reservations that
// hold stock for a while. On hand at a location is always the sum of its movements; available is on hand minus
// the reservations that have not expired on the engine's clock.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

inline constexpr std::string_view kDefaultLocation = "default";  // created by the schema, never removed

// The bound on any stock quantity or level: far below 2^53, so JavaScript hosts read every level exactly, and
// far below INT64_MAX, so adding two of them never overflows.
inline constexpr int64_t kMaxStockQuantity = 1'000'000'000'000LL;

struct Location {
    std::string id;
    std::string code;  // unique, chosen by the shop: "kiosk-3"
    std::string name;
    std::string kind;  // warehouse | shop | kiosk
    int64_t created_ms = 0;
};

inline constexpr std::array<std::string_view, 6> kMovementKinds = {"receipt",    "sale",         "return",
                                                                   "adjustment", "transfer_out", "transfer_in"};

// One line of the ledger. quantity is signed: what the movement adds to on hand at its location.
struct StockMovement {
    std::string id;
    std::string variant_id;
    std::string location_id;
    std::string kind;  // receipt | sale | return | adjustment | transfer_out | transfer_in
    int64_t quantity = 0;
    std::string reason;
    std::optional<std::string> reference;  // an order id, a purchase order, a transfer's other side
    std::optional<std::string> actor_id;   // the user who recorded it; none for a guest's checkout
    int64_t created_ms = 0;
};

struct StockReservation {
    std::string id;
    std::string variant_id;
    std::string location_id;
    int64_t quantity = 0;
    std::optional<std::string> reference;  // usually a cart id: its checkout consumes the reservation
    int64_t expires_ms = 0;
    int64_t created_ms = 0;
};

// What the stock rules need to know of a variant; the catalog owns the rest.
struct StockedVariant {
    std::string id;
    std::string product_id;
    std::string sku;
    bool tracked = true;  // physical goods; digital ones are not counted by the ledger
    std::optional<int64_t> low_stock_threshold;
    bool low_stock_alerted = false;  // set between a crossing below the threshold and a recovery above it
    int64_t backorder_limit = 0;     // on hand may go down to -backorder_limit
};

// On hand and live reservations of a variant at one location.
struct LocationStock {
    std::string location_id;
    int64_t on_hand = 0;
    int64_t reserved = 0;
    int64_t available() const { return on_hand - reserved; }
};

// Filters of the ledger listing; newest first, before the movement whose id is `before` when set.
struct MovementQuery {
    std::optional<std::string> variant_id;
    std::optional<std::string> location_id;
    std::optional<std::string> kind;
    std::optional<std::string> before;
    int64_t limit = 50;
};

}  // namespace commerce
