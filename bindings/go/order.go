package commerce

import "commerce.local/commerce/internal/native"

// The order lifecycle calls of include/commerce/order.h: recording the money taken on a manual payment
// ("orders.manage"), refunds allocated exactly over the lines, their tax and the shipping ("orders.refund"),
// cancellation, fulfilment (shipments, their delivery and the order's completion, "orders.manage"), the expiry
// of orders left unpaid, the staff's search of every order ("orders.read"), and an order's receipt and invoice
// (its owner, or "orders.read"). Placing, reading and listing orders are in commerce.go. Amounts are decimal
// strings, never float64.

// Order statuses (Order.Status).
const (
	OrderPendingPayment   = "pending_payment"
	OrderPaid             = "paid"
	OrderProcessing       = "processing"
	OrderPartiallyShipped = "partially_shipped"
	OrderShipped          = "shipped"
	OrderDelivered        = "delivered"
	OrderCompleted        = "completed"
	OrderCancelled        = "cancelled"
)

// Payment statuses (Order.PaymentStatus and Payment.Status).
const (
	PaymentPending           = "pending"
	PaymentAuthorized        = "authorized"
	PaymentPartiallyCaptured = "partially_captured"
	PaymentCaptured          = "captured"
	PaymentPartiallyRefunded = "partially_refunded"
	PaymentRefunded          = "refunded"
	PaymentVoided            = "voided"
)

// Fulfillment statuses (Order.FulfillmentStatus).
const (
	FulfillmentNotFulfilled     = "not_fulfilled"
	FulfillmentPartiallyShipped = "partially_shipped"
	FulfillmentShipped          = "shipped"
	FulfillmentDelivered        = "delivered"
	FulfillmentCancelled        = "cancelled"
)

// Shipment statuses (Shipment.Status and UpdateShipmentRequest.Status): shipped, then out for delivery, then
// delivered (or shipped, then delivered); never a step back.
const (
	ShipmentShipped        = "shipped"
	ShipmentOutForDelivery = "out_for_delivery"
	ShipmentDelivered      = "delivered"
)

// Kinds of manual payment (PaymentRequest.Kind and Payment.Kind).
const (
	PaymentCash           = "cash"
	PaymentCashOnDelivery = "cash_on_delivery"
	PaymentBankTransfer   = "bank_transfer"
	PaymentCardTerminal   = "card_terminal"
)

// CapturePayment records money taken on an order's payment ("orders.manage"): cash collected on delivery, a bank
// transfer received, a card terminal's approval. A nil request captures everything left; an Amount that is only a
// part of it leaves the payment PaymentPartiallyCaptured. Once everything is captured an order awaiting payment
// becomes OrderPaid and stops expiring. Errors: CodeNotFound (orderID), CodeInvalidArgument (an amount not
// positive or more than is left: Details "reason" "out_of_range" and "capturable"), CodeIllegalState (a cancelled
// order, or a payment already captured or refunded).
func (e *Engine) CapturePayment(session, orderID string, request *CapturePaymentRequest) (*Order, error) {
	text, err := optionalJSON(request, "request")
	if err != nil {
		return nil, err
	}
	return call[Order](e, func(n native.Engine) native.Outcome { return n.Capture_payment(session, orderID, text) })
}

// RefundOrder gives money back ("orders.refund"), once or several times up to what was captured. request is a
// RefundRequest, another marshalable value, or JSON text. Refunding every unit of a line, in any steps, gives back
// exactly what the line charged; the payment becomes PaymentPartiallyRefunded, then PaymentRefunded. Errors:
// CodeInvalidArgument with Details "field" and "reason" (unknown_line, duplicate, out_of_range, exclusive,
// already_refunded, nothing_to_refund), CodeIllegalState (reason "exceeds_captured", Details "refundable"),
// CodeCurrencyMismatch, CodeConflict (the idempotency key was used for another refund).
func (e *Engine) RefundOrder(session, orderID string, request any) (*Order, error) {
	text, err := encodeJSON(request, "request")
	if err != nil {
		return nil, err
	}
	return call[Order](e, func(n native.Engine) native.Outcome { return n.Refund_order(session, orderID, text) })
}

// CancelOrder cancels an order nothing has left the store for: its owner may while it is unpaid, otherwise it
// needs "orders.manage" (and "orders.refund" when money was captured, which is refunded in full first). The goods
// go back on hand, the promotions' redemptions are released and a payment nothing was captured on is
// PaymentVoided. request may be nil. Errors: CodeNotFound (someone else's order, for a customer), CodeForbidden,
// CodeIllegalState (already cancelled, or shipped).
func (e *Engine) CancelOrder(session, orderID string, request *CancelOrderRequest) (*Order, error) {
	text, err := optionalJSON(request, "request")
	if err != nil {
		return nil, err
	}
	return call[Order](e, func(n native.Engine) native.Outcome { return n.Cancel_order(session, orderID, text) })
}

