// The storage port of currencies: the exchange-rate history (docs/currencies.md). The store's currency settings
// are a store setting (ports/pricing_repositories.h).
#pragma once

#include "domain/currency/exchange_rate.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

struct ExchangeRateQuery {
    const Currency* base = nullptr;   // either side may be left open
    const Currency* quote = nullptr;
    std::string before_id;  // keyset cursor: ids less than this one (older records); empty for the first page
    int64_t limit = 50;
};

class ExchangeRateRepository {
public:
    virtual ~ExchangeRateRepository() = default;
    virtual void insert(const ExchangeRate& rate) = 0;
    // The base/quote rate in force at at_ms: of the pair's rates with effective_ms <= at_ms, the one with the latest
    // effective time, and of those the last recorded (a correction). nullopt before the pair's first rate.
    virtual std::optional<ExchangeRate> in_force(const Currency& base, const Currency& quote, int64_t at_ms) = 0;
    // Recorded rates matching the query, the most recently recorded first.
    virtual std::vector<ExchangeRate> page(const ExchangeRateQuery& query) = 0;
};

}  // namespace commerce
