package commerce_test

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"commerce.local/commerce"
)

// Tests of the Go binding's pricing calls: the tax definition, promotions with a coupon and single-use codes, a
// cart priced at an address, the coupon counted when the order is placed, and bad input that changes nothing.

const germany = `{"origin": {"country": "DE"},
  "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "19"}]}}]}`

func TestCartPricedWithCouponAndTaxes(t *testing.T) {
	s := newStore(t)
	e := s.e
	if settings := must(e.SetTaxDefinition(s.admin, germany, 0)); settings.Version != 1 {
		t.Fatalf("tax settings: %+v", settings)
	}
	promotion := must(e.CreatePromotion(s.admin, map[string]any{
		"id": "spring", "name": "Spring", "code": "SPRING",
		"action": map[string]any{"type": "percentage_off_order", "percent": "10"}}))
	if promotion.Status != commerce.PromotionActive || promotion.UsageCount != 0 {
		t.Fatalf("promotion: %+v", promotion)
	}
	cart := must(e.CreateCart(s.customer, "EUR"))
	must(e.AddItem(s.customer, cart.ID, s.tshirt.ID, 2)) // 2 × 19.99
	cart = must(e.UpdateCart(s.customer, cart.ID, commerce.CartChanges{ShippingAddress: &commerce.CartAddress{Country: "DE"}}))
	if cart.TaxZone == nil || *cart.TaxZone != "de" || cart.TaxEstimated {
		t.Fatalf("tax zone: %+v", cart.Totals)
	}
	cart = must(e.ApplyCoupon(s.customer, cart.ID, "spring"))
	money(t, cart.DiscountTotal, "4.00") // 10% of 39.98, rounded half-even
	money(t, cart.TaxTotal, "6.84")      // 19% of 35.98
	money(t, cart.Total, "42.82")
	if len(cart.Coupons) != 1 || cart.Coupons[0].Status != "applied" || len(cart.Discounts) != 1 ||
		cart.Discounts[0].PromotionID != "spring" {
		t.Fatalf("coupon: %+v %+v", cart.Coupons, cart.Discounts)
	}
	totals := must(e.GetCartTotals(s.customer, cart.ID))
	if totals.Type != "cart_totals" || totals.CartID != cart.ID || totals.ItemCount != 2 {
		t.Fatalf("cart totals: %+v", totals)
	}
	got, _ := json.Marshal(totals.Totals)
	want, _ := json.Marshal(cart.Totals)
	if string(got) != string(want) {
		t.Fatalf("cart totals differ from the cart's:\n%s\n%s", got, want)
	}
	if _, err := e.GetCartTotals(s.customer, "no-such-cart"); !errors.Is(err, commerce.ErrNotFound) {
		t.Fatalf("unknown cart: %v", err)
	}
	order := must(e.PlaceOrder(s.customer, cart.ID, orderRequest))
	money(t, order.Total, "42.82")
	if order.Totals == nil || len(order.Totals.Taxes) != 1 || order.Totals.Taxes[0].Percent != "19" {
		t.Fatalf("order totals: %+v", order.Totals)
	}
	if p := must(e.GetPromotion(s.admin, "spring")); p.UsageCount != 1 {
		t.Fatalf("usage: %+v", p)
	}
}

