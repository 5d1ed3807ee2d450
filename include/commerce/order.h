/* commerce — checkout and orders. */
#ifndef COMMERCE_ORDER_H
#define COMMERCE_ORDER_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Places an order from a cart, in one transaction: the order, its lines with their price, discount and tax, the
 * stock decrement, the promotions' redemptions, the payment with its ledger, the "order.placed" outbox event and
 * the completed cart commit together or not at all.
 *
 *   {"payment": {"method": "manual",
 *                "kind": "cash" | "cash_on_delivery" | "bank_transfer" | "card_terminal",
 *                "tendered": "50.00",       cash only: computes the change
 *                "reference": "T-0042"},    card_terminal only, staff only: the terminal approved it
 *    "email": "guest@example.com",          required for a guest cart
 *    "shipping_address": {"name", "line1", "city", "postal_code", "country", ...} or {"address_id": "..."},
 *    "billing_address": the same; the shipping address when absent,
 *    "expected": {"total": {...}, "items": [{"variant_id", "quantity", "unit_price"}], ...},
 *                                           the totals the shopper saw: each must still hold
 *    "idempotency_key": "..."}              optional; a retry with the same key and cart returns the same order
 *
 * Cash, and a card terminal payment with its reference, are captured at once (the order is "paid"); cash on
 * delivery, a bank transfer and a terminal payment without a reference stay "pending_payment" until staff record
 * the money with commerce_order_capture_payment. A bank transfer expires after the engine config's
 * orders.unpaid_expire_after_minutes (commerce_order_sweep). docs/orders.md has the state graphs.
 * Errors: COMMERCE_ERR_OUT_OF_STOCK (details list the products short), COMMERCE_ERR_ILLEGAL_STATE (empty or
 * completed cart), COMMERCE_ERR_CONFLICT (idempotency key already used for another request; or reason
 * "totals_changed" with "changes": [{"field", "expected", "actual"}] when the cart no longer prices as expected),
 * COMMERCE_ERR_INVALID_ARGUMENT (an address, or reason "not_the_priced_address" for a shipping address elsewhere
 * than the cart was priced for), COMMERCE_ERR_FORBIDDEN (a terminal reference from a caller without
 * "orders.manage").
 * Returns an "order" document. */
COMMERCE_API commerce_status commerce_checkout_place_order(commerce_doc **out, commerce_engine *engine,
                                                           const char *session, const char *cart_id,
                                                           const char *request_json);

/* An order, for its owner or a user with the permission "orders.read". Returns an "order" document. */
COMMERCE_API commerce_status commerce_order_get(commerce_doc **out, commerce_engine *engine,
                                                const char *session, const char *order_id);

/* The session user's orders, newest first: query {"limit": 50, "after": "<cursor>"} or NULL.
 * A user with "orders.read" may add "user_id" to list another user's orders. Returns an "order_list" document. */
COMMERCE_API commerce_status commerce_order_list(commerce_doc **out, commerce_engine *engine,
                                                 const char *session, const char *query_json);

/* A plain-text receipt for a till's printer, for the order's owner or "orders.read": options_json NULL or
 *   {"locale": "de-DE" (default: the catalog's default locale), "width": 42 (24..120 characters per line)}
 * Money is written in the order's currency the locale's way ("12,50 €"), exact. Returns a "receipt" document
 * {"order_id", "number", "locale", "width", "text"}. Errors: COMMERCE_ERR_NOT_FOUND, COMMERCE_ERR_INVALID_ARGUMENT
 * (field "locale" reason "unknown_locale", or "width"). */
COMMERCE_API commerce_status commerce_order_receipt(commerce_doc **out, commerce_engine *engine, const char *session,
                                                    const char *order_id, const char *options_json);

/* The invoice of an order, for its owner or "orders.read": options_json NULL or {"locale": "de-DE"}. Returns an
 * "invoice" document: number and issue time, bill-to and ship-to addresses, each line with its net, tax and total,
 * the shipping, the taxes by rate, the totals and what was paid and refunded; every amount exact and "formatted"
 * for the locale. */
COMMERCE_API commerce_status commerce_order_invoice(commerce_doc **out, commerce_engine *engine, const char *session,
                                                    const char *order_id, const char *options_json);

