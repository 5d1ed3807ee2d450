package commerce_test

import (
	"math/big"
	"testing"
	"time"

	"commerce.local/commerce"
)

// Tests of the Go binding's order lifecycle calls (order.h): a cash-on-delivery order captured and refunded in two
// steps to exactly its total, refunds refused with their reasons, a customer cancelling their unpaid order, and an
// unpaid bank transfer expired by the sweep. Every engine runs on a manual clock.

// orderShop is a shop with German VAT, a soap at 3.33 EUR with 10 on hand and a customer, Alice.
type orderShop struct {
	*shop
	soap  *commerce.Product
	alice string
}

func newOrderShop(t *testing.T, cfg commerce.Config) *orderShop {
	t.Helper()
	s := &orderShop{shop: openShop(t, cfg)}
	must(s.e.SetTaxDefinition(s.admin, germany, 0))
	s.soap = must(s.e.CreateProduct(s.admin, commerce.NewProduct{SKU: "SOAP", Title: "Soap",
		Prices: []commerce.Money{eur("3.33")}, Stock: 10}))
	_, s.alice = s.customer("alice@example.com")
	return s
}

// place is Alice's order of quantity soaps shipped to Germany, paid by a manual payment of that kind.
func (s *orderShop) place(kind string, quantity int64) *commerce.Order {
	s.t.Helper()
	cart := must(s.e.CreateCart(s.alice, "EUR"))
	must(s.e.AddItem(s.alice, cart.ID, s.soap.ID, quantity))
	must(s.e.UpdateCart(s.alice, cart.ID, commerce.CartChanges{ShippingAddress: &commerce.CartAddress{Country: "DE"}}))
	return must(s.e.PlaceOrder(s.alice, cart.ID, commerce.PlaceOrderRequest{
		Payment: commerce.PaymentRequest{Method: "manual", Kind: kind}}))
}

func (s *orderShop) onHand() int64 {
	return *must(s.e.StockLevel(s.soap.Variants[0].ID)).OnHand
}

func TestCashOnDeliveryCapturedThenRefundedToItsTotal(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	order := s.place(commerce.PaymentCashOnDelivery, 3)
	if order.Status != commerce.OrderPendingPayment || order.PaymentStatus != commerce.PaymentPending ||
		len(order.Timeline) != 1 || order.Timeline[0].Kind != "placed" || order.ExpiresAt != nil {
		t.Fatalf("placed: %+v", order)
	}
	line := order.Lines[0]
	money(t, line.Total, "11.89") // 9.99 + 19% VAT
	money(t, line.Tax, "1.90")

	order = must(e.CapturePayment(s.admin, order.ID, nil))
	if order.Status != commerce.OrderPaid || order.PaymentStatus != commerce.PaymentCaptured ||
		len(order.Timeline) != 3 || len(order.Payment.Transactions) != 1 {
		t.Fatalf("captured: %+v", order)
	}
	if tx := order.Payment.Transactions[0]; tx.Operation != "capture" || tx.Status != "succeeded" ||
		tx.RawStatus != "recorded" || !tx.Amount.Equal(order.Total) {
		t.Fatalf("capture: %+v", tx)
	}
	money(t, order.Payment.Captured, "11.89")

	before := s.onHand()
	order = must(e.RefundOrder(s.admin, order.ID, commerce.RefundRequest{
		Lines: []commerce.RefundLine{{Line: 0, Quantity: 1, Restock: true}}, Reason: "damaged"}))
	if order.PaymentStatus != commerce.PaymentPartiallyRefunded || len(order.Refunds) != 1 ||
		order.Lines[0].RefundedQuantity != 1 || s.onHand() != before+1 {
		t.Fatalf("first refund: %+v", order)
	}
	first := order.Refunds[0]
	money(t, first.Amount, "3.96") // a third of 11.89, rounded
	money(t, first.Tax, "0.63")    // a third of 1.90
	if len(first.Lines) != 1 || !first.Lines[0].Restocked || first.Reason == nil || *first.Reason != "damaged" {
		t.Fatalf("first refund: %+v", first)
	}

	// JSON text is accepted too; refunding the rest gives back exactly what is left of the total.
	order = must(e.RefundOrder(s.admin, order.ID, `{"lines": [{"line": 0, "quantity": 2}]}`))
	if order.PaymentStatus != commerce.PaymentRefunded || len(order.Refunds) != 2 || s.onHand() != before+1 {
		t.Fatalf("second refund: %+v", order)
	}
	sum := new(big.Int)
	for _, refund := range order.Refunds {
		sum.Add(sum, must(refund.Amount.MinorUnits()))
	}
	if refunded := commerce.MoneyFromMinorUnits(sum, "EUR"); !refunded.Equal(order.Total) ||
		!order.Payment.Refunded.Equal(order.Total) {
		t.Fatalf("refunded %s (payment %s), total %s", refunded, order.Payment.Refunded, order.Total)
	}
}

