package commerce

import (
	"encoding/json"
	"time"
)

// The documents and inputs of include/commerce/currency.h (docs/schema/currency_settings.schema.json,
// exchange_rate*.schema.json, currency_conversion.schema.json, sales_report.schema.json) and the currency parts
// of carts.

// Charm is a charm ending: a positive price becomes the smallest amount at or above it ending in Ending on a grid
// of Step (Step "1", Ending "0.99": 12.34 becomes 12.99).
type Charm struct {
	Step   string `json:"step"`
	Ending string `json:"ending"`
}

// PresentmentCurrency is a currency shoppers may see converted prices in, with how they are rounded.
type PresentmentCurrency struct {
	Currency          string `json:"currency"`
	RoundingIncrement string `json:"rounding_increment,omitempty"` // "0.05" for CHF; the minor unit when ""
	Rounding          string `json:"rounding,omitempty"`           // "half_even" (default), "half_up", "down", "up"
	Charm             *Charm `json:"charm,omitempty"`
}

// CurrencySettingsInput is what SetCurrencySettings takes.
type CurrencySettingsInput struct {
	Base        string                `json:"base"`
	Presentment []PresentmentCurrency `json:"presentment,omitempty"`
}

// CurrencySettings is the "currency_settings" document.
type CurrencySettings struct {
	Header
	Version    int64           `json:"version"`    // 0 while the store has none
	Definition json.RawMessage `json:"definition"` // "null" while the store has none: no price is converted
	UpdatedAt  *time.Time      `json:"updated_at"`
}

// RateEntry is an exchange rate as documents show it: one Base is worth Rate Quote from EffectiveAt on.
type RateEntry struct {
	ID          string    `json:"id"`
	Base        string    `json:"base"`
	Quote       string    `json:"quote"`
	Rate        string    `json:"rate"` // an exact decimal, "1.0850"
	EffectiveAt time.Time `json:"effective_at"`
}

// ExchangeRate is the "exchange_rate" document.
type ExchangeRate struct {
	Header
	RateEntry
	CreatedAt time.Time `json:"created_at"`
	CreatedBy *string   `json:"created_by"`
}

// ExchangeRateInput is what SetExchangeRate takes; a zero EffectiveAt means now.
type ExchangeRateInput struct {
	Base        string
	Quote       string
	Rate        string
	EffectiveAt time.Time
}

// MarshalJSON leaves effective_at out when it is zero, and writes it as the engine reads it otherwise.
func (r ExchangeRateInput) MarshalJSON() ([]byte, error) {
	members := map[string]any{"base": r.Base, "quote": r.Quote, "rate": r.Rate}
	if !r.EffectiveAt.IsZero() {
		members["effective_at"] = rfc3339(r.EffectiveAt)
	}
	return json.Marshal(members)
}

// ExchangeRateList is a page of recorded rates.
type ExchangeRateList struct {
	Header
	Items []ExchangeRate `json:"items"`
	Next  *string        `json:"next"`
}

// ExchangeRateQuery selects rates; every member is optional.
type ExchangeRateQuery struct {
	Base  string `json:"base,omitempty"`
	Quote string `json:"quote,omitempty"`
	Limit int64  `json:"limit,omitempty"`
	After string `json:"after,omitempty"`
}

// PriceConversion says where a cart line's converted catalog price came from.
type PriceConversion struct {
	Price Money     `json:"price"` // the variant's price in the base currency
	Rate  RateEntry `json:"rate"`
}

// DisplayTotal is a cart's total in its display currency.
type DisplayTotal struct {
	Currency string    `json:"currency"`
	Total    Money     `json:"total"`
	Rate     RateEntry `json:"rate"`
}

// CurrencyConversion is the "currency_conversion" document.
type CurrencyConversion struct {
	Header
	Amount    Money     `json:"amount"`
	Converted Money     `json:"converted"`
	Rate      RateEntry `json:"rate"`
	At        time.Time `json:"at"`
}

// SalesReportQuery is a range of UTC days, both inclusive: "2026-11-01".
type SalesReportQuery struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// CurrencySales is one currency's part of a sales report.
type CurrencySales struct {
	Currency  string `json:"currency"`
	Orders    int64  `json:"orders"`
	Total     Money  `json:"total"`     // in the currency
	Converted Money  `json:"converted"` // in the base currency
}

// SalesReport is the "sales_report" document.
type SalesReport struct {
	Header
	From       string          `json:"from"`
	To         string          `json:"to"`
	Base       string          `json:"base"`
	Currencies []CurrencySales `json:"currencies"`
	Orders     int64           `json:"orders"`
	Total      Money           `json:"total"`
}
