package commerce_test

import (
	"testing"
	"time"

	"commerce.local/commerce"
)

// Tests of the Go binding's currency calls: settings, rates with effective times, a cart priced from the base
// currency with a display total, conversion at a past rate, the sales report, and bad input that changes nothing.

func TestCartPricedInAPresentmentCurrency(t *testing.T) {
	s := newStore(t)
	e := s.e
	settings := must(e.SetCurrencySettings(s.admin, commerce.CurrencySettingsInput{Base: "EUR",
		Presentment: []commerce.PresentmentCurrency{
			{Currency: "USD", Charm: &commerce.Charm{Step: "1", Ending: "0.99"}},
			{Currency: "JPY", RoundingIncrement: "10"}}}, 0))
	if settings.Version != 1 {
		t.Fatalf("settings: %+v", settings)
	}
	rate := must(e.SetExchangeRate(s.admin, commerce.ExchangeRateInput{Base: "EUR", Quote: "USD", Rate: "1.0850",
		EffectiveAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}))
	if rate.Rate != "1.0850" || !rate.EffectiveAt.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("rate: %+v", rate)
	}
	must(e.SetExchangeRate(s.admin, commerce.ExchangeRateInput{Base: "EUR", Quote: "JPY", Rate: "162.37"}))

	cart := must(e.CreateCart(s.customer, "USD"))
	cart = must(e.AddItem(s.customer, cart.ID, s.tshirt.ID, 1)) // 19.99 EUR = 21.689... USD
	item := cart.Items[0]
	if !item.UnitPrice.Equal(commerce.MustMoney("21.99", "USD")) || item.ConvertedFrom == nil ||
		!item.ConvertedFrom.Price.Equal(eur("19.99")) || item.ConvertedFrom.Rate.Rate != "1.0850" {
		t.Fatalf("converted line: %+v", item)
	}
	cart = must(e.UpdateCart(s.customer, cart.ID, commerce.CartChanges{DisplayCurrency: "EUR"}))
	if cart.Display == nil || !cart.Display.Total.Equal(eur("20.27")) { // 21.99 / 1.0850 = 20.267...
		t.Fatalf("display: %+v", cart.Display)
	}
	_, err := e.UpdateCart(s.customer, cart.ID, commerce.CartChanges{DisplayCurrency: "KWD"})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["reason"] != "no_rate" {
		t.Fatalf("details: %+v", ce.Details)
	}
	cart = must(e.UpdateCart(s.customer, cart.ID, commerce.CartChanges{ClearDisplayCurrency: true}))
	if cart.Display != nil {
		t.Fatalf("display kept: %+v", cart.Display)
	}
	jpy := must(e.CreateCart(s.customer, "JPY"))
	total := must(e.AddItem(s.customer, jpy.ID, s.tshirt.ID, 1)).Total
	if !total.Equal(commerce.MustMoney("3250", "JPY")) {
		t.Fatalf("JPY total %s", total)
	}
}

func TestConversionAtAPastRateAndSalesReport(t *testing.T) {
	s := newStore(t)
	e := s.e
	must(e.SetCurrencySettings(s.admin, `{"base": "EUR"}`, 0))
	must(e.SetExchangeRate(s.admin, commerce.ExchangeRateInput{Base: "EUR", Quote: "USD", Rate: "1.25",
		EffectiveAt: time.Now().Add(-48 * time.Hour)}))
	then := must(e.ConvertCurrency(s.admin, commerce.MustMoney("10.00", "USD"), "EUR", time.Now().Add(-time.Hour)))
	if !then.Converted.Equal(eur("8.00")) || then.Rate.Rate != "1.25" {
		t.Fatalf("conversion: %+v", then)
	}
	_, err := e.ConvertCurrency(s.admin, commerce.MustMoney("10.00", "USD"), "EUR", time.Now().Add(-72*time.Hour))
	expectErr(t, err, commerce.ErrNotFound)

	cart := s.cartWithTwoShirts()
	must(e.PlaceOrder(s.customer, cart.ID, orderRequest))
	today := time.Now().UTC().Format("2006-01-02")
	report := must(e.ReportSalesInBase(s.admin, commerce.SalesReportQuery{From: today, To: today}))
	if report.Base != "EUR" || report.Orders != 1 || !report.Total.Equal(eur("39.98")) || len(report.Currencies) != 1 {
		t.Fatalf("report: %+v", report)
	}
	list := must(e.ListExchangeRates(s.admin, &commerce.ExchangeRateQuery{Quote: "USD"}))
	if len(list.Items) != 1 || list.Next != nil {
		t.Fatalf("rates: %+v", list)
	}
}

func TestBadCurrencyInputChangesNothing(t *testing.T) {
	s := newStore(t)
	e := s.e
	_, err := e.SetExchangeRate(s.admin, commerce.ExchangeRateInput{Base: "EUR", Quote: "USD", Rate: "0"})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["reason"] != "out_of_range" {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = e.SetExchangeRate(s.customer, commerce.ExchangeRateInput{Base: "EUR", Quote: "USD", Rate: "1.1"})
	expectErr(t, err, commerce.ErrForbidden)
	_, err = e.SetCurrencySettings(s.admin, commerce.CurrencySettingsInput{Base: "EUR"}, 3)
	expectErr(t, err, commerce.ErrConflict)
	_, err = e.ReportSalesInBase(s.admin, commerce.SalesReportQuery{From: "2026-11-01", To: "2026-11-02"})
	expectErr(t, err, commerce.ErrNotFound)
	if list := must(e.ListExchangeRates(s.admin, nil)); len(list.Items) != 0 {
		t.Fatalf("rates: %+v", list)
	}
	if got := must(e.GetCurrencySettings(s.admin)); string(got.Definition) != "null" {
		t.Fatalf("settings: %s", got.Definition)
	}
}
