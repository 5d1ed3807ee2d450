#include "adapters/storage/sqlite/exchange_rates.h"

namespace commerce::sqlite {
namespace {

#define RATE_COLUMNS "SELECT id, base, quote, rate, effective_ms, created_ms, created_by FROM exchange_rates "

ExchangeRate rate_row(const Query& row) {
    return ExchangeRate{.id = row.text(0), .base = &currency(row.text(1)), .quote = &currency(row.text(2)),
                        .rate = Decimal::parse(row.text(3)), .effective_ms = row.integer(4),
                        .created_ms = row.integer(5), .created_by = row.optional_text(6)};
}

}  // namespace

void SqliteExchangeRates::insert(const ExchangeRate& rate) {
    db_.query("INSERT INTO exchange_rates (id, base, quote, rate, effective_ms, created_ms, created_by) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, rate.id).bind(2, rate.base->code).bind(3, rate.quote->code).bind(4, rate.rate.to_string())
        .bind(5, rate.effective_ms).bind(6, rate.created_ms).bind(7, rate.created_by).run();
}

std::optional<ExchangeRate> SqliteExchangeRates::in_force(const Currency& base, const Currency& quote, int64_t at_ms) {
    auto row = db_.query(RATE_COLUMNS "WHERE base = ?1 AND quote = ?2 AND effective_ms <= ?3 "
                                      "ORDER BY effective_ms DESC, id DESC LIMIT 1");
    row.bind(1, base.code).bind(2, quote.code).bind(3, at_ms);
    if (!row.step()) return std::nullopt;
    return rate_row(row);
}

std::vector<ExchangeRate> SqliteExchangeRates::page(const ExchangeRateQuery& query) {
    auto rows = db_.query(RATE_COLUMNS "WHERE (?1 IS NULL OR base = ?1) AND (?2 IS NULL OR quote = ?2) "
                                       "AND (?3 = '' OR id < ?3) ORDER BY id DESC LIMIT ?4");
    rows.bind(1, query.base).bind(2, query.quote).bind(3, query.before_id)
        .bind(4, query.limit);
    std::vector<ExchangeRate> rates;
    while (rows.step()) rates.push_back(rate_row(rows));
    return rates;
}

}  // namespace commerce::sqlite
