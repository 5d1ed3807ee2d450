// Type definitions of the outbox documents and inputs (include/commerce/outbox.h), re-exported by index.d.ts.

import type { Document, Money, Timestamp } from './index';
import type { FulfillmentStatus, OrderStatus, PaymentStatus, ShipmentStatus } from './order';

/** The topics the engine emits and their payloads. Secrets (token, code) are present only until the event is
 * acknowledged or given up. */
export interface OutboxPayloads {
  'user.registered': { user_id: string; email: string };
  'user.verification_requested': { user_id: string; email: string; token: string; expires_at: Timestamp };
  'user.password_reset_requested': {
    user_id: string; email: string; token: string; expires_at: Timestamp; reason: 'requested' | 'forced';
  };
  'user.otp_requested': { user_id: string; email: string; code: string; expires_at: Timestamp };
  'user.locked': { user_id: string; email: string; locked_until: Timestamp; failures: number };
  /** Available stock of a variant dropped to its threshold or below (once per crossing). */
  'inventory.low_stock': { variant_id: string; product_id: string; sku: string; available: number; threshold: number };
  /** A product request of the user was fulfilled by a product. */
  'product_request.fulfilled': {
    request_id: string; user_id: string; email: string; title: string; product_id: string;
  };
  'order.placed': OrderChange;
  /** The capture that completes the payment of an order awaiting it; amount is that capture. */
  'order.paid': OrderChange;
  /** A cancellation or an expiry. */
  'order.cancelled': OrderChange;
  /** Every refund (a cancellation's included); amount is the refund. */
  'order.refunded': OrderChange;
  /** The step that delivers the order's last goods. */
  'order.delivered': OrderChange;
  'order.completed': OrderChange;
  'shipment.shipped': ShipmentChange;
  'shipment.out_for_delivery': ShipmentChange;
  'shipment.delivered': ShipmentChange;
}

/** The payload of the order.* topics: the order and the states it is in after the change. */
export interface OrderChange {
  order_id: string;
  number: string;
  user_id: string | null;
  email: string;
  status: OrderStatus;
  payment_status: PaymentStatus;
  fulfillment_status: FulfillmentStatus;
  total: Money;
  /** The money the change moved: captured (order.paid) or refunded (order.refunded); null otherwise. */
  amount: Money | null;
}

/** The payload of the shipment.* topics: a shipping update about one shipment ("your parcel is on its way"). */
export interface ShipmentChange {
  order_id: string;
  number: string;
  user_id: string | null;
  email: string;
  shipment_id: string;
  status: ShipmentStatus;
  carrier: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  /** The order lines in the shipment, by position. */
  lines: { line: number; quantity: number; sku: string; title: string }[];
}

export interface OutboxEvent<P = Record<string, unknown>> {
  id: string;
  topic: string;
  payload: P;
  /** Failed deliveries so far. */
  attempts: number;
  created_at: Timestamp;
}

export interface OutboxBatch extends Document<'outbox_batch'> {
  events: OutboxEvent[];
}

export interface OutboxQuery {
  limit?: number;
  lease_seconds?: number;
  /** Topic prefixes, e.g. ["user."]. */
  topics?: string[];
}
