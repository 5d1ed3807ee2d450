// The store's currencies (docs/currencies.md): the currency settings, the exchange-rate history, and conversion
// at the rate in force at a moment.
#pragma once

#include "domain/currency/currency_settings.h"
#include "domain/currency/exchange_rate.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace commerce::flows {

// The settings in force, or nullopt while the store has none (then no price is converted).
std::optional<CurrencySettings> store_currency_settings(Transaction& tx);

// The rate that converts `from` into `to` at at_ms: the from/to pair's rate in force, else the to/from pair's
// (read backwards). nullopt when neither pair has a rate in force then.
std::optional<ExchangeRate> rate_between(Transaction& tx, const Currency& from, const Currency& to, int64_t at_ms);
// As rate_between, but NOT_FOUND (field "rate", with "from", "to" and "at") when there is none.
ExchangeRate required_rate(Transaction& tx, const Currency& from, const Currency& to, int64_t at_ms);

// A rate as documents show it: {"id", "base", "quote", "rate", "effective_at"}.
nlohmann::json rate_json(const ExchangeRate& rate);

// Replaces the currency settings ("settings.manage"); expected_version as for the tax definition.
nlohmann::json set_currency_settings(Engine& engine, const char* session, const char* settings_json,
                                     int64_t expected_version);
nlohmann::json get_currency_settings(Engine& engine, const char* session);

// Records a rate ("settings.manage"): {"base", "quote", "rate", "effective_at" (RFC 3339, default now)}. A rate
// is never changed: a later one of the same pair, or one recorded later for the same moment, takes over.
nlohmann::json set_exchange_rate(Engine& engine, const char* session, const char* rate_json);

// Recorded rates, the most recent first ("reports.read"): {"base", "quote", "limit", "after"}, all optional.
nlohmann::json list_exchange_rates(Engine& engine, const char* session, const char* query_json);

// amount in `currency` converted to `to` at the rate in force at `at` (RFC 3339, NULL for now), half-even to the
// minor unit ("reports.read"). NOT_FOUND (field "rate") when no rate was in force.
nlohmann::json convert_amount(Engine& engine, const char* session, const char* amount, const char* currency,
                              const char* to, const char* at);

}  // namespace commerce::flows