// ShipOrder ships some or all of an order's goods ("orders.manage"). A nil request ships every unit not shipped
// yet; HandedOver (given to the shopper there and then) delivers the shipment at once. The new shipment is the
// last of Order.Shipments; the order's FulfillmentStatus and Status become OrderPartiallyShipped or OrderShipped
// (OrderDelivered when handed over). Errors: CodeInvalidArgument with Details "field" and "reason" (unknown_line,
// duplicate, digital, out_of_range, nothing_to_ship, format: a TrackingURL that is not http(s)://), CodeForbidden,
// CodeNotFound (orderID), CodeIllegalState (a cancelled or completed order).
func (e *Engine) ShipOrder(session, orderID string, request *ShipOrderRequest) (*Order, error) {
	text, err := optionalJSON(request, "request")
	if err != nil {
		return nil, err
	}
	return call[Order](e, func(n native.Engine) native.Outcome { return n.Ship_order(session, orderID, text) })
}

// UpdateShipment moves a shipment of an order on ("orders.manage"): to ShipmentOutForDelivery or
// ShipmentDelivered, giving or correcting its tracking on the way. request is an UpdateShipmentRequest, another
// marshalable value, or JSON text. Once every unit of the order is delivered the order is OrderDelivered.
// Errors: CodeNotFound (orderID, or a shipment of another order), CodeIllegalState (a step back or a repeated
// step: Details "field" "shipment.status", "current", "requested"), CodeInvalidArgument (an unknown status),
// CodeForbidden.
func (e *Engine) UpdateShipment(session, orderID, shipmentID string, request any) (*Order, error) {
	text, err := encodeJSON(request, "request")
	if err != nil {
		return nil, err
	}
	return call[Order](e, func(n native.Engine) native.Outcome {
		return n.Update_shipment(session, orderID, shipmentID, text)
	})
}

// CompleteOrder completes an order ("orders.manage"): a delivered one, or a paid one with nothing to ship (digital
// goods), whose payment is settled (captured, partially refunded or refunded). request may be nil. Errors:
// CodeIllegalState with Details "reason" "not_delivered" or "unpaid" and the current state, CodeForbidden,
// CodeNotFound (orderID).
func (e *Engine) CompleteOrder(session, orderID string, request *CompleteOrderRequest) (*Order, error) {
	text, err := optionalJSON(request, "request")
	if err != nil {
		return nil, err
	}
	return call[Order](e, func(n native.Engine) native.Outcome { return n.Complete_order(session, orderID, text) })
}

// SweepOrders is housekeeping for a timer (no session): it cancels up to limit (1 to 10000) orders whose unpaid
// time (Config.Orders.UnpaidExpireAfterMinutes, for bank transfers) ran out on the engine's clock, as CancelOrder
// does.
func (e *Engine) SweepOrders(limit int64) (*OrderSweep, error) {
	return call[OrderSweep](e, func(n native.Engine) native.Outcome { return n.Sweep_orders(limit) })
}

// SearchOrders finds every order of the store ("orders.read"), newest first, one page at a time; every criterion
// of the query must hold, and a nil query is every order. The page's Next is the After of the following page (nil
// on the last). Errors: CodeForbidden without "orders.read", CodeInvalidArgument with Details "field" and "reason"
// (unknown_status, type, format, out_of_range, unknown_member).
func (e *Engine) SearchOrders(session string, query *OrderSearchQuery) (*OrderList, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[OrderList](e, func(n native.Engine) native.Outcome { return n.Search_orders(session, text) })
}

// OrderReceipt returns the order's plain-text receipt for a till's printer, for its owner or "orders.read":
// money written in the order's currency the locale's way ("12,50 €"), no line longer than Width characters.
// options may be nil (the catalog's default locale, 42 wide). Errors: CodeNotFound (orderID, or someone else's
// order for a customer), CodeInvalidArgument (Details "field" "locale" with "reason" "unknown_locale", or "width").
func (e *Engine) OrderReceipt(session, orderID string, options *ReceiptOptions) (*Receipt, error) {
	text, err := optionalJSON(options, "options")
	if err != nil {
		return nil, err
	}
	return call[Receipt](e, func(n native.Engine) native.Outcome { return n.Order_receipt(session, orderID, text) })
}

// OrderInvoice returns the order's invoice, for its owner or "orders.read": bill-to and ship-to, each line's net,
// tax and total, the shipping, the taxes by rate and the totals, every amount exact and formatted for the locale.
// options may be nil (the catalog's default locale). Errors: CodeNotFound (orderID, or someone else's order for a
// customer), CodeInvalidArgument (Details "field" "locale").
func (e *Engine) OrderInvoice(session, orderID string, options *InvoiceOptions) (*Invoice, error) {
	text, err := optionalJSON(options, "options")
	if err != nil {
		return nil, err
	}
	return call[Invoice](e, func(n native.Engine) native.Outcome { return n.Order_invoice(session, orderID, text) })
}
