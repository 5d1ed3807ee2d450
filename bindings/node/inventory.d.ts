// Type definitions of the inventory documents and inputs (include/commerce/inventory.h), re-exported by
// index.d.ts. Documents are described by docs/schema/<type>.schema.json.

import type { Document, Timestamp } from './index';

export type LocationKind = 'warehouse' | 'shop' | 'kiosk';

export interface Location extends Document<'location'> {
  id: string;
  /** "default" for the location that always exists. */
  code: string;
  name: string;
  kind: LocationKind;
  created_at: Timestamp;
}

export interface LocationList extends Document<'location_list'> {
  items: Location[];
}

export interface LocationStock {
  location_id: string;
  on_hand: number;
  reserved: number;
  available: number;
}

/** A variant's stock in total and per location; available = on_hand − reserved (live reservations). A digital
 * variant is not tracked: on_hand and reserved are null, and available is the licence keys left or null. */
export interface StockLevel extends Document<'stock_level'> {
  variant_id: string;
  product_id: string;
  sku: string;
  tracked: boolean;
  on_hand: number | null;
  reserved: number | null;
  available: number | null;
  backorder_limit: number;
  low_stock_threshold: number | null;
  locations: LocationStock[];
}

export type MovementKind = 'receipt' | 'sale' | 'return' | 'adjustment' | 'transfer_out' | 'transfer_in';

export interface StockMovement {
  id: string;
  variant_id: string;
  location_id: string;
  kind: MovementKind;
  /** Signed: a sale or transfer_out is negative. */
  quantity: number;
  reason: string;
  reference: string | null;
  actor_id: string | null;
  created_at: Timestamp;
}

export interface StockMovementList extends Document<'stock_movement_list'> {
  items: StockMovement[];
  /** A cursor for the next (older) page (pass it as `before`), or null. */
  next: string | null;
}

export interface StockReservation extends Document<'stock_reservation'> {
  id: string;
  variant_id: string;
  location_id: string;
  quantity: number;
  reference: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
}

// ------------------------------------------------------------------------------------------------------------
// Inputs
// ------------------------------------------------------------------------------------------------------------

export interface LocationInput {
  code: string;
  name: string;
  kind: LocationKind;
}

export interface StockMovementInput {
  variant_id: string;
  /** A location id or code; "default" when absent. */
  location_id?: string;
  kind: 'receipt' | 'return' | 'adjustment';
  /** >= 1 for a receipt or return; signed for an adjustment. */
  quantity: number;
  reason?: string;
  reference?: string;
}

export interface StockTransferInput {
  variant_id: string;
  from: string;
  to: string;
  quantity: number;
  reason?: string;
}

export interface StockMovementQuery {
  variant_id?: string;
  location_id?: string;
  kind?: MovementKind;
  limit?: number;
  /** The `next` cursor of the previous page. */
  before?: string;
}

export interface StockReservationInput {
  variant_id: string;
  location_id?: string;
  quantity: number;
  ttl_seconds?: number;
  /** e.g. the cart id. */
  reference?: string;
}
