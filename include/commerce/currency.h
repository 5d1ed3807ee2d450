/* commerce — currencies: the store's base and presentment currencies, exchange rates with effective times, and
 * conversion at the rate in force at a moment, for carts (converted prices, a display total) and for reports at
 * historical rates. Amounts cross as decimal strings with an ISO 4217 code and rates as decimal strings: never a
 * binary float. Writing needs a session whose roles grant "settings.manage", reading rates and reports
 * "reports.read". See docs/currencies.md. */
#ifndef COMMERCE_CURRENCY_H
#define COMMERCE_CURRENCY_H

#include <stdint.h>
#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Replaces the store's currency settings: {"base": "EUR", "presentment": [{"currency": "USD",
 * "rounding_increment": "0.05", "rounding": "half_even", "charm": {"step": "1", "ending": "0.99"}}]} (only "base"
 * is required). expected_version is the "version" of the "currency_settings" read before (0 while there is none);
 * COMMERCE_ERR_CONFLICT when it changed since. Returns "currency_settings". */
COMMERCE_API commerce_status commerce_currency_set_settings(commerce_doc **out, commerce_engine *engine,
                                                            const char *session, const char *settings_json,
                                                            int64_t expected_version);

/* Returns the "currency_settings" ("definition" is null while the store has none: no price is converted). */
COMMERCE_API commerce_status commerce_currency_get_settings(commerce_doc **out, commerce_engine *engine,
                                                            const char *session);

/* Records an exchange rate: {"base": "EUR", "quote": "USD", "rate": "1.0850", "effective_at":
 * "2026-11-01T00:00:00Z"} says one EUR is worth 1.0850 USD from then on ("effective_at" defaults to now). Rates
 * are history and never change: a later rate of the pair, or one recorded later for the same moment, takes over.
 * INVALID_ARGUMENT for the same currency twice (reason "same_currency"), a rate that is not positive
 * ("out_of_range") or has more than 12 decimals ("precision"), an unknown currency or a malformed time.
 * Returns the "exchange_rate". */
COMMERCE_API commerce_status commerce_exchange_rate_set(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, const char *rate_json);

/* query_json may be NULL: {"base": "EUR", "quote": "USD", "limit": 1..200, "after": "<next>"}. Returns an
 * "exchange_rate_list", the most recently recorded first. */
COMMERCE_API commerce_status commerce_exchange_rate_list(commerce_doc **out, commerce_engine *engine,
                                                         const char *session, const char *query_json);

/* Converts amount ("19.99") in currency into to_currency at the rate in force at `at` (RFC 3339 UTC, NULL for
 * now), rounded half-even to the minor unit. The rate is the from/to pair's, else the to/from pair's read
 * backwards; COMMERCE_ERR_NOT_FOUND (field "rate") when neither was in force. Returns a "currency_conversion". */
COMMERCE_API commerce_status commerce_currency_convert(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *amount,
                                                       const char *currency, const char *to_currency,
                                                       const char *at);

/* Sales per UTC day range in the base currency: {"from": "2026-11-01", "to": "2026-11-30"}, both required
 * (inclusive, at most 366 days). Each order's total is converted at the rate in force when it was placed and
 * rounded half-even to the base currency's minor unit; the subtotals per currency and the total add those up
 * exactly. COMMERCE_ERR_NOT_FOUND without currency settings (field "base") or when an order had no rate (field
 * "rate"). Returns a "sales_report". */
COMMERCE_API commerce_status commerce_report_sales_in_base(commerce_doc **out, commerce_engine *engine,
                                                           const char *session, const char *query_json);

COMMERCE_END_DECLS

#endif
