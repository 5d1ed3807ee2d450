// Type definitions of the outbox documents and inputs (include/commerce/outbox.h), re-exported by index.d.ts.

import type { Document, Timestamp } from './index';

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
