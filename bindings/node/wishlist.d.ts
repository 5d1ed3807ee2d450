// Type definitions of the wishlist documents (include/commerce/wishlist.h), re-exported by index.d.ts.
// Documents are described by docs/schema/<type>.schema.json.

import type { Document, Money, Timestamp } from './index';

/** An item as the catalog shows it now: nothing is copied into the list. */
export interface WishlistItem {
  variant_id: string;
  product_id: string;
  title: string;
  sku: string;
  options: Record<string, string>;
  note: string | null;
  added_at: Timestamp;
  /** In the document's currency (empty when the variant has no price in it), or every price. */
  prices: Money[];
  /** Shoppers may buy the product now. */
  on_sale: boolean;
  /** On hand minus live reservations above zero; a digital variant: no key pool, or keys left. */
  in_stock: boolean;
}

interface WishlistItems {
  id: string;
  name: string;
  /** The currency the prices were asked in; null for every price. */
  currency: string | null;
  item_count: number;
  items: WishlistItem[];
  updated_at: Timestamp;
}

export interface Wishlist extends Document<'wishlist'>, WishlistItems {
  shared: boolean;
  shared_at: Timestamp | null;
  created_at: Timestamp;
}

/** What a share token shows: nothing of the owner. */
export interface SharedWishlist extends Document<'shared_wishlist'>, WishlistItems {}

export interface WishlistSummary {
  id: string;
  name: string;
  item_count: number;
  shared: boolean;
  shared_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WishlistList extends Document<'wishlist_list'> {
  items: WishlistSummary[];
}

/** The token is shown only here; the engine keeps its hash. */
export interface WishlistShare extends Document<'wishlist_share'> {
  wishlist_id: string;
  token: string;
  shared_at: Timestamp;
}

/** A list in the user's data export. */
export interface WishlistExport extends WishlistSummary {
  items: { variant_id: string; product_id: string; note: string | null; added_at: Timestamp }[];
}