func TestSingleUseCodesAndRefusals(t *testing.T) {
	s := newStore(t)
	e := s.e
	must(e.CreatePromotion(s.admin, `{"id": "welcome", "name": "Welcome", "requires_code": true,
		"action": {"type": "fixed_off_order", "amount": {"amount": "2.50", "currency": "EUR"}}}`))
	batch := must(e.GeneratePromotionCodes(s.admin, "welcome", 2, "go"))
	if len(batch.Codes) != 2 || !strings.HasPrefix(batch.Codes[0], "GO-") {
		t.Fatalf("batch: %+v", batch)
	}
	cart := must(e.CreateCart("", "EUR"))
	must(e.AddItem("", cart.ID, s.mug.ID, 1))
	_, err := e.ApplyCoupon("", cart.ID, "WELCOME")
	if ce := expectErr(t, err, commerce.ErrCouponNotApplicable); ce.Details["reason"] != "unknown_code" {
		t.Fatalf("details: %+v", ce.Details)
	}
	cart = must(e.ApplyCoupon("", cart.ID, batch.Codes[1]))
	money(t, cart.Total, "5.00")
	cart = must(e.RemoveCoupon("", cart.ID, batch.Codes[1]))
	money(t, cart.Total, "7.50")
	_, err = e.GeneratePromotionCodes(s.admin, "welcome", 0, "")
	expectErr(t, err, commerce.ErrInvalidArgument)
	list := must(e.ListPromotions(s.admin, &commerce.PromotionListQuery{Status: commerce.PromotionActive}))
	if len(list.Items) != 1 || list.Items[0].ID != "welcome" || !list.Items[0].RequiresCode {
		t.Fatalf("list: %+v", list)
	}
	var definition map[string]any
	noErr(t, json.Unmarshal(list.Items[0].Definition, &definition))
	if definition["name"] != "Welcome" {
		t.Fatalf("definition: %s", list.Items[0].Definition)
	}
}

func TestBadPricingInputChangesNothing(t *testing.T) {
	s := newStore(t)
	e := s.e
	_, err := e.CreatePromotion(s.admin, `{"id": "x", "name": "X", "action": {"type": "percentage_off_order", "percent": "101"}}`)
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "action.percent" {
		t.Fatalf("details: %+v", ce.Details)
	}
	if list := must(e.ListPromotions(s.admin, nil)); len(list.Items) != 0 {
		t.Fatalf("a refused promotion was stored: %+v", list)
	}
	_, err = e.SetTaxDefinition(s.admin, `{"origin": {"country": "DE"}, "zones": [{"id": "de", "country": "DE",
		"rates": {"standard": [{"name": "VAT", "rate": "100.5"}]}}]}`, 0)
	expectErr(t, err, commerce.ErrInvalidArgument)
	if settings := must(e.GetTaxDefinition(s.admin)); settings.Version != 0 || string(settings.Definition) != "null" {
		t.Fatalf("a refused definition was stored: %+v", settings)
	}
	cart := must(e.CreateCart("", "EUR"))
	_, err = e.UpdateCart("", cart.ID, commerce.CartChanges{Channel: "pos"})
	expectErr(t, err, commerce.ErrForbidden)
	_, err = e.UpdateCart("", cart.ID, commerce.CartChanges{ShippingAddress: &commerce.CartAddress{Country: "DEU"}})
	expectErr(t, err, commerce.ErrInvalidArgument)
	if got := must(e.GetCart("", cart.ID)); got.Channel != "web" || got.ShippingAddress != nil {
		t.Fatalf("a refused change was saved: %+v", got)
	}
}

