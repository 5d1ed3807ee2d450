// Type definitions for the commerce Node.js binding (bindings/node/index.js).
// Documents are plain objects described by docs/schema/<type>.schema.json; money is exact, as strings.

/** An exact amount: a decimal string plus an ISO 4217 code, e.g. {amount: "19.99", currency: "EUR"}. */
export interface Money {
  amount: string;
  currency: string;
}

/** An RFC 3339 UTC timestamp, e.g. "2026-01-31T12:00:00Z". */
export type Timestamp = string;

/** Every document has a "type" and a "schema_version". */
export interface Document<T extends string> {
  type: T;
  schema_version: 1;
}

export type Role = 'admin' | 'customer';

export interface User extends Document<'user'> {
  id: string;
  email: string;
  roles: Role[];
  created_at: Timestamp;
}

export interface Session extends Document<'session'> {
  token: string;
  user_id: string;
  expires_at: Timestamp;
}

export interface Product extends Document<'product'> {
  id: string;
  sku: string;
  title: string;
  description: string;
  prices: Money[];
  stock: number;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductList extends Document<'product_list'> {
  items: Product[];
  /** A cursor for the next page (pass it as `after`), or null on the last page. */
  next: string | null;
}

export interface CartItem {
  product_id: string;
  sku: string;
  title: string;
  quantity: number;
  unit_price: Money;
  line_total: Money;
}

export interface Cart extends Document<'cart'> {
  id: string;
  /** null for a guest cart. */
  user_id: string | null;
  currency: string;
  status: 'open' | 'completed';
  items: CartItem[];
  /** The sum of the quantities. */
  item_count: number;
  subtotal: Money;
  total: Money;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderLine {
  product_id: string;
  sku: string;
  title: string;
  quantity: number;
  unit_price: Money;
  line_total: Money;
}

export interface Payment {
  method: 'manual';
  kind: 'cash' | 'cash_on_delivery';
  status: 'captured' | 'pending';
  amount: Money;
  tendered: Money | null;
  change: Money | null;
}

export interface Order extends Document<'order'> {
  id: string;
  /** Human-readable number, e.g. "2026-000001". */
  number: string;
  user_id: string | null;
  email: string;
  cart_id: string;
  currency: string;
  status: 'paid' | 'pending_payment';
  payment_status: 'captured' | 'pending';
  fulfillment_status: 'not_fulfilled';
  lines: OrderLine[];
  subtotal: Money;
  total: Money;
  payment: Payment;
  created_at: Timestamp;
}

export interface OrderList extends Document<'order_list'> {
  items: Order[];
  next: string | null;
}

export interface EngineInfo extends Document<'engine_info'> {
  library_version: string;
  database_schema_version: number;
  path: string;
  encrypted: boolean;
  cipher_version: string | null;
  durability: 'full' | 'normal';
}

// ------------------------------------------------------------------------------------------------------------
// Inputs. Every JSON input may also be given as a string holding the JSON text, passed verbatim.
// ------------------------------------------------------------------------------------------------------------

export interface EngineConfig {
  /** A file path, or ":memory:". */
  path: string;
  /** Encrypts the file with SQLCipher; absent or "" for a plain file. */
  key?: string;
  durability?: 'full' | 'normal';
  cache_size_kib?: number;
  busy_timeout_ms?: number;
  read_connections?: number;
  password_hashing?: { memory_kib?: number; iterations?: number; parallelism?: number };
  session_ttl_seconds?: number;
}

export interface ProductInput {
  sku: string;
  title: string;
  description?: string;
  prices: Money[];
  stock?: number;
}

export interface ProductPatch {
  sku?: string;
  title?: string;
  description?: string;
  /** Replaces all prices. */
  prices?: Money[];
  stock?: number;
  /** Fail with ConflictError if the product's version is not this one. */
  expected_version?: number;
}

export interface ListQuery {
  limit?: number;
  /** The `next` cursor of the previous page. */
  after?: string;
}

export interface OrderListQuery extends ListQuery {
  /** Admins only: list another user's orders. */
  user_id?: string;
}

export interface PlaceOrderRequest {
  payment: {
    method: 'manual';
    kind: 'cash' | 'cash_on_delivery';
    /** Cash handed over, as a decimal string in the cart's currency; computes the change. */
    tendered?: string;
  };
  /** Required for a guest cart. */
  email?: string;
  /** A retry with the same key and cart returns the same order. */
  idempotency_key?: string;
}

/** A session token, the session document returned by login(), or null/undefined for "no session". */
export type SessionArg = string | Pick<Session, 'token'> | null | undefined;

/** A quantity: an integer number (a bigint is accepted within the safe-integer range). */
export type Quantity = number | bigint;

// ------------------------------------------------------------------------------------------------------------
// Errors
// ------------------------------------------------------------------------------------------------------------

export interface ErrorOptions {
  code?: number;
  codeName?: string;
  details?: Record<string, unknown>;
}

/** A failure reported by the engine; also the class of the generic error and of unknown codes. */
export class CommerceError extends Error {
  constructor(message?: string, options?: ErrorOptions);
  /** The code of this class (-1, COMMERCE_ERR_GENERIC, for CommerceError itself). */
  static readonly code: number;
  /** The stable numeric code from status.h (negative). */
  readonly code: number;
  /** The stable name of the code, e.g. "COMMERCE_ERR_NOT_FOUND". */
  readonly codeName: string;
  /** Details for programs, e.g. {field: "quantity"}. */
  readonly details: Record<string, unknown>;
}
export class InvalidArgumentError extends CommerceError {}
export class NotFoundError extends CommerceError {}
export class ExistsError extends CommerceError {}
export class IllegalStateError extends CommerceError {}
export class ConflictError extends CommerceError {}
export class CurrencyMismatchError extends CommerceError {}
export class CouponNotApplicableError extends CommerceError {}
export class PaymentDeclinedError extends CommerceError {}
export class OutOfStockError extends CommerceError {}
export class UnauthorizedError extends CommerceError {}
export class ForbiddenError extends CommerceError {}
export class StorageError extends CommerceError {}
export class NoMemoryError extends CommerceError {}
export class MisuseError extends CommerceError {}
export class VersionError extends CommerceError {}
export class BadKeyError extends CommerceError {}
export class OverflowError extends CommerceError {}

/** The error class for a status code; CommerceError for the generic and unknown codes. */
export function errorClass(code: number): typeof CommerceError;

// ------------------------------------------------------------------------------------------------------------
// Engine
// ------------------------------------------------------------------------------------------------------------

export class Engine {
  /** Opens (creating if needed) a store. Throws InvalidArgumentError, BadKeyError, VersionError, StorageError. */
  static open(config: EngineConfig | string): Engine;
  constructor(config: EngineConfig | string);

