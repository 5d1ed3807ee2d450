package commerce

import "time"

// The parts of an order's lifecycle (docs/schema/order.schema.json, order_sweep.schema.json) and the inputs of
// include/commerce/order.h. The Order itself is in documents.go.

// OrderShipping is what an order charged for shipping, after its discounts and with its tax: the order's Total
// minus its lines' totals.
type OrderShipping struct {
	Amount Money `json:"amount"`
	Tax    Money `json:"tax"`
}

// PaymentTransaction is an entry of a payment's ledger.
type PaymentTransaction struct {
	ID        string  `json:"id"`
	Operation string  `json:"operation"` // "authorize", "capture", "void" or "refund"
	Status    string  `json:"status"`    // "succeeded", "failed" or "pending"
	Amount    Money   `json:"amount"`
	Reference *string `json:"reference"` // the gateway's, a terminal's or a bank's reference
	// What the gateway called it; "cash_received", "terminal_approved" or "recorded" (by staff) for manual
	// payments.
	RawStatus string    `json:"raw_status"`
	ActorID   *string   `json:"actor_id"`
	CreatedAt time.Time `json:"created_at"`
}

// Refund is money given back on an order: Amount is the lines' amounts plus Shipping, Tax the tax inside it.
type Refund struct {
	ID          string         `json:"id"`
	Amount      Money          `json:"amount"`
	Tax         Money          `json:"tax"`
	Lines       []RefundedLine `json:"lines"`
	Shipping    Money          `json:"shipping"`
	ShippingTax Money          `json:"shipping_tax"`
	Reason      *string        `json:"reason"`
	Note        *string        `json:"note"`
	ActorID     *string        `json:"actor_id"`
	CreatedAt   time.Time      `json:"created_at"`
}

// RefundedLine is a refund's share of one order line.
type RefundedLine struct {
	Line      int64 `json:"line"`     // the order line's position
	Quantity  int64 `json:"quantity"` // units given back; 0 when an amount was spread over the line
	Amount    Money `json:"amount"`
	Tax       Money `json:"tax"`
	Restocked bool  `json:"restocked"`
}

// Shipment is some or all units of an order's lines, given to a carrier (or handed over) together.
type Shipment struct {
	ID             string         `json:"id"`
	Status         string         `json:"status"` // ShipmentShipped, ShipmentOutForDelivery or ShipmentDelivered
	Carrier        *string        `json:"carrier"`
	TrackingNumber *string        `json:"tracking_number"`
	TrackingURL    *string        `json:"tracking_url"` // http(s)://...
	Lines          []ShipmentLine `json:"lines"`
	ShippedAt      time.Time      `json:"shipped_at"`
	// When it went out for delivery, and was delivered; nil until then (out_for_delivery_at stays nil for a
	// shipment delivered straight away).
	OutForDeliveryAt *time.Time `json:"out_for_delivery_at"`
	DeliveredAt      *time.Time `json:"delivered_at"`
}

// ShipmentLine is Quantity units of the order line at position Line, in a shipment or a ShipOrderRequest.
type ShipmentLine struct {
	Line     int64 `json:"line"`
	Quantity int64 `json:"quantity"`
}

// OrderEvent is an entry of an order's timeline: Kind "placed", or the member that changed ("status",
// "payment_status" or "fulfillment_status") From one value To another.
type OrderEvent struct {
	Kind    string    `json:"kind"`
	From    *string   `json:"from"`
	To      string    `json:"to"`
	ActorID *string   `json:"actor_id"` // nil for the engine (an expiry) or a guest
	Note    *string   `json:"note"`
	At      time.Time `json:"at"`
}

// OrderSweep is an "order_sweep": what one SweepOrders did.
type OrderSweep struct {
	Header
	Expired int64 `json:"expired"` // orders cancelled because their unpaid time ran out
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

// OrdersConfig is Config.Orders. Zero values are left to the engine's defaults.
type OrdersConfig struct {
	// How long an order paid by bank transfer may stay unpaid before SweepOrders cancels it (default 3 days).
	UnpaidExpireAfterMinutes int64 `json:"unpaid_expire_after_minutes,omitempty"`
}

// CapturePaymentRequest is the optional input of CapturePayment; nil captures everything left.
type CapturePaymentRequest struct {
	Amount    string `json:"amount,omitempty"`    // a decimal string: a part of what is left
	Reference string `json:"reference,omitempty"` // the terminal's or the bank's reference, kept in the ledger
	Note      string `json:"note,omitempty"`
}

// RefundRequest is the input of RefundOrder: Lines and Shipping, or instead an Amount spread over what is left.
type RefundRequest struct {
	Lines          []RefundLine `json:"lines,omitempty"`
	Shipping       bool         `json:"shipping,omitempty"` // what is left of the shipping charge
	Amount         string       `json:"amount,omitempty"`   // a decimal string in the order's currency
	Reason         string       `json:"reason,omitempty"`
	Note           string       `json:"note,omitempty"`
	IdempotencyKey string       `json:"idempotency_key,omitempty"` // a retry with the same key returns the order
}

// RefundLine gives back Quantity units of the order line at position Line, optionally putting them back on hand.
type RefundLine struct {
	Line     int64 `json:"line"`
	Quantity int64 `json:"quantity"`
	Restock  bool  `json:"restock,omitempty"`
}

// CancelOrderRequest is the optional input of CancelOrder.
type CancelOrderRequest struct {
	Note string `json:"note,omitempty"`
}

// ShipOrderRequest is the optional input of ShipOrder; nil ships every unit not shipped yet.
type ShipOrderRequest struct {
	Lines          []ShipmentLine `json:"lines,omitempty"` // units of order lines; digital lines are never shipped
	Carrier        string         `json:"carrier,omitempty"`
	TrackingNumber string         `json:"tracking_number,omitempty"`
	TrackingURL    string         `json:"tracking_url,omitempty"` // http(s)://...
	// Given to the shopper there and then (pickup, till): the shipment is delivered at once.
	HandedOver bool   `json:"handed_over,omitempty"`
	Note       string `json:"note,omitempty"`
}

// UpdateShipmentRequest is the input of UpdateShipment.
type UpdateShipmentRequest struct {
	Status         string `json:"status"`                    // ShipmentOutForDelivery or ShipmentDelivered
	TrackingNumber string `json:"tracking_number,omitempty"` // given or corrected on the way
	TrackingURL    string `json:"tracking_url,omitempty"`
	Note           string `json:"note,omitempty"`
}

// CompleteOrderRequest is the optional input of CompleteOrder.
type CompleteOrderRequest struct {
	Note string `json:"note,omitempty"`
}