func TestShippingMethodChosenAndCharged(t *testing.T) {
	s := newStore(t)
	e := s.e
	must(e.SetShippingDefinition(s.admin, `{"methods": [{"id": "dhl", "name": "DHL", "countries": ["DE"],
		"delivery_days": {"min": 1, "max": 2}, "rates": [{"type": "flat", "amount": {"amount": "4.90", "currency": "EUR"}}]},
		{"id": "shop", "name": "Pickup", "kind": "pickup", "location_id": "default"}]}`, 0))
	cart := must(e.CreateCart("", "EUR"))
	cart = must(e.AddItem("", cart.ID, s.mug.ID, 1))
	if !cart.RequiresShipping || len(cart.ShippingMethods) != 1 || cart.ShippingMethods[0].ID != "shop" {
		t.Fatalf("before an address: %+v", cart.ShippingMethods)
	}
	cart = must(e.UpdateCart("", cart.ID, commerce.CartChanges{ShippingAddress: &commerce.CartAddress{Country: "DE"},
		ShippingMethod: "dhl"}))
	if cart.ShippingMethod == nil || cart.ShippingMethod.DeliveryDays.Max != 2 {
		t.Fatalf("chosen: %+v", cart.ShippingMethod)
	}
	money(t, cart.ShippingTotal, "4.90")
	money(t, cart.Total, "12.40")
	_, err := e.UpdateCart("", cart.ID, commerce.CartChanges{ShippingMethod: "ups"})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["reason"] != "not_offered" {
		t.Fatalf("details: %+v", ce.Details)
	}
	cart = must(e.UpdateCart("", cart.ID, commerce.CartChanges{ClearShippingMethod: true}))
	money(t, cart.Total, "7.50")
	if settings := must(e.GetShippingDefinition(s.admin)); settings.Version != 1 {
		t.Fatalf("settings: %+v", settings)
	}
}

func TestGuestCartMergesAndIdleCartRecovers(t *testing.T) {
	s := newShop(t, nil)
	e := s.e
	mug := must(e.CreateProduct(s.admin, `{"sku": "MUG", "title": "Mug", "prices": [{"amount": "5.00", "currency": "EUR"}], "stock": 9}`))
	must(e.RegisterUser("ana@example.com", password))
	ana := s.login("ana@example.com", password).Token
	mine := must(e.CreateCart(ana, "EUR"))
	must(e.AddItem(ana, mine.ID, mug.ID, 1))
	guest := must(e.CreateCart("", "EUR"))
	must(e.AddItem("", guest.ID, mug.ID, 2))
	merged := must(e.MergeCart(ana, guest.ID))
	if merged.ID != mine.ID || merged.Items[0].Quantity != 3 {
		t.Fatalf("merged: %+v", merged)
	}
	_, err := e.MergeCart(ana, guest.ID)
	expectErr(t, err, commerce.ErrIllegalState)
	// A later session of the same user finds the cart without knowing its id.
	again := s.login("ana@example.com", password).Token
	if found := must(e.FindOpenCart(again, "EUR")); found.ID != mine.ID || found.Items[0].Quantity != 3 {
		t.Fatalf("found: %+v", found)
	}
	_, err = e.FindOpenCart(again, "USD")
	expectErr(t, err, commerce.ErrNotFound)
	_, err = e.FindOpenCart("", "EUR")
	expectErr(t, err, commerce.ErrUnauthorized)

	s.drain()
	s.advance(61 * time.Minute)
	if sweep := must(e.SweepCarts(100)); sweep.Abandoned != 1 || sweep.Deleted != 0 {
		t.Fatalf("sweep: %+v", sweep)
	}
	events := s.drain()
	if len(events) != 1 || events[0].Topic != "cart.abandoned" {
		t.Fatalf("events: %+v", events)
	}
	if recovered := must(e.RecoverCart(events[0].PayloadString("recovery_token"))); recovered.ID != mine.ID {
		t.Fatalf("recovered: %+v", recovered)
	}
	_, err = e.RecoverCart("not-a-token")
	expectErr(t, err, commerce.ErrNotFound)
}

func TestLineNoteReachesTheOrder(t *testing.T) {
	s := newStore(t)
	e := s.e
	cart := must(e.CreateCart("", "EUR"))
	must(e.AddItem("", cart.ID, s.mug.ID, 1))
	note := "gift"
	cart = must(e.SetItemDetails("", cart.ID, s.mug.ID, commerce.LineDetails{Note: &note,
		Attributes: map[string]string{"engraving": "A"}}))
	if cart.Items[0].Note == nil || *cart.Items[0].Note != "gift" || cart.Items[0].Attributes["engraving"] != "A" {
		t.Fatalf("line: %+v", cart.Items[0])
	}
	order := must(e.PlaceOrder("", cart.ID, commerce.PlaceOrderRequest{Email: "g@example.com",
		Payment: commerce.PaymentRequest{Method: "manual", Kind: "cash"}}))
	if order.Lines[0].Note == nil || *order.Lines[0].Note != "gift" {
		t.Fatalf("order line: %+v", order.Lines[0])
	}
}

