// Type definitions of the pricing documents and inputs (include/commerce/pricing.h and the pricing parts of
// carts), re-exported by index.d.ts. Documents are described by docs/schema/<type>.schema.json.

import type { DisplayTotal } from './currency';
import type { Document, Money, Timestamp } from './index';

/** One tax charged: "VAT 19%". */
export interface TaxLine {
  name: string;
  /** As defined, trailing zeros removed: "19", "9.975". */
  percent: string;
  amount: Money;
}

/** What one applied promotion took, per line (by variant id) and off shipping. */
export interface Discount {
  promotion_id: string;
  name: string;
  /** The coupon that made it apply; null for an automatic promotion. */
  code: string | null;
  lane: 'before_tax' | 'after_tax';
  amount: Money;
  lines: { variant_id: string; amount: Money }[];
  shipping: Money;
}

/** A shipping method offered to a cart (docs/shipping.md). */
export interface ShippingMethod {
  id: string;
  name: string;
  kind: 'delivery' | 'pickup';
  price: Money;
  delivery_days: { min: number; max: number };
  location_id: string | null;
}

/** The parts of a total; they always add up: total = subtotal − discount_total + shipping_total (+ tax_total when
 * prices exclude tax). A cart shows them, an order keeps them as "totals". */
export interface Totals {
  subtotal: Money;
  discounts: Discount[];
  discount_total: Money;
  /** The chosen method while it is offered. */
  shipping_method: ShippingMethod | null;
  shipping_total: Money;
  taxes: TaxLine[];
  tax_total: Money;
  prices_include_tax: boolean;
  tax_zone: string | null;
  /** The cart has no shipping address yet: taxed as a sale at the store's origin. */
  tax_estimated: boolean;
  /** The customer is in a tax-exempt customer group: no tax is charged. */
  tax_exempt: boolean;
  /** What a tax-exempt customer does not pay of tax-inclusive prices; zero otherwise. */
  tax_exemption: Money;
  total: Money;
  /** The total in the cart's display currency at the rate in force; null without one. */
  display: DisplayTotal | null;
}

export interface CartAddress {
  /** ISO 3166-1 alpha-2. */
  country: string;
  region?: string | null;
  postal_code?: string | null;
}

export interface CartChanges {
  /** null clears it. */
  shipping_address?: CartAddress | null;
  /** "web" (the default), "pos" or a shop's own channel; another than "web" needs a staff session. */
  channel?: string;
  /** One of the cart's shipping_methods, or null to clear the choice. */
  shipping_method?: string | null;
  /** A currency with a rate in force from the cart's; the totals then show "display". null clears it. */
  display_currency?: string | null;
}

export interface CouponStatus {
  code: string;
  status: 'applied' | 'not_applied' | 'unknown';
  promotion_id: string | null;
  /** Why it does not apply: "min_subtotal_not_met", "usage_limit_reached", "not_combinable_with:<id>"... */
  reason: string | null;
}

export interface PromotionNotApplied {
  promotion_id: string;
  code: string | null;
  reason: string;
}

/** A promotion definition (docs/promotions.md); requires_code: only generated single-use codes unlock it. */
export interface PromotionDefinition {
  id: string;
  name: string;
  code?: string;
  requires_code?: boolean;
  action: Record<string, unknown>;
  [member: string]: unknown;
}

export interface Promotion extends Document<'promotion'> {
  id: string;
  status: 'active' | 'archived';
  version: number;
  code: string | null;
  requires_code: boolean;
  definition: Record<string, unknown>;
  usage_count: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PromotionList extends Document<'promotion_list'> {
  items: Promotion[];
  next: string | null;
}

export interface PromotionListQuery {
  status?: 'active' | 'archived';
  limit?: number;
  after?: string;
}

export interface PromotionCodeBatch extends Document<'promotion_code_batch'> {
  promotion_id: string;
  batch_id: string;
  codes: string[];
  created_at: Timestamp;
}

export interface TaxSettings extends Document<'tax_settings'> {
  /** 0 while the store has no definition. */
  version: number;
  /** As given (docs/taxes.md); null while the store has none (nothing is taxed). */
  definition: Record<string, unknown> | null;
  updated_at: Timestamp | null;
}

export interface ShippingSettings extends Document<'shipping_settings'> {
  /** 0 while the store has no definition. */
  version: number;
  /** As given (docs/shipping.md); null while the store has none (no cart pays shipping). */
  definition: Record<string, unknown> | null;
  updated_at: Timestamp | null;
}