func TestRefundsRefusedWithTheirReasons(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	order := s.place(commerce.PaymentCash, 1)
	_, err := e.RefundOrder(s.admin, order.ID, commerce.RefundRequest{Amount: "100.00"})
	if ce := expectErr(t, err, commerce.ErrIllegalState); ce.Details["reason"] != "exceeds_captured" ||
		ce.Details["refundable"] == nil {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = e.RefundOrder(s.admin, order.ID, commerce.RefundRequest{Lines: []commerce.RefundLine{{Line: 5, Quantity: 1}}})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "lines[0].line" ||
		ce.Details["reason"] != "unknown_line" {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = e.RefundOrder(s.alice, order.ID, commerce.RefundRequest{Amount: "1.00"})
	expectErr(t, err, commerce.ErrForbidden)
	_, err = e.RefundOrder(s.admin, order.ID, nil)
	expectErr(t, err, commerce.ErrInvalidArgument)
	_, err = e.CapturePayment(s.admin, order.ID, nil) // cash was captured when the order was placed
	expectErr(t, err, commerce.ErrIllegalState)
	if got := must(e.GetOrder(s.admin, order.ID)); len(got.Refunds) != 0 || got.PaymentStatus != commerce.PaymentCaptured {
		t.Fatalf("a refused refund changed the order: %+v", got)
	}
}

func TestOwnerCancelsUnpaidOrder(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	order := s.place(commerce.PaymentCashOnDelivery, 2)
	if s.onHand() != 8 {
		t.Fatalf("on hand after the order: %d", s.onHand())
	}
	order = must(e.CancelOrder(s.alice, order.ID, &commerce.CancelOrderRequest{Note: "changed my mind"}))
	if order.Status != commerce.OrderCancelled || order.PaymentStatus != commerce.PaymentVoided ||
		order.Payment.Status != commerce.PaymentVoided || s.onHand() != 10 {
		t.Fatalf("cancelled: %+v", order)
	}
	_, err := e.CancelOrder(s.alice, order.ID, nil)
	expectErr(t, err, commerce.ErrIllegalState)
	_, err = e.CapturePayment(s.admin, order.ID, &commerce.CapturePaymentRequest{Reference: "late"})
	expectErr(t, err, commerce.ErrIllegalState)
}

func TestSweepExpiresUnpaidBankTransfer(t *testing.T) {
	cfg := shopConfig(nil)
	cfg.Orders = &commerce.OrdersConfig{UnpaidExpireAfterMinutes: 60}
	s := newOrderShop(t, cfg)
	e := s.e
	order := s.place(commerce.PaymentBankTransfer, 1)
	if order.ExpiresAt == nil || !order.ExpiresAt.Equal(at(startMS).Add(time.Hour)) {
		t.Fatalf("expires at: %v", order.ExpiresAt)
	}
	if sweep := must(e.SweepOrders(100)); sweep.Type != "order_sweep" || sweep.Expired != 0 {
		t.Fatalf("early sweep: %+v", sweep)
	}
	s.advance(61 * time.Minute)
	if sweep := must(e.SweepOrders(100)); sweep.Expired != 1 {
		t.Fatalf("sweep: %+v", sweep)
	}
	order = must(e.GetOrder(s.alice, order.ID))
	last := order.Timeline[len(order.Timeline)-1]
	if order.Status != commerce.OrderCancelled || order.PaymentStatus != commerce.PaymentVoided || s.onHand() != 10 ||
		last.ActorID != nil || last.Note == nil || *last.Note != "payment not received in time" {
		t.Fatalf("swept: %+v", order)
	}
	_, err := e.SweepOrders(0)
	expectErr(t, err, commerce.ErrInvalidArgument)
}