  /** Closes the store. Idempotent; later calls throw MisuseError. */
  close(): void;
  readonly closed: boolean;
  [Symbol.dispose](): void;

  info(): EngineInfo;
  /** Re-encrypts an encrypted store; MisuseError for a plain or in-memory store. */
  rekey(newKey: string): void;

  registerUser(email: string, password: string): User;
  bootstrapAdmin(email: string, password: string): User;
  me(session: SessionArg): User;
  login(email: string, password: string): Session;
  logout(session: SessionArg): void;

  createProduct(session: SessionArg, product: ProductInput | string): Product;
  updateProduct(session: SessionArg, productId: string, patch: ProductPatch | string): Product;
  getProduct(productId: string): Product;
  listProducts(query?: ListQuery | string | null): ProductList;
  deleteProduct(session: SessionArg, productId: string): void;

  createCart(session: SessionArg, currency: string): Cart;
  getCart(session: SessionArg, cartId: string): Cart;
  addItem(session: SessionArg, cartId: string, productId: string, quantity: Quantity): Cart;
  updateItem(session: SessionArg, cartId: string, productId: string, quantity: Quantity): Cart;
  removeItem(session: SessionArg, cartId: string, productId: string): Cart;

  placeOrder(session: SessionArg, cartId: string, request: PlaceOrderRequest | string): Order;
  getOrder(session: SessionArg, orderId: string): Order;
  listOrders(session: SessionArg, query?: OrderListQuery | string | null): OrderList;
}

/** Opens a store; same as Engine.open(config). */
export function open(config: EngineConfig | string): Engine;
/** The version of the loaded library, e.g. "0.1.0". */
export function version(): string;
/** MAJOR * 1000000 + MINOR * 1000 + PATCH of the loaded library. */
export function versionNumber(): number;
/** The stable name of a status code; "COMMERCE_ERR_UNKNOWN" for an unknown code. */
export function statusName(code: number): string;
