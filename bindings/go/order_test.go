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
// completed (with its outbox events), goods handed over at once, and shipping refused with its reasons; the staff's
// order search by status, email and placement time, page by page; a German receipt within a narrow printer's width;
// an invoice that adds up exactly; the addresses an order keeps; and totals the shopper saw that changed. Every
// engine runs on a manual clock.

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
	return must(s.order(s.alice, "", quantity, commerce.PlaceOrderRequest{
		Payment: commerce.PaymentRequest{Method: "manual", Kind: kind}}))
}

// order places shopper's order of quantity soaps shipped to Germany (by shippingMethod when it is not "").
func (s *orderShop) order(shopper, shippingMethod string, quantity int64,
	request commerce.PlaceOrderRequest) (*commerce.Order, error) {
	s.t.Helper()
	cart := must(s.e.CreateCart(shopper, "EUR"))
	must(s.e.AddItem(shopper, cart.ID, s.soap.ID, quantity))
	must(s.e.UpdateCart(shopper, cart.ID, commerce.CartChanges{ShippingAddress: &commerce.CartAddress{Country: "DE"},
		ShippingMethod: shippingMethod}))
	return s.e.PlaceOrder(shopper, cart.ID, request)
}

// cash is a cash payment.
var cash = commerce.PaymentRequest{Method: "manual", Kind: commerce.PaymentCash}

// Addresses in Germany, where the shop's carts are priced, as given at checkout and as an order keeps them.
var (
	berlin = commerce.CheckoutAddress{Name: "Alice Liddell", Line1: "Unter den Linden 1", City: "Berlin",
		PostalCode: "10117", Country: "DE"}
	hamburg = commerce.CheckoutAddress{Name: "Liddell GmbH", Company: "Liddell GmbH", Line1: "Jungfernstieg 7",
		City: "Hamburg", PostalCode: "20354", Country: "DE", Phone: "+49 40 123456"}
	berlinKept = commerce.OrderAddress{Name: "Alice Liddell", Line1: "Unter den Linden 1", City: "Berlin",
		PostalCode: "10117", Country: "DE"}
	hamburgKept = commerce.OrderAddress{Name: "Liddell GmbH", Company: "Liddell GmbH", Line1: "Jungfernstieg 7",
		City: "Hamburg", PostalCode: "20354", Country: "DE", Phone: "+49 40 123456"}
)

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

func ids(list *commerce.OrderList) []string {
	found := []string{}
	for _, order := range list.Items {
		found = append(found, order.ID)
	}
	return found
}

func TestStaffSearchOrdersByStatusEmailAndTimePageByPage(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e, staff := s.e, s.staff()
	first := s.place(commerce.PaymentCash, 1)
	s.advance(30 * time.Minute)
	unpaid := s.place(commerce.PaymentCashOnDelivery, 1)
	s.advance(30 * time.Minute)
	_, carol := s.customer("carol@example.com")
	carols := must(s.order(carol, "", 2, commerce.PlaceOrderRequest{Payment: cash}))

	newestFirst := []string{carols.ID, unpaid.ID, first.ID}
	if got := ids(must(e.SearchOrders(staff, nil))); !reflect.DeepEqual(got, newestFirst) { // every order
		t.Fatalf("every order: %v, want %v", got, newestFirst)
	}
	paid := must(e.SearchOrders(staff, &commerce.OrderSearchQuery{Status: []string{commerce.OrderPaid}}))
	if got := ids(paid); !reflect.DeepEqual(got, []string{carols.ID, first.ID}) || paid.Next != nil {
		t.Fatalf("paid: %v (next %v)", got, paid.Next)
	}
	alices := must(e.SearchOrders(staff, &commerce.OrderSearchQuery{
		Status: []string{commerce.OrderPaid, commerce.OrderPendingPayment}, Email: "Alice@Example.com"}))
	if got := ids(alices); !reflect.DeepEqual(got, []string{unpaid.ID, first.ID}) { // the email is normalized
		t.Fatalf("Alice's: %v", got)
	}
	since := at(startMS).Add(20 * time.Minute).In(time.FixedZone("CET", 3600)) // sent as UTC
	if got := ids(must(e.SearchOrders(staff, &commerce.OrderSearchQuery{From: since}))); !reflect.DeepEqual(got,
		[]string{carols.ID, unpaid.ID}) {
		t.Fatalf("since: %v", got)
	}
	between := &commerce.OrderSearchQuery{From: since, To: at(startMS).Add(time.Hour)} // To: Carol's, excluded
	if got := ids(must(e.SearchOrders(staff, between))); !reflect.DeepEqual(got, []string{unpaid.ID}) {
		t.Fatalf("between: %v", got)
	}

	seen := []string{}
	query := &commerce.OrderSearchQuery{Limit: 1}
	for {
		page := must(e.SearchOrders(staff, query))
		if len(page.Items) != 1 {
			t.Fatalf("page of %d", len(page.Items))
		}
		seen = append(seen, ids(page)...)
		if page.Next == nil {
			break
		}
		query.After = *page.Next
	}
	if !reflect.DeepEqual(seen, newestFirst) {
		t.Fatalf("pages: %v, want %v", seen, newestFirst)
	}

	_, err := e.SearchOrders(s.alice, &commerce.OrderSearchQuery{Email: "alice@example.com"})
	expectErr(t, err, commerce.ErrForbidden) // not even for their own orders
	_, err = e.SearchOrders(staff, &commerce.OrderSearchQuery{Status: []string{commerce.OrderPaid, "lost_at_sea"}})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "status" ||
		ce.Details["reason"] != "unknown_status" {
		t.Fatalf("details: %+v", ce.Details)
	}
}

