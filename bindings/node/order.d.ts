// Type definitions of the parts of an order's lifecycle and the inputs of include/commerce/order.h (payment
// capture, refunds, cancellation, shipments and completion, the expiry sweep, the checkout's addresses and
// expected totals, the order search, receipts and invoices), re-exported by index.d.ts, which has the Order
// itself.
// Documents are described by docs/schema/order.schema.json, order_sweep.schema.json, receipt.schema.json and
// invoice.schema.json.

import type { AddressInput } from './identity';
import type { Document, ListQuery, Money, Timestamp } from './index';

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

// ------------------------------------------------------------------------------------------------------------
// Addresses, finding orders, receipts and invoices
// ------------------------------------------------------------------------------------------------------------

/** An address as an order keeps it (Order.shipping_address and billing_address, an invoice's bill_to and
 * ship_to): every member is "" when it was not given. */
export interface OrderAddress {
  name: string;
  company: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postal_code: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  phone: string;
}

/** An address at checkout: a whole one (line1, city and country required, as in the address book), or one of the
 * signed-in user's address book by its id. */
export type CheckoutAddress = Omit<AddressInput, 'default_shipping' | 'default_billing'> | { address_id: string };

/** A line of the cart as the shopper saw it. */
export interface ExpectedItem {
  variant_id: string;
  quantity?: number;
  unit_price?: Money;
}

/** PlaceOrderRequest.expected: the totals the shopper saw; each one given must still hold, or placeOrder throws
 * ConflictError with details {reason: "totals_changed", cart_id, changes: TotalsChange[]}. */
export interface ExpectedTotals {
  total?: Money;
  subtotal?: Money;
  discount_total?: Money;
  shipping_total?: Money;
  tax_total?: Money;
  items?: ExpectedItem[];
}

/** One difference between what the shopper saw and the cart as priced now. */
export interface TotalsChange {
  /** "total", "subtotal", ..., "items[<variant>].unit_price", "items[<variant>].quantity", or "items[<variant>]"
   * for a line gone or added (null on the missing side). */
  field: string;
  expected: Money | number | ExpectedItem | null;
  actual: Money | number | ExpectedItem | null;
}

/** The query of searchOrders ("orders.read"); every criterion given must hold. */
export interface OrderSearchQuery extends ListQuery {
  /** One state or several (any of them). */
  status?: OrderStatus | OrderStatus[];
  payment_status?: PaymentStatus | PaymentStatus[];
  fulfillment_status?: FulfillmentStatus | FulfillmentStatus[];
  user_id?: string;
  /** Normalized, exact. */
  email?: string;
  /** A prefix of the order number, e.g. "2026-0001". */
  number?: string;
  /** Placed in [from, to): a Date or RFC 3339 UTC text. */
  from?: Date | Timestamp;
  to?: Date | Timestamp;
}

export interface InvoiceOptions {
  /** BCP 47, e.g. "de-DE"; the catalog's default locale when absent. */
  locale?: string;
}

export interface ReceiptOptions extends InvoiceOptions {
  /** Characters per line, 24..120 (default 42). */
  width?: number;
}

/** A plain-text receipt for a till's printer. */
export interface Receipt extends Document<'receipt'> {
  order_id: string;
  number: string;
  locale: string;
  width: number;
  /** Lines of at most `width` characters (code points), each ending in "\n". */
  text: string;
}

/** Exact money plus the amount as the locale writes it, e.g. {amount: "12.50", currency: "EUR", formatted:
 * "12,50 €"}. */
export interface FormattedMoney extends Money {
  formatted: string;
}

export interface InvoiceLine {
  description: string;
  sku: string;
  quantity: number;
  unit_price: FormattedMoney;
  discount: FormattedMoney;
  /** total - tax. */
  net: FormattedMoney;
  tax: FormattedMoney;
  total: FormattedMoney;
}

/** The invoice of an order: Σ lines' total + shipping.total = total; Σ taxes' amount = tax_total. */
export interface Invoice extends Document<'invoice'> {
  order_id: string;
  /** The order's number. */
  number: string;
  issued_at: Timestamp;
  issued_at_formatted: string;
  locale: string;
  currency: string;
  email: string;
  bill_to: OrderAddress | null;
  ship_to: OrderAddress | null;
  lines: InvoiceLine[];
  shipping: { net: FormattedMoney; tax: FormattedMoney; total: FormattedMoney };
  /** By rate. */
  taxes: { name: string; percent: string; amount: FormattedMoney }[];
  prices_include_tax: boolean;
  subtotal: FormattedMoney;
  tax_total: FormattedMoney;
  total: FormattedMoney;
  paid: FormattedMoney;
  refunded: FormattedMoney;
}