/* Admin search of every order ("orders.read"), newest first; every criterion given must hold:
 *   {"status": "paid" | ["paid", "processing"], "payment_status": ..., "fulfillment_status": ...,
 *    "user_id": "...", "email": "ana@example.test", "number": "2026-0001" (a prefix),
 *    "from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z" (placed in [from, to)),
 *    "limit": 50 (1..200), "after": "<cursor>"}
 * or NULL for every order. Returns an "order_list" page whose "next" is the cursor of the following page.
 * Errors: COMMERCE_ERR_FORBIDDEN, COMMERCE_ERR_INVALID_ARGUMENT ("field", "reason": unknown_status, type, format,
 * out_of_range, unknown_member). */
COMMERCE_API commerce_status commerce_order_search(commerce_doc **out, commerce_engine *engine, const char *session,
                                                   const char *query_json);

/* Records money taken on an order's payment ("orders.manage"): cash collected on delivery, a bank transfer
 * received, a card terminal's approval. request_json may be NULL (capture everything left) or
 *   {"amount": "10.00",        optional: a part of what is left (the payment is then "partially_captured")
 *    "reference": "T-0042",    optional: the terminal's or the bank's reference, kept in the ledger
 *    "note": "..."}
 * Once everything is captured the payment is "captured" and an order awaiting payment becomes "paid" (the
 * "order.paid" outbox event); an order that receives any money stops expiring. Errors: COMMERCE_ERR_NOT_FOUND
 * (order_id), COMMERCE_ERR_INVALID_ARGUMENT (amount not positive or more than is left: reason "out_of_range", details
 * "capturable"), COMMERCE_ERR_ILLEGAL_STATE (a cancelled order, or a payment already captured or refunded: details
 * "field", "current", "requested"). Returns the "order". */
COMMERCE_API commerce_status commerce_order_capture_payment(commerce_doc **out, commerce_engine *engine,
                                                            const char *session, const char *order_id,
                                                            const char *request_json);

/* Gives money back ("orders.refund"), once or several times up to what was captured:
 *   {"lines": [{"line": 0, "quantity": 1, "restock": true}],   units of order lines (positions), optionally
 *                                                               put back on hand
 *    "shipping": true,                                          what is left of the shipping charge
 *    "amount": "5.00",                                          or instead: an amount spread over what is left
 *    "reason": "damaged", "note": "...",
 *    "idempotency_key": "..."}                                  a retry with the same key returns the order
 * The refund is allocated exactly over the lines, their tax and the shipping (docs/orders.md): refunding every
 * unit of a line, in any steps, gives back exactly what the line charged. The payment becomes
 * "partially_refunded", or "refunded" once everything captured is back; the "order.refunded" event carries the
 * amount. Errors: COMMERCE_ERR_INVALID_ARGUMENT with "field" and "reason" (unknown_line, duplicate, out_of_range,
 * exclusive, already_refunded, nothing_to_refund), COMMERCE_ERR_ILLEGAL_STATE (reason "exceeds_captured", details
 * "refundable"), COMMERCE_ERR_CURRENCY_MISMATCH, COMMERCE_ERR_CONFLICT (the key was used for another refund).
 * Returns the "order" with its "refunds". */
COMMERCE_API commerce_status commerce_order_refund(commerce_doc **out, commerce_engine *engine, const char *session,
                                                   const char *order_id, const char *request_json);

/* Cancels an order nothing has left the store for: its owner while it is unpaid, otherwise "orders.manage" (and
 * "orders.refund" when money was captured, which is refunded in full first). The goods go back on hand, the
 * promotions' redemptions are released (a coupon's use counts again), the payment is "voided" when nothing was
 * captured, and "order.cancelled" goes to the outbox. request_json may be NULL or {"note": "..."}.
 * Errors: COMMERCE_ERR_NOT_FOUND (someone else's order, for a customer), COMMERCE_ERR_FORBIDDEN,
 * COMMERCE_ERR_ILLEGAL_STATE (already cancelled, or shipped: details "current", "fulfillment_status").
 * Returns the "order". */
COMMERCE_API commerce_status commerce_order_cancel(commerce_doc **out, commerce_engine *engine, const char *session,
                                                   const char *order_id, const char *request_json);

