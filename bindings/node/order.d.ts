// Type definitions of the parts of an order's lifecycle and the inputs of include/commerce/order.h (payment
// capture, refunds, cancellation, shipments and completion, the expiry sweep), re-exported by index.d.ts, which
// has the Order itself.
// Documents are described by docs/schema/order.schema.json and order_sweep.schema.json.

import type { Document, Money, Timestamp } from './index';

/** The order's own state (docs/orders.md draws the graph). */
export type OrderStatus =
  | 'pending_payment' | 'paid' | 'processing' | 'partially_shipped' | 'shipped' | 'delivered' | 'completed'
  | 'cancelled';
export type PaymentStatus =
  | 'pending' | 'authorized' | 'partially_captured' | 'captured' | 'partially_refunded' | 'refunded' | 'voided';
export type FulfillmentStatus = 'not_fulfilled' | 'partially_shipped' | 'shipped' | 'delivered' | 'cancelled';
/** Cash and a card terminal payment with its reference are captured at once; the others wait for
 * capturePayment. */
export type PaymentKind = 'cash' | 'cash_on_delivery' | 'bank_transfer' | 'card_terminal';

/** What the order charged for shipping, after its discounts and with its tax: total minus the lines' totals. */
export interface OrderShipping {
  amount: Money;
  tax: Money;
}

/** An entry of a payment's ledger. */
export interface PaymentTransaction {
  id: string;
  operation: 'authorize' | 'capture' | 'void' | 'refund';
  status: 'succeeded' | 'failed' | 'pending';
  amount: Money;
  /** The gateway's, a terminal's or a bank's reference. */
  reference: string | null;
  /** What the gateway called it; "cash_received", "terminal_approved" or "recorded" (by staff) for manual
   * payments. */
  raw_status: string;
  actor_id: string | null;
  created_at: Timestamp;
}

/** A refund's share of one order line. */
export interface RefundedLine {
  /** The order line's position. */
  line: number;
  /** Units given back; 0 when an amount was spread over the line. */
  quantity: number;
  amount: Money;
  tax: Money;
  restocked: boolean;
}

/** Money given back on an order: amount is the lines' amounts plus shipping, tax the tax inside it. */
export interface Refund {
  id: string;
  amount: Money;
  tax: Money;
  lines: RefundedLine[];
  shipping: Money;
  shipping_tax: Money;
  reason: string | null;
  note: string | null;
  actor_id: string | null;
  created_at: Timestamp;
}

/** shipped → out_for_delivery → delivered (or shipped → delivered); never a step back. */
export type ShipmentStatus = 'shipped' | 'out_for_delivery' | 'delivered';

/** Some or all units of an order's lines, given to a carrier (or handed over) together. */
export interface Shipment {
  id: string;
  status: ShipmentStatus;
  carrier: string | null;
  tracking_number: string | null;
  /** http(s)://... */
  tracking_url: string | null;
  /** Units of order lines, by position. */
  lines: { line: number; quantity: number }[];
  shipped_at: Timestamp;
  out_for_delivery_at: Timestamp | null;
  delivered_at: Timestamp | null;
}

/** An entry of an order's timeline: "placed", or the member that changed from one value to another. */
export interface OrderEvent {
  kind: 'placed' | 'status' | 'payment_status' | 'fulfillment_status';
  from: string | null;
  to: string;
  /** null for the engine (an expiry) or a guest. */
  actor_id: string | null;
  note: string | null;
  at: Timestamp;
}

/** What one sweepOrders did. */
export interface OrderSweep extends Document<'order_sweep'> {
  /** Orders cancelled because their unpaid time ran out. */
  expired: number;
}

// ------------------------------------------------------------------------------------------------------------
// Inputs
// ------------------------------------------------------------------------------------------------------------

/** EngineConfig.orders. */
export interface OrdersConfig {
  /** How long an order paid by bank transfer may stay unpaid before sweepOrders cancels it (default 3 days). */
  unpaid_expire_after_minutes?: number;
}

/** null/undefined captures everything left. */
export interface CapturePaymentRequest {
  /** A decimal string: a part of what is left (the payment is then "partially_captured"). */
  amount?: string;
  /** The terminal's or the bank's reference, kept in the ledger. */
  reference?: string;
  note?: string;
}

/** lines and shipping, or instead an amount spread over what is left. */
export interface RefundRequest {
  /** Units of order lines, by position, optionally put back on hand. */
  lines?: { line: number; quantity: number; restock?: boolean }[];
  /** What is left of the shipping charge. */
  shipping?: boolean;
  /** A decimal string in the order's currency. */
  amount?: string;
  reason?: string;
  note?: string;
  /** A retry with the same key returns the order. */
  idempotency_key?: string;
}

export interface CancelOrderRequest {
  note?: string;
}

/** null/undefined ships every unit not shipped yet. */
export interface ShipOrderRequest {
  /** Units of order lines, by position; digital lines are never shipped. */
  lines?: { line: number; quantity: number }[];
  carrier?: string;
  tracking_number?: string;
  /** http(s)://... */
  tracking_url?: string;
  /** Given to the shopper there and then (pickup, till): the shipment is delivered at once. */
  handed_over?: boolean;
  note?: string;
}

export interface UpdateShipmentRequest {
  status: 'out_for_delivery' | 'delivered';
  /** Given or corrected on the way. */
  tracking_number?: string;
  tracking_url?: string;
  note?: string;
}

export interface CompleteOrderRequest {
  note?: string;
}
