// Type definitions of the currency documents and inputs (include/commerce/currency.h, docs/currencies.md),
// re-exported by index.d.ts. Documents are described by docs/schema/<type>.schema.json.

import type { Document, Money, Timestamp } from './index';

/** A charm ending: a positive price becomes the smallest amount at or above it ending in `ending` on a grid of
 * `step` (step "1", ending "0.99": 12.34 -> 12.99). */
export interface Charm {
  step: string;
  ending: string;
}

export interface PresentmentCurrencyInput {
  currency: string;
  /** "0.05" for CHF, "10" for JPY; the minor unit by default. */
  rounding_increment?: string;
  rounding?: 'half_even' | 'half_up' | 'down' | 'up';
  charm?: Charm;
}

export interface CurrencySettingsInput {
  base: string;
  presentment?: PresentmentCurrencyInput[];
}

export interface CurrencySettings extends Document<'currency_settings'> {
  /** 0 while the store has no settings. */
  version: number;
  /** As given; null while the store has none (no price is converted). */
  definition: CurrencySettingsInput | null;
  updated_at: Timestamp | null;
}

/** A rate as documents show it: one base is worth `rate` quote from effective_at on. */
export interface Rate {
  id: string;
  base: string;
  quote: string;
  /** An exact decimal string, e.g. "1.0850". */
  rate: string;
  effective_at: Timestamp;
}

export interface ExchangeRate extends Document<'exchange_rate'>, Rate {
  created_at: Timestamp;
  created_by: string | null;
}

export interface ExchangeRateInput {
  base: string;
  quote: string;
  rate: string;
  /** Default now. */
  effective_at?: Timestamp | Date;
}

export interface ExchangeRateList extends Document<'exchange_rate_list'> {
  items: ExchangeRate[];
  next: string | null;
}

export interface ExchangeRateQuery {
  base?: string;
  quote?: string;
  limit?: number;
  after?: string;
}

/** Where a cart line's catalog price converted from the variant's base-currency price came from. */
export interface PriceConversion {
  price: Money;
  rate: Rate;
}

/** A cart's total in its display currency. */
export interface DisplayTotal {
  currency: string;
  total: Money;
  rate: Rate;
}

export interface CurrencyConversion extends Document<'currency_conversion'> {
  amount: Money;
  converted: Money;
  rate: Rate;
  at: Timestamp;
}

export interface SalesReportQuery {
  /** "2026-11-01": UTC days, inclusive. */
  from: string;
  to: string;
}

export interface SalesReport extends Document<'sales_report'> {
  from: string;
  to: string;
  base: string;
  /** Per currency, by code: the orders' total in it and converted into the base currency. */
  currencies: { currency: string; orders: number; total: Money; converted: Money }[];
  orders: number;
  total: Money;
}