/* Ships some or all of an order's goods ("orders.manage"). request_json may be NULL (every unit not shipped yet)
 * or
 *   {"lines": [{"line": 0, "quantity": 2}],    order line positions; digital lines are never shipped
 *    "carrier": "DHL", "tracking_number": "JD0001", "tracking_url": "https://...",
 *    "handed_over": true,                      given to the shopper there and then (pickup, till): delivered
 *    "note": "..."}
 * The order's fulfillment_status becomes "partially_shipped" or "shipped" ("delivered" when handed over), and its
 * status follows (a cash-on-delivery order passes through "processing"). Emits "shipment.shipped" (or
 * "shipment.delivered") and, when its last goods are delivered, "order.delivered". Errors:
 * COMMERCE_ERR_INVALID_ARGUMENT ("field", "reason": unknown_line, duplicate, digital, out_of_range,
 * nothing_to_ship, format), COMMERCE_ERR_ILLEGAL_STATE (a cancelled or completed order). Returns the "order". */
COMMERCE_API commerce_status commerce_order_ship(commerce_doc **out, commerce_engine *engine, const char *session,
                                                 const char *order_id, const char *request_json);

/* Moves a shipment on ("orders.manage"): {"status": "out_for_delivery" | "delivered", "tracking_number",
 * "tracking_url", "note"} (the tracking may be given or corrected on the way). Emits "shipment.<status>"; once
 * every unit of the order is delivered the order is "delivered" and "order.delivered" is emitted. Errors:
 * COMMERCE_ERR_NOT_FOUND (order_id, or shipment_id of another order), COMMERCE_ERR_ILLEGAL_STATE (a step back or
 * repeated: details "field": "shipment.status", "current", "requested"), COMMERCE_ERR_INVALID_ARGUMENT (an unknown
 * status). Returns the "order". */
COMMERCE_API commerce_status commerce_order_update_shipment(commerce_doc **out, commerce_engine *engine,
                                                            const char *session, const char *order_id,
                                                            const char *shipment_id, const char *request_json);

/* Completes an order ("orders.manage"): delivered, or paid with nothing to ship (digital goods), and its payment
 * settled. request_json may be NULL or {"note": "..."}. Emits "order.completed". Errors: COMMERCE_ERR_ILLEGAL_STATE
 * with reason "not_delivered" or "unpaid" and the current state. Returns the "order". */
COMMERCE_API commerce_status commerce_order_complete(commerce_doc **out, commerce_engine *engine, const char *session,
                                                     const char *order_id, const char *request_json);

/* Returns (RMA). Each call returns the "order", whose "returns" list every return with its lines and status
 * (requested -> approved | rejected; approved -> received, and "refunded" once its refund is given), and emits
 * "return.<requested|approved|rejected|received>" with the return.
 *
 * commerce_return_request: the order's owner, or "orders.manage": {"lines": [{"line": 0, "quantity": 1,
 *   "reason": "too small"}], "note": "..."}; only shipped units of physical lines, not already in a return that was
 *   not rejected (INVALID_ARGUMENT, reason out_of_range with "available"; digital; unknown_line; duplicate).
 * commerce_return_approve, commerce_return_reject ("orders.manage"): {"note"} or NULL.
 * commerce_return_receive ("orders.manage", and "orders.refund" unless "refund" is false): {"lines": [{"line": 0,
 *   "disposition": "restock" | "discard"}] (default restock), "refund": true, "note"}: the goods arrived; restocked
 *   lines go back on hand, and the returned units are refunded exactly as commerce_order_refund refunds units.
 * A step the return's graph does not have is COMMERCE_ERR_ILLEGAL_STATE ("field": "return.status", "current",
 * "requested"); an unknown return is COMMERCE_ERR_NOT_FOUND (field "return_id"). */
COMMERCE_API commerce_status commerce_return_request(commerce_doc **out, commerce_engine *engine, const char *session,
                                                     const char *order_id, const char *request_json);
COMMERCE_API commerce_status commerce_return_approve(commerce_doc **out, commerce_engine *engine, const char *session,
                                                     const char *order_id, const char *return_id,
                                                     const char *request_json);
COMMERCE_API commerce_status commerce_return_reject(commerce_doc **out, commerce_engine *engine, const char *session,
                                                    const char *order_id, const char *return_id,
                                                    const char *request_json);
COMMERCE_API commerce_status commerce_return_receive(commerce_doc **out, commerce_engine *engine, const char *session,
                                                     const char *order_id, const char *return_id,
                                                     const char *request_json);

/* Maintenance for the host's timer (no session): cancels up to `limit` (1..10000) orders whose unpaid time ran
 * out on the engine's clock, as commerce_order_cancel does, with the note "payment not received in time".
 * Returns an "order_sweep" document {"expired": n}. */
COMMERCE_API commerce_status commerce_order_sweep(commerce_doc **out, commerce_engine *engine, int64_t limit);

COMMERCE_END_DECLS

#endif