// The peers' tricky cases (vendure#3585, medusa#13972, #12226 ...), as a Go host sees them.

// guestCart fills a guest cart with one unit of each product.
func guestCart(s *store, currency string, products ...*commerce.Product) *commerce.Cart {
	cart := must(s.e.CreateCart("", currency))
	for _, p := range products {
		cart = must(s.e.AddItem("", cart.ID, p.ID, 1))
	}
	return cart
}

func priced(s *store, sku string, price commerce.Money) *commerce.Product {
	return must(s.e.CreateProduct(s.admin, commerce.NewProduct{SKU: sku, Title: sku, Prices: []commerce.Money{price},
		Stock: 9}))
}

func TestFixedDiscountOverThreeUnevenLinesLosesNoCent(t *testing.T) {
	s := newStore(t)
	must(s.e.CreatePromotion(s.admin, `{"id": "ten", "name": "Ten", "action": {"type": "fixed_off_order",
		"amount": {"amount": "10.00", "currency": "EUR"}}}`))
	cart := guestCart(s, "EUR", priced(s, "A", eur("5.00")), priced(s, "B", eur("5.00")), priced(s, "C", eur("5.00")))
	var shares []string
	for _, line := range cart.Discounts[0].Lines {
		shares = append(shares, line.Amount.Amount)
	}
	sort.Strings(shares)
	if len(shares) != 3 || shares[0] != "3.33" || shares[1] != "3.33" || shares[2] != "3.34" {
		t.Fatalf("shares: %v", shares)
	}
	money(t, cart.DiscountTotal, "10.00")
	money(t, cart.Total, "5.00")
}

func TestHundredPercentCouponLeavesNothingToPay(t *testing.T) {
	s := newStore(t)
	must(s.e.SetTaxDefinition(s.admin, germany, 0))
	must(s.e.CreatePromotion(s.admin, `{"id": "free", "name": "Free", "code": "FREE",
		"action": {"type": "percentage_off_order", "percent": "100"}}`))
	cart := guestCart(s, "EUR", priced(s, "LAMP", eur("33.33")), priced(s, "BOOK", eur("9.99")))
	must(s.e.UpdateCart("", cart.ID, commerce.CartChanges{ShippingAddress: &commerce.CartAddress{Country: "DE"}}))
	cart = must(s.e.ApplyCoupon("", cart.ID, "FREE"))
	money(t, cart.DiscountTotal, "43.32")
	money(t, cart.TaxTotal, "0.00")
	money(t, cart.Total, "0.00")
}

func TestJPYAndKWDCartsPriceExactly(t *testing.T) {
	s := newStore(t)
	must(s.e.CreatePromotion(s.admin, `{"id": "third", "name": "A third",
		"action": {"type": "percentage_off_order", "percent": "33.3333"}}`))
	yen := guestCart(s, "JPY", priced(s, "TEA", commerce.MustMoney("999", "JPY")))
	if yen.DiscountTotal.Amount != "333" || yen.Total.Amount != "666" {
		t.Fatalf("JPY cart: %s off, %s to pay", yen.DiscountTotal, yen.Total)
	}
	oil := priced(s, "OIL", commerce.MustMoney("1.255", "KWD"))
	dinar := must(s.e.UpdateItem("", guestCart(s, "KWD", oil).ID, oil.ID, 3))
	if dinar.Subtotal.Amount != "3.765" || dinar.Total.Amount != "2.510" {
		t.Fatalf("KWD cart: %s, %s to pay", dinar.Subtotal, dinar.Total)
	}
}
