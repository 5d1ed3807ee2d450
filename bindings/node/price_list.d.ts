// Type definitions of the price list and customer group documents and inputs (include/commerce/pricing.h and
// include/commerce/customer_group.h), re-exported by index.d.ts. Documents are described by
// docs/schema/<type>.schema.json.

import type { Document, Money, Timestamp } from './index';

/** One price of a list: the unit price of a variant in one currency from min_quantity units on. */
export interface PriceListPrice {
  variant_id: string;
  price: Money;
  /** 1 when absent. */
  min_quantity?: number;
}

/** docs/price-lists.md: an "override" replaces the catalog price; a "sale" applies only where it is cheaper. */
export interface PriceListDefinition {
  id: string;
  name: string;
  type?: 'sale' | 'override';
  customer_groups?: string[];
  channels?: string[];
  starts_at?: Timestamp | number;
  ends_at?: Timestamp | number;
  prices?: PriceListPrice[];
}

export interface PriceList extends Document<'price_list'> {
  id: string;
  status: 'active' | 'archived';
  version: number;
  /** The definition without its prices. */
  definition: Omit<PriceListDefinition, 'prices'>;
  price_count: number;
  /** Present when one list is returned, absent in a price_list_list. */
  prices?: Required<PriceListPrice>[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PriceListList extends Document<'price_list_list'> {
  items: PriceList[];
  next: string | null;
}

export interface PriceListQuery {
  status?: 'active' | 'archived';
  limit?: number;
  after?: string;
}

export interface CustomerGroupDefinition {
  /** 1 to 64 of a-z, 0-9, '-' and '_'. */
  id: string;
  name: string;
  tax_exempt?: boolean;
}

export interface CustomerGroup extends Document<'customer_group'> {
  id: string;
  name: string;
  tax_exempt: boolean;
  member_count: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomerGroupList extends Document<'customer_group_list'> {
  items: CustomerGroup[];
  next: string | null;
}

export interface CustomerGroupQuery {
  /** Only the groups this user belongs to. */
  member?: string;
  limit?: number;
  after?: string;
}

export interface CustomerGroupMemberList extends Document<'customer_group_member_list'> {
  group_id: string;
  items: { user_id: string; added_at: Timestamp }[];
  next: string | null;
}
