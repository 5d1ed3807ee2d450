package commerce

import (
	"encoding/json"
	"reflect"
	"time"
)

// The parts of an order's lifecycle (docs/schema/order.schema.json, order_sweep.schema.json), receipts and
// invoices (receipt.schema.json, invoice.schema.json) and the inputs of include/commerce/order.h. The Order itself
// is in documents.go.

// OrderAddress is an address as an order keeps it (Order.ShippingAddress and BillingAddress, Invoice.BillTo and
// ShipTo); a member not given is "".
type OrderAddress struct {
	Name       string `json:"name"`
	Company    string `json:"company"`
	Line1      string `json:"line1"`
	Line2      string `json:"line2"`
	City       string `json:"city"`
	Region     string `json:"region"`
	PostalCode string `json:"postal_code"`
	Country    string `json:"country"` // ISO 3166-1 alpha-2, upper case
	Phone      string `json:"phone"`
}

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

// Receipt is a "receipt": a plain-text receipt of an order for a till's printer.
type Receipt struct {
	Header
	OrderID string `json:"order_id"`
	Number  string `json:"number"`
	Locale  string `json:"locale"`
	Width   int    `json:"width"`
	Text    string `json:"text"` // lines of at most Width characters (runes), each ending in "\n"
}

// FormattedMoney is exact money plus the amount as the invoice's locale writes it ("12,50 €"); Money's methods
// (MinorUnits, Equal, ...) apply to it.
type FormattedMoney struct {
	Money
	Formatted string `json:"formatted"`
}

// Invoice is an "invoice": the sum of the Lines' Total and Shipping.Total is Total, the sum of the Taxes is
// TaxTotal.
type Invoice struct {
	Header
	OrderID           string        `json:"order_id"`
	Number            string        `json:"number"` // the order's number
	IssuedAt          time.Time     `json:"issued_at"`
	IssuedAtFormatted string        `json:"issued_at_formatted"`
	Locale            string        `json:"locale"`
	Currency          string        `json:"currency"`
	Email             string        `json:"email"`
	BillTo            *OrderAddress `json:"bill_to"`
	ShipTo            *OrderAddress `json:"ship_to"`
	Lines             []InvoiceLine `json:"lines"`
	Shipping          struct {
		Net   FormattedMoney `json:"net"`
		Tax   FormattedMoney `json:"tax"`
		Total FormattedMoney `json:"total"`
	} `json:"shipping"`
	Taxes            []InvoiceTax   `json:"taxes"` // by rate
	PricesIncludeTax bool           `json:"prices_include_tax"`
	Subtotal         FormattedMoney `json:"subtotal"`
	TaxTotal         FormattedMoney `json:"tax_total"`
	Total            FormattedMoney `json:"total"`
	Paid             FormattedMoney `json:"paid"`
	Refunded         FormattedMoney `json:"refunded"`
}

// InvoiceLine is a line of an invoice: Net is Total minus Tax.
type InvoiceLine struct {
	Description string         `json:"description"`
	SKU         string         `json:"sku"`
	Quantity    int64          `json:"quantity"`
	UnitPrice   FormattedMoney `json:"unit_price"`
	Discount    FormattedMoney `json:"discount"`
	Net         FormattedMoney `json:"net"`
	Tax         FormattedMoney `json:"tax"`
	Total       FormattedMoney `json:"total"`
}

// InvoiceTax is the tax of one rate on an invoice.
type InvoiceTax struct {
	Name    string         `json:"name"`
	Percent string         `json:"percent"` // "19"
	Amount  FormattedMoney `json:"amount"`
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

// CheckoutAddress is PlaceOrderRequest.ShippingAddress or BillingAddress: a whole address (Line1, City and Country
// required, as in the address book), or only AddressID, one of the signed-in user's address book.
type CheckoutAddress struct {
	AddressID  string `json:"address_id,omitempty"`
	Name       string `json:"name,omitempty"`
	Company    string `json:"company,omitempty"`
	Line1      string `json:"line1,omitempty"`
	Line2      string `json:"line2,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	Country    string `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Phone      string `json:"phone,omitempty"`
}

// ExpectedTotals is PlaceOrderRequest.Expected: the totals the shopper saw; each one given must still hold, or
// PlaceOrder fails with CodeConflict, Details "reason" "totals_changed" and "changes" (see TotalsChange).
type ExpectedTotals struct {
	Total         *Money         `json:"total,omitempty"`
	Subtotal      *Money         `json:"subtotal,omitempty"`
	DiscountTotal *Money         `json:"discount_total,omitempty"`
	ShippingTotal *Money         `json:"shipping_total,omitempty"`
	TaxTotal      *Money         `json:"tax_total,omitempty"`
	Items         []ExpectedItem `json:"items,omitempty"`
}

// ExpectedItem is a line of the cart as the shopper saw it.
type ExpectedItem struct {
	VariantID string `json:"variant_id"`
	Quantity  int64  `json:"quantity,omitempty"`
	UnitPrice *Money `json:"unit_price,omitempty"`
}

// TotalsChange is the shape of each member of the Details "changes" of a "totals_changed" conflict: the Field
// ("total", "items[<variant>].unit_price", or "items[<variant>]" for a line gone or added, nil on the missing
// side) with what the shopper expected and what the cart says now (money, a quantity or a line).
type TotalsChange struct {
	Field    string `json:"field"`
	Expected any    `json:"expected"`
	Actual   any    `json:"actual"`
}

// OrderSearchQuery is the input of SearchOrders; every criterion given must hold, and each state list matches any
// of its states (the order statuses, PaymentPending ..., FulfillmentNotFulfilled ...).
type OrderSearchQuery struct {
	Status            []string  `json:"status,omitempty"`
	PaymentStatus     []string  `json:"payment_status,omitempty"`
	FulfillmentStatus []string  `json:"fulfillment_status,omitempty"`
	UserID            string    `json:"user_id,omitempty"`
	Email             string    `json:"email,omitempty"`  // normalized, exact
	Number            string    `json:"number,omitempty"` // a prefix of the order number: "2026-0001"
	From              time.Time `json:"-"`                // placed in [From, To); zero for no bound
	To                time.Time `json:"-"`
	Limit             int       `json:"limit,omitempty"` // 1 to 200; 50 when zero
	After             string    `json:"after,omitempty"` // the Next of the previous page
}

// MarshalJSON writes From and To as the engine reads them (RFC 3339 UTC), leaving out a zero bound.
func (q OrderSearchQuery) MarshalJSON() ([]byte, error) {
	type members OrderSearchQuery // without this method
	if err := checkValue(reflect.ValueOf(members(q)), "query"); err != nil {
		return nil, err
	}
	wire := struct {
		members
		From string `json:"from,omitempty"`
		To   string `json:"to,omitempty"`
	}{members: members(q)}
	if !q.From.IsZero() {
		wire.From = rfc3339(q.From)
	}
	if !q.To.IsZero() {
		wire.To = rfc3339(q.To)
	}
	return json.Marshal(wire)
}

// ReceiptOptions is the optional input of OrderReceipt.
type ReceiptOptions struct {
	Locale string `json:"locale,omitempty"` // BCP 47, "de-DE"; the catalog's default locale when ""
	Width  int    `json:"width,omitempty"`  // characters per line, 24 to 120; 42 when zero
}

// InvoiceOptions is the optional input of OrderInvoice.
type InvoiceOptions struct {
	Locale string `json:"locale,omitempty"` // BCP 47, "de-DE"; the catalog's default locale when ""
}
