package commerce_test

import (
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"commerce.local/commerce"
)

// Tests of the Go binding's order lifecycle calls (order.h): a cash-on-delivery order captured and refunded in two
// steps to exactly its total, refunds refused with their reasons, a customer cancelling their unpaid order, an
// unpaid bank transfer expired by the sweep, and fulfilment: an order shipped in two parcels, delivered and
// completed (with its outbox events), goods handed over at once, shipping refused with its reasons, and orders
// searched page by page with a receipt and an invoice. Every engine runs on a manual clock.

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

// staff is the session of Bob, a staff member: "orders.manage" without being an administrator.
func (s *orderShop) staff() string {
	s.t.Helper()
	bob, session := s.customer("bob@example.com")
	must(s.e.SetRoles(s.admin, bob.ID, []string{"staff"}))
	return session
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

func TestOrderShippedInTwoParcelsDeliveredAndCompleted(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e, staff := s.e, s.staff()
	order := s.place(commerce.PaymentCash, 3)
	if order.FulfillmentStatus != commerce.FulfillmentNotFulfilled || len(order.Shipments) != 0 ||
		order.Lines[0].ShippedQuantity != 0 || order.Lines[0].Digital {
		t.Fatalf("placed: %+v", order)
	}

	order = must(e.ShipOrder(staff, order.ID, &commerce.ShipOrderRequest{
		Lines: []commerce.ShipmentLine{{Line: 0, Quantity: 1}}, Carrier: "DHL", TrackingNumber: "JD0001",
		TrackingURL: "https://dhl.example/JD0001"}))
	if order.Status != commerce.OrderPartiallyShipped || order.FulfillmentStatus != commerce.FulfillmentPartiallyShipped ||
		len(order.Shipments) != 1 || order.Lines[0].ShippedQuantity != 1 {
		t.Fatalf("first parcel: %+v", order)
	}
	first := order.Shipments[0]
	if first.Status != commerce.ShipmentShipped || first.Carrier == nil || *first.Carrier != "DHL" ||
		first.TrackingNumber == nil || *first.TrackingNumber != "JD0001" || first.DeliveredAt != nil ||
		!reflect.DeepEqual(first.Lines, []commerce.ShipmentLine{{Line: 0, Quantity: 1}}) {
		t.Fatalf("first parcel: %+v", first)
	}

	order = must(e.ShipOrder(staff, order.ID, nil)) // the rest, untracked
	if order.Status != commerce.OrderShipped || order.FulfillmentStatus != commerce.FulfillmentShipped ||
		len(order.Shipments) != 2 || order.Lines[0].ShippedQuantity != 3 {
		t.Fatalf("second parcel: %+v", order)
	}
	second := order.Shipments[1]
	if second.Carrier != nil || !reflect.DeepEqual(second.Lines, []commerce.ShipmentLine{{Line: 0, Quantity: 2}}) {
		t.Fatalf("second parcel: %+v", second)
	}

	order = must(e.UpdateShipment(staff, order.ID, first.ID,
		commerce.UpdateShipmentRequest{Status: commerce.ShipmentOutForDelivery}))
	if got := order.Shipments[0]; got.Status != commerce.ShipmentOutForDelivery || got.OutForDeliveryAt == nil {
		t.Fatalf("out for delivery: %+v", got)
	}
	order = must(e.UpdateShipment(staff, order.ID, first.ID, `{"status": "delivered"}`)) // JSON text, too
	if got := order.Shipments[0]; got.Status != commerce.ShipmentDelivered || got.DeliveredAt == nil ||
		order.Status != commerce.OrderShipped { // one parcel is still out
		t.Fatalf("first delivered: %+v", order)
	}
	order = must(e.UpdateShipment(staff, order.ID, second.ID,
		commerce.UpdateShipmentRequest{Status: commerce.ShipmentDelivered}))
	if order.Status != commerce.OrderDelivered || order.FulfillmentStatus != commerce.FulfillmentDelivered {
		t.Fatalf("both delivered: %+v", order)
	}

	order = must(e.CompleteOrder(staff, order.ID, &commerce.CompleteOrderRequest{Note: "all arrived"}))
	last := order.Timeline[len(order.Timeline)-1]
	if order.Status != commerce.OrderCompleted || order.FulfillmentStatus != commerce.FulfillmentDelivered ||
		last.Note == nil || *last.Note != "all arrived" {
		t.Fatalf("completed: %+v", order)
	}

	batch := must(e.FetchOutbox(&commerce.OutboxQuery{Topics: []string{"shipment.", commerce.TopicOrderDelivered,
		commerce.TopicOrderCompleted}}))
	var topics []string
	for _, ev := range batch.Events {
		topics = append(topics, ev.Topic)
	}
	if want := []string{commerce.TopicShipmentShipped, commerce.TopicShipmentShipped,
		commerce.TopicShipmentOutForDelivery, commerce.TopicShipmentDelivered, commerce.TopicShipmentDelivered,
		commerce.TopicOrderDelivered, commerce.TopicOrderCompleted}; !reflect.DeepEqual(topics, want) {
		t.Fatalf("topics %v, want %v", topics, want)
	}
	parcel := batch.Events[0]
	if parcel.PayloadString("shipment_id") != first.ID || parcel.PayloadString("email") != "alice@example.com" ||
		parcel.PayloadString("tracking_url") != "https://dhl.example/JD0001" {
		t.Fatalf("shipment.shipped: %+v", parcel.Payload)
	}
	if done := batch.Events[len(batch.Events)-1]; done.PayloadString("status") != commerce.OrderCompleted ||
		done.Payload["amount"] != nil {
		t.Fatalf("order.completed: %+v", done.Payload)
	}
}

func TestGoodsHandedOverAreShippedAndDeliveredAtOnce(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	order := s.place(commerce.PaymentCash, 2)
	order = must(e.ShipOrder(s.admin, order.ID, &commerce.ShipOrderRequest{HandedOver: true}))
	if order.Status != commerce.OrderDelivered || order.FulfillmentStatus != commerce.FulfillmentDelivered ||
		len(order.Shipments) != 1 {
		t.Fatalf("handed over: %+v", order)
	}
	parcel := order.Shipments[0]
	if parcel.Status != commerce.ShipmentDelivered || parcel.DeliveredAt == nil ||
		!parcel.DeliveredAt.Equal(parcel.ShippedAt) || parcel.OutForDeliveryAt != nil ||
		!reflect.DeepEqual(parcel.Lines, []commerce.ShipmentLine{{Line: 0, Quantity: 2}}) {
		t.Fatalf("parcel: %+v", parcel)
	}
	if order = must(e.CompleteOrder(s.admin, order.ID, nil)); order.Status != commerce.OrderCompleted {
		t.Fatalf("completed: %+v", order)
	}
}

func TestShippingRefusedWithItsReasons(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	order := s.place(commerce.PaymentCash, 2)
	_, err := e.ShipOrder(s.admin, order.ID, &commerce.ShipOrderRequest{TrackingURL: "ftp://x"})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "tracking_url" ||
		ce.Details["reason"] != "format" {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = e.ShipOrder(s.alice, order.ID, nil) // not even their own order
	expectErr(t, err, commerce.ErrForbidden)
	_, err = e.CompleteOrder(s.admin, order.ID, nil)
	if ce := expectErr(t, err, commerce.ErrIllegalState); ce.Details["reason"] != "not_delivered" ||
		ce.Details["current"] != commerce.OrderPaid {
		t.Fatalf("details: %+v", ce.Details)
	}
	if got := must(e.GetOrder(s.admin, order.ID)); len(got.Shipments) != 0 ||
		got.FulfillmentStatus != commerce.FulfillmentNotFulfilled {
		t.Fatalf("a refused call changed the order: %+v", got)
	}

	order = must(e.ShipOrder(s.admin, order.ID, nil))
	parcel := order.Shipments[0].ID
	delivered := commerce.UpdateShipmentRequest{Status: commerce.ShipmentDelivered}
	order = must(e.UpdateShipment(s.admin, order.ID, parcel, delivered))
	_, err = e.UpdateShipment(s.admin, order.ID, parcel,
		commerce.UpdateShipmentRequest{Status: commerce.ShipmentOutForDelivery}) // a step back
	if ce := expectErr(t, err, commerce.ErrIllegalState); ce.Details["field"] != "shipment.status" ||
		ce.Details["current"] != commerce.ShipmentDelivered || ce.Details["requested"] != commerce.ShipmentOutForDelivery {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = e.UpdateShipment(s.admin, order.ID, parcel, nil) // the request is required
	expectErr(t, err, commerce.ErrInvalidArgument)
	if got := must(e.GetOrder(s.admin, order.ID)); !reflect.DeepEqual(got.Shipments, order.Shipments) {
		t.Fatalf("a refused step changed the shipments: %+v", got.Shipments)
	}
}

func TestOrdersSearchedPageByPageAndPrintedTheLocalesWay(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	first := s.place(commerce.PaymentCash, 1)
	unpaid := s.place(commerce.PaymentCashOnDelivery, 1)
	ids := func(list *commerce.OrderList) []string {
		var found []string
		for _, order := range list.Items {
			found = append(found, order.ID)
		}
		return found
	}
	if got := ids(must(e.SearchOrders(s.admin, nil))); !reflect.DeepEqual(got, []string{unpaid.ID, first.ID}) {
		t.Fatalf("every order: %v", got)
	}
	paid := must(e.SearchOrders(s.admin, &commerce.OrderSearchQuery{Status: []string{commerce.OrderPaid}}))
	if got := ids(paid); !reflect.DeepEqual(got, []string{first.ID}) {
		t.Fatalf("paid: %v", got)
	}
	page := must(e.SearchOrders(s.admin, &commerce.OrderSearchQuery{Limit: 1}))
	next := must(e.SearchOrders(s.admin, &commerce.OrderSearchQuery{Limit: 1, After: *page.Next}))
	if got := ids(next); !reflect.DeepEqual(got, []string{first.ID}) || next.Next != nil {
		t.Fatalf("second page: %v", got)
	}
	_, err := e.SearchOrders(s.alice, nil)
	expectErr(t, err, commerce.ErrForbidden)

	receipt := must(e.OrderReceipt(s.alice, first.ID, &commerce.PrintOptions{Locale: "de-DE", Width: 32}))
	if receipt.Type != "receipt" || !strings.Contains(receipt.Text, first.Number) {
		t.Fatalf("receipt: %+v", receipt)
	}
	for _, line := range strings.Split(receipt.Text, "\n") {
		if utf8.RuneCountInString(line) > 32 {
			t.Fatalf("line too wide: %q", line)
		}
	}
	invoice := *must(e.OrderInvoice(s.alice, first.ID, nil))
	if invoice["type"] != "invoice" || invoice["number"] != first.Number {
		t.Fatalf("invoice: %v", invoice)
	}
}
