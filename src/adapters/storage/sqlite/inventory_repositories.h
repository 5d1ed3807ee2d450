// The SQLite implementations of the inventory repositories (see repositories.h for the conventions).
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/inventory_repositories.h"

namespace commerce::sqlite {

class SqliteLocations final : public LocationRepository {
public:
    explicit SqliteLocations(Connection& db) : db_(db) {}
    void insert(const Location& location) override;
    std::optional<Location> by_id(std::string_view id) override;
    bool code_taken(std::string_view code) override;
    std::vector<Location> all() override;

private:
    Connection& db_;
};

class SqliteStockLedger final : public StockLedgerRepository {
public:
    explicit SqliteStockLedger(Connection& db) : db_(db) {}
    std::optional<StockedVariant> variant(std::string_view variant_id) override;
    void set_low_stock_alerted(std::string_view variant_id, bool alerted) override;
    int64_t on_hand(std::string_view variant_id, std::string_view location_id) override;
    int64_t record(const StockMovement& movement) override;
    std::vector<LocationStock> levels(std::string_view variant_id, int64_t now_ms) override;
    std::optional<int64_t> next_reservation_expiry(std::string_view variant_id, int64_t now_ms) override;
    std::vector<StockMovement> movements(const MovementQuery& query) override;
    std::optional<int64_t> licence_keys_left(std::string_view variant_id) override;

private:
    Connection& db_;
};

class SqliteReservations final : public ReservationRepository {
public:
    explicit SqliteReservations(Connection& db) : db_(db) {}
    void insert(const StockReservation& reservation) override;
    std::optional<StockReservation> live(std::string_view id, int64_t now_ms) override;
    void remove(std::string_view id) override;
    int64_t reserved(std::string_view variant_id, std::string_view location_id, int64_t now_ms,
                     std::optional<std::string_view> except_reference) override;
    void remove_for_reference(std::string_view variant_id, std::string_view reference) override;
    void remove_expired(std::string_view variant_id, std::string_view location_id, int64_t now_ms) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