func TestGermanReceiptFitsANarrowPrinter(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	must(e.UpdateProduct(s.admin, s.soap.ID, commerce.ProductPatch{
		Title: commerce.Ptr("Lavender soap with shea butter and oat milk")}))
	order := s.place(commerce.PaymentCash, 3)
	money(t, order.Total, "11.89")
	receipt := must(e.OrderReceipt(s.alice, order.ID, &commerce.ReceiptOptions{Locale: "de-DE", Width: 32}))
	if receipt.Type != "receipt" || receipt.OrderID != order.ID || receipt.Number != order.Number ||
		receipt.Locale != "de-DE" || receipt.Width != 32 || !strings.HasSuffix(receipt.Text, "\n") {
		t.Fatalf("receipt: %+v", receipt)
	}
	lines := strings.Split(strings.TrimSuffix(receipt.Text, "\n"), "\n")
	if !strings.Contains(lines[0], order.Number) {
		t.Fatalf("first line: %q", lines[0])
	}
	total, cut := "", false
	for _, line := range lines {
		if utf8.RuneCountInString(line) > 32 { // runes: "€" is one
			t.Fatalf("line wider than 32: %q", line)
		}
		if strings.HasPrefix(line, "TOTAL") {
			total = line
		}
		cut = cut || strings.HasPrefix(line, "3 x Lavender soap") && strings.HasSuffix(line, "9,99\u00a0€")
	}
	if !strings.HasSuffix(total, "11,89\u00a0€") || !cut { // a decimal comma, the sign after a no-break space
		t.Fatalf("receipt:\n%s", receipt.Text)
	}

	if staffs := must(e.OrderReceipt(s.admin, order.ID, nil)); staffs.Width != 42 { // staff; the default width
		t.Fatalf("default width: %d", staffs.Width)
	}
	_, err := e.OrderReceipt(s.alice, order.ID, &commerce.ReceiptOptions{Locale: "no such locale"})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "locale" ||
		ce.Details["reason"] != "unknown_locale" {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = e.OrderReceipt(s.alice, order.ID, &commerce.ReceiptOptions{Width: 12})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "width" {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, carol := s.customer("carol@example.com")
	_, err = e.OrderReceipt(carol, order.ID, nil) // someone else's order
	expectErr(t, err, commerce.ErrNotFound)
}

func TestInvoiceAddsUpExactlyAndFormatsEveryAmount(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	must(e.SetShippingDefinition(s.admin, `{"methods": [{"id": "dhl", "name": "DHL", "countries": ["DE"],
		"rates": [{"type": "flat", "amount": {"amount": "4.90", "currency": "EUR"}}]}]}`, 0))
	order := must(s.order(s.alice, "dhl", 3, commerce.PlaceOrderRequest{Payment: cash, ShippingAddress: &berlin,
		BillingAddress: &hamburg}))
	invoice := must(e.OrderInvoice(s.alice, order.ID, &commerce.InvoiceOptions{Locale: "de-DE"}))
	if invoice.Type != "invoice" || invoice.OrderID != order.ID || invoice.Number != order.Number ||
		invoice.Locale != "de-DE" || invoice.Currency != "EUR" || len(invoice.Lines) != 1 || len(invoice.Taxes) != 1 ||
		invoice.ShipTo == nil || *invoice.ShipTo != berlinKept || invoice.BillTo == nil || *invoice.BillTo != hamburgKept {
		t.Fatalf("invoice: %+v", invoice)
	}
	minor := func(m commerce.FormattedMoney) int64 { return must(m.MinorUnits()).Int64() }
	shipping := invoice.Shipping
	if minor(shipping.Total) <= 0 || minor(shipping.Net)+minor(shipping.Tax) != minor(shipping.Total) {
		t.Fatalf("shipping: %+v", shipping)
	}
	charged := minor(shipping.Total)
	for _, line := range invoice.Lines {
		charged += minor(line.Total)
	}
	if charged != minor(invoice.Total) || !invoice.Total.Equal(order.Total) {
		t.Fatalf("lines and shipping %d, total %s, the order's %s", charged, invoice.Total.Money, order.Total)
	}
	if tax := invoice.Taxes[0]; minor(tax.Amount) != minor(invoice.TaxTotal) {
		t.Fatalf("taxes %+v, tax total %+v", invoice.Taxes, invoice.TaxTotal)
	}
	line := invoice.Lines[0]
	if line.SKU != "SOAP" || line.Quantity != 3 || line.UnitPrice.Amount != "3.33" ||
		minor(line.Net)+minor(line.Tax) != minor(line.Total) {
		t.Fatalf("line: %+v", line)
	}
	for _, amount := range []commerce.FormattedMoney{line.UnitPrice, line.Discount, line.Net, line.Tax, line.Total,
		shipping.Net, shipping.Tax, shipping.Total, invoice.Taxes[0].Amount, invoice.Subtotal, invoice.TaxTotal,
		invoice.Total, invoice.Paid, invoice.Refunded} {
		if want := strings.Replace(amount.Amount, ".", ",", 1) + "\u00a0€"; amount.Currency != "EUR" ||
			amount.Formatted != want {
			t.Fatalf("%+v, want formatted %q", amount, want)
		}
	}
}

func TestOrderKeepsItsShippingAndBillingAddresses(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	if order := s.place(commerce.PaymentCash, 1); order.ShippingAddress != nil || order.BillingAddress != nil {
		t.Fatalf("no address given: %+v", order)
	}
	order := must(s.order(s.alice, "", 1, commerce.PlaceOrderRequest{Payment: cash, ShippingAddress: &berlin,
		BillingAddress: &hamburg}))
	if order.ShippingAddress == nil || *order.ShippingAddress != berlinKept || order.BillingAddress == nil ||
		*order.BillingAddress != hamburgKept {
		t.Fatalf("addresses: %+v, %+v", order.ShippingAddress, order.BillingAddress)
	}
	if got := must(e.GetOrder(s.alice, order.ID)); !reflect.DeepEqual(got.BillingAddress, order.BillingAddress) {
		t.Fatalf("read back: %+v", got.BillingAddress)
	}

	booked := must(e.AddAddress(s.alice, commerce.NewAddress{Name: hamburg.Name, Company: hamburg.Company,
		Line1: hamburg.Line1, City: hamburg.City, PostalCode: hamburg.PostalCode, Country: hamburg.Country,
		Phone: hamburg.Phone}))
	order = must(s.order(s.alice, "", 1, commerce.PlaceOrderRequest{Payment: cash,
		ShippingAddress: &commerce.CheckoutAddress{AddressID: booked.ID}})) // from the address book
	if order.ShippingAddress == nil || *order.ShippingAddress != hamburgKept ||
		!reflect.DeepEqual(order.BillingAddress, order.ShippingAddress) { // billing: the same
		t.Fatalf("booked: %+v, %+v", order.ShippingAddress, order.BillingAddress)
	}

	austria := berlin
	austria.Country = "AT" // the cart was priced for Germany
	_, err := s.order(s.alice, "", 1, commerce.PlaceOrderRequest{Payment: cash, ShippingAddress: &austria})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["reason"] != "not_the_priced_address" {
		t.Fatalf("details: %+v", ce.Details)
	}
	_, err = s.order(s.alice, "", 1, commerce.PlaceOrderRequest{Payment: cash, ShippingAddress: &berlin,
		BillingAddress: &commerce.CheckoutAddress{City: "Hamburg", Country: "DE"}})
	if ce := expectErr(t, err, commerce.ErrInvalidArgument); ce.Details["field"] != "billing_address.line1" {
		t.Fatalf("details: %+v", ce.Details)
	}
}

func TestTotalsTheShopperSawThatChangedRefuseTheOrder(t *testing.T) {
	s := newOrderShop(t, shopConfig(nil))
	e := s.e
	withoutVAT := eur("9.99")
	_, err := s.order(s.alice, "", 3, commerce.PlaceOrderRequest{Payment: cash,
		Expected: &commerce.ExpectedTotals{Total: &withoutVAT}})
	ce := expectErr(t, err, commerce.ErrConflict)
	want := []any{map[string]any{"field": "total", "expected": map[string]any{"amount": "9.99", "currency": "EUR"},
		"actual": map[string]any{"amount": "11.89", "currency": "EUR"}}}
	if ce.Details["reason"] != "totals_changed" || !reflect.DeepEqual(ce.Details["changes"], want) {
		t.Fatalf("details: %+v", ce.Details)
	}
	if placed := must(e.SearchOrders(s.admin, nil)); len(placed.Items) != 0 || s.onHand() != 10 {
		t.Fatalf("a refused order was placed: %v, on hand %d", ids(placed), s.onHand())
	}
	total, subtotal, tax := eur("11.89"), eur("9.99"), eur("1.90")
	order := must(s.order(s.alice, "", 3, commerce.PlaceOrderRequest{Payment: cash,
		Expected: &commerce.ExpectedTotals{Total: &total, Subtotal: &subtotal, TaxTotal: &tax}}))
	money(t, order.Total, "11.89")
}
