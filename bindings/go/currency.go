package commerce

import (
	"time"

	"commerce.local/commerce/internal/native"
)

// The currency calls of include/commerce/currency.h (docs/currencies.md): the store's base and presentment
// currencies and exchange rates ("settings.manage"), conversion at the rate in force at a moment and sales in the
// base currency at historical rates ("reports.read"). Rates and amounts are decimal strings, never float64.

// SetCurrencySettings replaces the store's currency settings (a CurrencySettingsInput, a map or JSON text);
// expectedVersion is the Version of the CurrencySettings read before (0 while there is none).
func (e *Engine) SetCurrencySettings(session string, settings any, expectedVersion int64) (*CurrencySettings, error) {
	text, err := encodeJSON(settings, "settings")
	if err != nil {
		return nil, err
	}
	return call[CurrencySettings](e, func(n native.Engine) native.Outcome {
		return n.Set_currency_settings(session, text, expectedVersion)
	})
}

// GetCurrencySettings returns the store's CurrencySettings.
func (e *Engine) GetCurrencySettings(session string) (*CurrencySettings, error) {
	return call[CurrencySettings](e, func(n native.Engine) native.Outcome { return n.Get_currency_settings(session) })
}

// SetExchangeRate records a rate: one Base is worth Rate Quote from EffectiveAt on (now when zero). Rates never
// change: a later one takes over.
func (e *Engine) SetExchangeRate(session string, rate ExchangeRateInput) (*ExchangeRate, error) {
	text, err := encodeJSON(rate, "rate")
	if err != nil {
		return nil, err
	}
	return call[ExchangeRate](e, func(n native.Engine) native.Outcome { return n.Set_exchange_rate(session, text) })
}

// ListExchangeRates returns recorded rates, the most recent first; query may be nil.
func (e *Engine) ListExchangeRates(session string, query *ExchangeRateQuery) (*ExchangeRateList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[ExchangeRateList](e, func(n native.Engine) native.Outcome {
		return n.List_exchange_rates(session, text)
	})
}

// ConvertCurrency converts amount into the currency to at the rate in force at `at` (now when zero), half-even to
// the minor unit. ErrNotFound when no rate was in force.
func (e *Engine) ConvertCurrency(session string, amount Money, to string, at time.Time) (*CurrencyConversion, error) {
	moment := ""
	if !at.IsZero() {
		moment = rfc3339(at)
	}
	return call[CurrencyConversion](e, func(n native.Engine) native.Outcome {
		return n.Convert_currency(session, amount.Amount, amount.Currency, to, moment)
	})
}

// ReportSalesInBase sums the orders placed from query.From to query.To (UTC days, inclusive) in the base currency,
// each converted at the rate in force when it was placed.
func (e *Engine) ReportSalesInBase(session string, query SalesReportQuery) (*SalesReport, error) {
	text, err := encodeJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[SalesReport](e, func(n native.Engine) native.Outcome { return n.Report_sales_in_base(session, text) })
}

// rfc3339 is the engine's time format: UTC with milliseconds.
func rfc3339(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }
