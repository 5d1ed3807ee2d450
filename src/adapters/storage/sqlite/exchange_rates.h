// The SQLite repository of exchange rates: an append-only table, read by pair and time.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/currency_repositories.h"

namespace commerce::sqlite {

class SqliteExchangeRates final : public ExchangeRateRepository {
public:
    explicit SqliteExchangeRates(Connection& db) : db_(db) {}
    void insert(const ExchangeRate& rate) override;
    std::optional<ExchangeRate> in_force(const Currency& base, const Currency& quote, int64_t at_ms) override;
    std::vector<ExchangeRate> page(const ExchangeRateQuery& query) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
