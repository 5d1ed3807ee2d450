package commerce

import (
	"time"

	"commerce.local/commerce/internal/native"
)

// The outbox of include/commerce/outbox.h: events the host delivers (emails, SMS, webhooks). An event is
// appended in the same transaction as the change it announces; the host fetches a batch, delivers each event
// and acknowledges it, or reports a failure (retried with a doubling backoff, given up after 10 attempts).
// These calls serve the host process itself and take no session:
//
//	batch, err := e.FetchOutbox(&commerce.OutboxQuery{Topics: []string{"user."}})
//	for _, ev := range batch.Events {
//		if err := send(ev); err != nil {
//			e.FailEvent(ev.ID, err.Error())
//		} else {
//			e.AckEvent(ev.ID)
//		}
//	}

// The topics the engine emits.
const (
	TopicUserRegistered             = "user.registered"
	TopicUserVerificationRequested  = "user.verification_requested"
	TopicUserPasswordResetRequested = "user.password_reset_requested"
	TopicUserOTPRequested           = "user.otp_requested"
	TopicUserLocked                 = "user.locked"
	TopicInventoryLowStock          = "inventory.low_stock"
	TopicProductRequestFulfilled    = "product_request.fulfilled"
	TopicOrderPlaced                = "order.placed"
	TopicOrderPaid                  = "order.paid"
	TopicOrderCancelled             = "order.cancelled"
	TopicOrderRefunded              = "order.refunded"
	TopicOrderDelivered             = "order.delivered"
	TopicOrderCompleted             = "order.completed"
	TopicShipmentShipped            = "shipment.shipped"
	TopicShipmentOutForDelivery     = "shipment.out_for_delivery"
	TopicShipmentDelivered          = "shipment.delivered"
)

// FetchOutbox leases up to Limit due events, oldest first; query may be nil. Leased events are not handed out
// again until the lease ends.
func (e *Engine) FetchOutbox(query *OutboxQuery) (*OutboxBatch, error) {
	text, err := optionalJSON(query, "query")
	if err != nil {
		return nil, err
	}
	return call[OutboxBatch](e, func(n native.Engine) native.Outcome { return n.Fetch_outbox(text) })
}

// AckEvent marks an event delivered and erases its secrets. Acknowledging twice is fine.
func (e *Engine) AckEvent(eventID string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Ack_event(eventID) })
}

// FailEvent records a failed delivery (reason may be ""): the event is retried after a backoff that doubles
// each time (capped at one hour); after 10 attempts it is given up and its secrets are erased.
func (e *Engine) FailEvent(eventID, reason string) error {
	return callNoDoc(e, func(n native.Engine) native.Outcome { return n.Fail_event(eventID, reason) })
}

// OutboxEvent is an event of an OutboxBatch. Payload members by topic:
//
//	user.registered                {user_id, email}
//	user.verification_requested    {user_id, email, token, expires_at}
//	user.password_reset_requested  {user_id, email, token, expires_at, reason: "requested" | "forced"}
//	user.otp_requested             {user_id, email, code, expires_at}
//	user.locked                    {user_id, email, locked_until, failures}
//	inventory.low_stock            {variant_id, product_id, sku, available, threshold}
//	product_request.fulfilled      {request_id, user_id, email, title, product_id}
//	order.placed, .paid, .cancelled, .refunded, .delivered, .completed
//	                               {order_id, number, user_id, email, status, payment_status, fulfillment_status,
//	                                total, amount: the capture (order.paid), the refund (order.refunded) or null}
//	shipment.shipped, .out_for_delivery, .delivered
//	                               {order_id, number, user_id, email, shipment_id, status, carrier, tracking_number,
//	                                tracking_url, lines: [{line, quantity, sku, title}]}
//
// Secrets (token, code) are present only until the event is acknowledged or given up. Numbers in Payload are
// float64 (encoding/json); use PayloadString for the text members.
type OutboxEvent struct {
	ID        string         `json:"id"`
	Topic     string         `json:"topic"`
	Payload   map[string]any `json:"payload"`
	Attempts  int            `json:"attempts"` // failed deliveries so far
	CreatedAt time.Time      `json:"created_at"`
}

// PayloadString returns a text member of the payload, "" when absent or not a string.
func (ev OutboxEvent) PayloadString(key string) string {
	s, _ := ev.Payload[key].(string)
	return s
}

// OutboxBatch is an "outbox_batch" document.
type OutboxBatch struct {
	Header
	Events []OutboxEvent `json:"events"`
}

// OutboxQuery selects what FetchOutbox leases.
type OutboxQuery struct {
	Limit        int      `json:"limit,omitempty"`
	LeaseSeconds int      `json:"lease_seconds,omitempty"`
	Topics       []string `json:"topics,omitempty"` // topic prefixes, e.g. ["user."]
}
