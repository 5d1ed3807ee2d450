// The storage port for inventory: locations, the stock ledger and reservations.
#pragma once

#include "domain/inventory/stock.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace commerce {

class LocationRepository {
public:
    virtual ~LocationRepository() = default;
    virtual void insert(const Location& location) = 0;
    virtual std::optional<Location> by_id(std::string_view id) = 0;
    virtual bool code_taken(std::string_view code) = 0;
    virtual std::vector<Location> all() = 0;  // in code order
};

class StockLedgerRepository {
public:
    virtual ~StockLedgerRepository() = default;
    virtual std::optional<StockedVariant> variant(std::string_view variant_id) = 0;
    virtual void set_low_stock_alerted(std::string_view variant_id, bool alerted) = 0;
    // On hand at one location; 0 where nothing was ever recorded.
    virtual int64_t on_hand(std::string_view variant_id, std::string_view location_id) = 0;
    // Appends the movement and adds its quantity to the level at its location, and returns the new on hand.
    // This is the only write to stock levels, so a level always equals the sum of its movements.
    virtual int64_t record(const StockMovement& movement) = 0;
    // Every location where the variant has a level or a live reservation, in location code order.
    virtual std::vector<LocationStock> levels(std::string_view variant_id, int64_t now_ms) = 0;
    // When levels() changes by time alone: the earliest expiry after now_ms of the variant's live reservations,
    // nullopt when none is live.
    virtual std::optional<int64_t> next_reservation_expiry(std::string_view variant_id, int64_t now_ms) = 0;
    virtual std::vector<StockMovement> movements(const MovementQuery& query) = 0;
    // Licence keys not yet handed out; nullopt when the variant never had a key imported.
    virtual std::optional<int64_t> licence_keys_left(std::string_view variant_id) = 0;
};

class ReservationRepository {
public:
    virtual ~ReservationRepository() = default;
    virtual void insert(const StockReservation& reservation) = 0;
    // The reservation if it exists and has not expired at now_ms.
    virtual std::optional<StockReservation> live(std::string_view id, int64_t now_ms) = 0;
    virtual void remove(std::string_view id) = 0;
    // The quantity held by live reservations at a location, leaving out those whose reference is
    // except_reference (a checkout does not compete with its own cart's holds).
    virtual int64_t reserved(std::string_view variant_id, std::string_view location_id, int64_t now_ms,
                             std::optional<std::string_view> except_reference) = 0;
    // Deletes the reservations of the variant made for the reference, at every location.
    virtual void remove_for_reference(std::string_view variant_id, std::string_view reference) = 0;
    // Deletes the variant's expired reservations at a location: they no longer count, so this only keeps the
    // table small.
    virtual void remove_expired(std::string_view variant_id, std::string_view location_id, int64_t now_ms) = 0;
};

}  // namespace commerce
