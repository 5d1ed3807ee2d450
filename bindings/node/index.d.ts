// Type definitions for the commerce Node.js binding (bindings/node/index.js).
// Documents are plain objects described by docs/schema/<type>.schema.json; money is exact, as strings.
// The identity, administration, outbox, catalog, inventory, search, review, pricing, price list, currency,
// wishlist and order lifecycle types live in identity.d.ts, access.d.ts, outbox.d.ts, catalog.d.ts,
// inventory.d.ts, search.d.ts, review.d.ts, pricing.d.ts, price_list.d.ts, currency.d.ts, wishlist.d.ts and
// order.d.ts.

import type {
  AccessToken, AccessTokenClaims, Address, AddressInput, AddressList, AddressPatch, IdentityConfig, LoginChallenge,
  LoginContext, MfaStatus, ProfilePatch, RecoveryCodes, Role, SecondFactor, Session, SocialProfile, TotpEnrollment,
  User, UserExport,
} from './identity';
import type {
  AuditList, AuditQuery, LoginReport, LoginReportQuery, RoleDefinition, RoleInput, RoleList, UserList, UserListQuery,
} from './access';
import type { OutboxBatch, OutboxEvent, OutboxQuery } from './outbox';
import type {
  Category, CategoryInput, CategoryPatch, CategoryTree, Collection, CollectionInput, CollectionPatch, LicencePool,
  Product, ProductInput, ProductList, ProductListQuery, ProductPatch, ProductRequest, ProductRequestInput,
  ProductRequestList, ProductRequestQuery, ProductView, VariantMatch,
} from './catalog';
import type {
  Location, LocationInput, LocationList, StockLevel, StockMovementInput, StockMovementList, StockMovementQuery,
  StockReservation, StockReservationInput, StockTransferInput,
} from './inventory';
import type { SearchQuery, SearchResult } from './search';
import type {
  ModerationDecision, Review, ReviewInput, ReviewList, ReviewListQuery, ReviewQueueQuery, ReviewVoteKind,
} from './review';
import type {
  CartAddress, CartChanges, CouponStatus, Discount, Promotion, PromotionCodeBatch, PromotionDefinition, PromotionList,
  PromotionListQuery, PromotionNotApplied, ShippingMethod, ShippingSettings, TaxLine, TaxSettings, Totals,
} from './pricing';
import type {
  CustomerGroup, CustomerGroupDefinition, CustomerGroupList, CustomerGroupMemberList, CustomerGroupQuery, PriceList,
  PriceListDefinition, PriceListList, PriceListQuery,
} from './price_list';
import type {
  CurrencyConversion, CurrencySettings, CurrencySettingsInput, ExchangeRate, ExchangeRateInput, ExchangeRateList,
  ExchangeRateQuery, PriceConversion, SalesReport, SalesReportQuery,
} from './currency';
import type { SharedWishlist, Wishlist, WishlistItem, WishlistList, WishlistShare } from './wishlist';
import type {
  CancelOrderRequest, CapturePaymentRequest, CheckoutAddress, CompleteOrderRequest, ExpectedTotals, FulfillmentStatus,
  Invoice, InvoiceOptions, OrderAddress, OrderEvent, OrderSearchQuery, OrderShipping, OrderStatus, OrderSweep,
  OrdersConfig, PaymentKind, PaymentStatus, PaymentTransaction, Receipt, ReceiptOptions, Refund, RefundRequest,
  ShipOrderRequest, Shipment, UpdateShipmentRequest,
} from './order';

export * from './identity';
export * from './access';
export * from './outbox';
export * from './catalog';
export * from './inventory';
export * from './search';
export * from './review';
export * from './pricing';
export * from './price_list';
export * from './currency';
export * from './wishlist';
export * from './order';

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

/** What one commerce_cart_sweep did. */
export interface CartSweep extends Document<'cart_sweep'> {
  abandoned: number;
  deleted: number;
}

export interface CartItem {
  product_id: string;
  variant_id: string;
  sku: string;
  title: string;
  /** The variant's option values, e.g. {Edition: "Deluxe"}. */
  options: Record<string, string>;
  quantity: number;
  /** What the line pays per unit: the catalog price, or a price list's (docs/price-lists.md). */
  unit_price: Money;
  /** The variant's own price in the cart's currency: set, or converted from the base currency. */
  catalog_unit_price: Money;
  /** The list whose price won; null for the catalog price. */
  price_list_id: string | null;
  /** Where a catalog price converted from the base currency came from; null for a set price. */
  converted_from: PriceConversion | null;
  /** unit_price × quantity, before promotions. */
  line_total: Money;
  discount_total: Money;
  taxes: TaxLine[];
  tax_total: Money;
  /** What the line costs once its discounts (and tax, when prices exclude it) are applied. */
  total: Money;
  note: string | null;
  attributes: Record<string, string>;
}

/** A cart priced afresh on every read; its parts (Totals) always add up to its total. */
export interface Cart extends Document<'cart'>, Totals {
  id: string;
  /** null for a guest cart. */
  user_id: string | null;
  currency: string;
  status: 'open' | 'completed' | 'merged';
  channel: string;
  shipping_address: { country: string; region: string | null; postal_code: string | null } | null;
  items: CartItem[];
  /** The sum of the quantities. */
  item_count: number;
  /** Some line is a physical good. */
  requires_shipping: boolean;
  /** Every method the cart is offered, with its price for it. */
  shipping_methods: ShippingMethod[];
  coupons: CouponStatus[];
  promotions_not_applied: PromotionNotApplied[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A cart repriced, with only the parts of its total (getCartTotals). */
export interface CartTotals extends Document<'cart_totals'> {
  cart_id: string;
  currency: string;
  /** The sum of the quantities. */
  item_count: number;
  /** The same members as a cart's totals and an order's. */
  totals: Totals;
}

export interface OrderLine {
  product_id: string;
  variant_id: string;
  sku: string;
  title: string;
  /** The variant's option values, e.g. {Edition: "Deluxe"}. */
  options: Record<string, string>;
  quantity: number;
  unit_price: Money;
  /** unit_price × quantity, before promotions. */
  line_total: Money;
  /** What promotions took off the line. */
  discount: Money;
  /** The tax in total: added to prices that exclude it, contained in prices that include it. */
  tax: Money;
  /** What the line was charged: line_total - discount (+ tax when prices exclude it). */
  total: Money;
  /** Units refunded so far. */
  refunded_quantity: number;
  /** Units in a shipment so far. */
  shipped_quantity: number;
  /** Delivered by download, never shipped. */
  digital: boolean;
  /** The licence keys this line's units received, one per unit (digital variants with a key pool); [] otherwise. */
  licence_keys: string[];
  /** The cart line's note and attributes. */
  note: string | null;
  attributes: Record<string, string>;
}

export interface Payment {
  id: string;
  method: 'manual';
  kind: PaymentKind;
  status: PaymentStatus;
  /** What the order asks for. */
  amount: Money;
  captured: Money;
  refunded: Money;
  tendered: Money | null;
  change: Money | null;
  /** The ledger: every attempt on the payment, oldest first. */
  transactions: PaymentTransaction[];
}

export interface Order extends Document<'order'> {
  id: string;
  /** Human-readable number, e.g. "2026-000001". */
  number: string;
  user_id: string | null;
  email: string;
  cart_id: string;
  /** Where the goods go, as given at checkout; null when none was. */
  shipping_address: OrderAddress | null;
  /** The shipping address when none other was given; null when neither was. */
  billing_address: OrderAddress | null;
  currency: string;
  status: OrderStatus;
  payment_status: PaymentStatus;
  fulfillment_status: FulfillmentStatus;
  lines: OrderLine[];
  subtotal: Money;
  shipping: OrderShipping;
  total: Money;
  /** The cart's totals when the order was placed; null for orders placed before pricing existed. */
  totals: Totals | null;
  payment: Payment;
  /** Oldest first. */
  refunds: Refund[];
  /** Oldest first. */
  shipments: Shipment[];
  /** Every change of the order's states, oldest first; the first is "placed". */
  timeline: OrderEvent[];
  /** When an order awaiting a prompt payment (a bank transfer) is cancelled unpaid; null otherwise. */
  expires_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
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
  /** 32+ bytes; seals secrets at rest. Absent: a key generated once and kept in the store. */
  secret_key?: string;
  /** "manual": the clock moves only by Engine.setTime / advanceTime. */
  clock?: 'system' | 'manual';
  clock_start_ms?: number;
  identity?: IdentityConfig;
  orders?: OrdersConfig;
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
    kind: PaymentKind;
    /** Cash handed over, as a decimal string in the cart's currency; computes the change. */
    tendered?: string;
    /** card_terminal only, staff only: the terminal approved it. */
    reference?: string;
  };
  /** Required for a guest cart. */
  email?: string;
  /** Kept with the order; must be the place the cart was priced for (its country, and its postal code when the cart
   * has one): otherwise InvalidArgumentError with details reason "not_the_priced_address". */
  shipping_address?: CheckoutAddress;
  /** The shipping address when absent. */
  billing_address?: CheckoutAddress;
  /** The totals the shopper saw: a change throws ConflictError with details reason "totals_changed" and changes
   * (TotalsChange[]). */
  expected?: ExpectedTotals;
  /** A retry with the same key and cart returns the same order. */
  idempotency_key?: string;
}

/** A session token, the session document returned by login(), or null/undefined for "no session". */
export type SessionArg = string | Pick<Session, 'token'> | null | undefined;

/** An id, or the document that has it as "id" (a user, an address, an outbox event, a product, a variant, a
 * category, a collection, a review, a reservation). */
export type Ref = string | { id: string };

/** A login challenge token, or the login_challenge document. */
export type ChallengeArg = string | Pick<LoginChallenge, 'challenge'>;

/** An integer of milliseconds (a bigint is accepted within the safe-integer range). */
export type Milliseconds = number | bigint;

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
  /** Moves a manual clock to unixMs. MisuseError for a system clock; InvalidArgumentError for a time before now. */
  setTime(unixMs: Milliseconds | Date): void;
  /** Moves a manual clock forward by deltaMs (>= 0). */
  advanceTime(deltaMs: Milliseconds): void;

  // identity: accounts
  /** Registers a customer; emits user.registered and user.verification_requested (with the token). */
  registerUser(email: string, password: string): User;
  /** Creates the store's first admin; IllegalStateError once there is one. */
  bootstrapAdmin(email: string, password: string): User;
  /** UnauthorizedError for an unknown, used or expired token. */
  verifyEmail(token: string): User;
  resendVerification(email: string): void;
  me(session: SessionArg): User;
  updateProfile(session: SessionArg, patch: ProfilePatch | string): User;
  /** Ends every other session of the user. */
  changePassword(session: SessionArg, currentPassword: string, newPassword: string): void;
  /** Succeeds the same way for an unknown email. */
  requestPasswordReset(email: string): void;
  /** Ends every session of the user; does not log in. */
  resetPassword(token: string, newPassword: string): void;
  /** userId null/undefined: the caller; another user needs "users.manage". */
  exportUser(session: SessionArg, userId?: Ref | null): UserExport;
  eraseUser(session: SessionArg, userId?: Ref | null): void;

  // identity: sessions
  /** A session, or a login_challenge when the account has a second factor (check `.type`). */
  login(email: string, password: string, context?: LoginContext | string | null): Session | LoginChallenge;
  completeLogin(challenge: ChallengeArg, method: SecondFactor, code: string,
                context?: LoginContext | string | null): Session;
  sendEmailOtp(challenge: ChallengeArg): void;
  socialLogin(provider: string, subject: string, profile?: SocialProfile | string | null): Session | LoginChallenge;
  logout(session: SessionArg): void;
  logoutOthers(session: SessionArg): void;
  /** MisuseError when the engine has no "identity.jwt" config. */
  issueAccessToken(session: SessionArg): AccessToken;
  verifyAccessToken(token: string | Pick<AccessToken, 'token'>): AccessTokenClaims;

  // identity: two-factor authentication
  enrollTotp(session: SessionArg): TotpEnrollment;
  confirmTotp(session: SessionArg, code: string): RecoveryCodes;
  setEmailOtp(session: SessionArg, enabled: boolean): MfaStatus;
  mfaStatus(session: SessionArg): MfaStatus;
  regenerateRecoveryCodes(session: SessionArg, password: string): RecoveryCodes;
  disableMfa(session: SessionArg, password: string): void;

  // identity: social identities and addresses
  /** ExistsError when another user owns the identity. */
  linkIdentity(session: SessionArg, provider: string, subject: string): void;
  /** IllegalStateError when it is the only way to log in. */
  unlinkIdentity(session: SessionArg, provider: string, subject: string): void;
  addAddress(session: SessionArg, address: AddressInput | string): Address;
  updateAddress(session: SessionArg, addressId: Ref, patch: AddressPatch | string): Address;
  removeAddress(session: SessionArg, addressId: Ref): void;
  listAddresses(session: SessionArg): AddressList;

  // access control and administration (ForbiddenError without the permission)
  listUsers(session: SessionArg, query?: UserListQuery | string | null): UserList;
  getUser(session: SessionArg, userId: Ref): User;
  suspendUser(session: SessionArg, userId: Ref, reason?: string | null): User;
  unsuspendUser(session: SessionArg, userId: Ref): User;
  forcePasswordReset(session: SessionArg, userId: Ref): void;
  setRoles(session: SessionArg, userId: Ref, roles: Role[] | string): User;
  defineRole(session: SessionArg, role: RoleInput | string): RoleDefinition;
  deleteRole(session: SessionArg, name: string): void;
  listRoles(session: SessionArg): RoleList;
  listAudit(session: SessionArg, query?: AuditQuery | string | null): AuditList;
  reportLogins(session: SessionArg, query: LoginReportQuery | string): LoginReport;

  // the outbox (no session: the host process calls these)
  fetchOutbox(query?: OutboxQuery | string | null): OutboxBatch;
  ackEvent(event: string | Pick<OutboxEvent, 'id'>): void;
  failEvent(event: string | Pick<OutboxEvent, 'id'>, error?: string | null): void;

  // catalog (writes need "catalog.write"; reads need no session)
  /** ExistsError for a duplicate SKU, slug or barcode; InvalidArgumentError for a bad barcode, a negative price or
   * an unknown locale. */
  createProduct(session: SessionArg, product: ProductInput | string): Product;
  /** Variants with an id are updated, without are added, left out are removed. Stock is not changed here. */
  updateProduct(session: SessionArg, productId: Ref, patch: ProductPatch | string): Product;
  getProduct(productId: Ref): Product;
  /** Published products only (NotFoundError otherwise); locale null/undefined: the store default. */
  viewProduct(idOrSlug: Ref, locale?: string | null): ProductView;
  listProducts(query?: ProductListQuery | string | null): ProductList;
  deleteProduct(session: SessionArg, productId: Ref): void;
  /** EAN-13, UPC-A or EAN-8; NotFoundError when no variant has the code. */
  variantByBarcode(barcode: string): VariantMatch;
  createCategory(session: SessionArg, category: CategoryInput | string): Category;
  updateCategory(session: SessionArg, categoryId: Ref, patch: CategoryPatch | string): Category;
  /** parentId null/undefined: the top level. InvalidArgumentError when moving under itself or a descendant. */
  moveCategory(session: SessionArg, categoryId: Ref, parentId: Ref | null | undefined, position?: Quantity): Category;
  /** IllegalStateError while the category has children. */
  deleteCategory(session: SessionArg, categoryId: Ref): void;
  categoryTree(categoryId?: Ref | null): CategoryTree;
  createCollection(session: SessionArg, collection: CollectionInput | string): Collection;
  updateCollection(session: SessionArg, collectionId: Ref, patch: CollectionPatch | string): Collection;
  getCollection(idOrSlug: Ref): Collection;
  deleteCollection(session: SessionArg, collectionId: Ref): void;
  /** 1..10000 keys of 1..256 bytes; keys already in the pool are skipped and counted. */
  importLicenceKeys(session: SessionArg, variantId: Ref, keys: string[] | string): LicencePool;
  licencePool(session: SessionArg, variantId: Ref): LicencePool;
  createProductRequest(session: SessionArg, request: ProductRequestInput | string): ProductRequest;
  listProductRequests(session: SessionArg, query?: ProductRequestQuery | string | null): ProductRequestList;
  /** Emits "product_request.fulfilled" for the requester. */
  fulfillProductRequest(session: SessionArg, requestId: Ref, productId: Ref): ProductRequest;

  // inventory (writes need "inventory.write")
  createLocation(session: SessionArg, location: LocationInput | string): Location;
  listLocations(): LocationList;
  /** OutOfStockError when stock would go below zero (or below minus the backorder limit). */
  adjustStock(session: SessionArg, movement: StockMovementInput | string): StockLevel;
  transferStock(session: SessionArg, transfer: StockTransferInput | string): StockLevel;
  stockLevel(variantId: Ref): StockLevel;
  listStockMovements(session: SessionArg, query?: StockMovementQuery | string | null): StockMovementList;
  /** OutOfStockError when not enough is available. */
  reserveStock(session: SessionArg, reservation: StockReservationInput | string): StockReservation;
  /** NotFoundError for an expired or released reservation. */
  releaseReservation(session: SessionArg, reservationId: Ref): void;

  // search (no session)
  search(query?: SearchQuery | string | null): SearchResult;

  // reviews (moderation needs "reviews.moderate")
  submitReview(session: SessionArg, productId: Ref, review: ReviewInput | string): Review;
  deleteReview(session: SessionArg, reviewId: Ref): void;
  /** reason is required for a rejection. */
  moderateReview(session: SessionArg, reviewId: Ref, decision: ModerationDecision, reason?: string | null): Review;
  reviewQueue(session: SessionArg, query?: ReviewQueueQuery | string | null): ReviewList;
  listReviews(productId: Ref, query?: ReviewListQuery | string | null): ReviewList;
  voteReview(session: SessionArg, reviewId: Ref, kind: ReviewVoteKind, reason?: string | null): Review;

  // carts: itemId is a variant, or a product that has exactly one variant
  createCart(session: SessionArg, currency: string): Cart;
  getCart(session: SessionArg, cartId: string): Cart;
  /** The signed-in user's most recently changed open cart in the currency; NotFoundError when there is none,
   * UnauthorizedError without a session, CurrencyMismatchError (details.cart_id) when a line cannot be priced. */
  findOpenCart(session: SessionArg, currency: string): Cart;
  /** The cart repriced as getCart does, with only the parts of its total: cheaper, for a running total. */
  getCartTotals(session: SessionArg, cartId: string): CartTotals;
  /** CurrencyMismatchError when the variant has no price in the cart's currency. */
  addItem(session: SessionArg, cartId: string, itemId: Ref, quantity: Quantity): Cart;
  updateItem(session: SessionArg, cartId: string, itemId: Ref, quantity: Quantity): Cart;
  removeItem(session: SessionArg, cartId: string, itemId: Ref): Cart;
  /** CouponNotApplicableError (details.reason "unknown_code", "expired", "min_subtotal_not_met"...) leaves the
   * cart unchanged. */
  applyCoupon(session: SessionArg, cartId: Ref, code: string): Cart;
  setItemDetails(session: SessionArg, cartId: string, itemId: Ref,
                 details: { note?: string | null; attributes?: Record<string, string> | null } | string): Cart;
  /** After a login: folds the guest cart into the user's cart by carts.merge_policy. */
  mergeCart(session: SessionArg, guestCartId: Ref): Cart;
  sweepCarts(limit?: number): CartSweep;
  recoverCart(token: string): Cart;
  removeCoupon(session: SessionArg, cartId: Ref, code: string): Cart;
  updateCart(session: SessionArg, cartId: Ref, changes: CartChanges | string): Cart;

  // promotions ("promotions.write") and the tax definition ("settings.manage")
  createPromotion(session: SessionArg, definition: PromotionDefinition | string): Promotion;
  updatePromotion(session: SessionArg, promotionId: Ref, definition: Partial<PromotionDefinition> | string,
                  expectedVersion: number): Promotion;
  setPromotionStatus(session: SessionArg, promotionId: Ref, status: 'active' | 'archived'): Promotion;
  getPromotion(session: SessionArg, promotionId: Ref): Promotion;
  listPromotions(session: SessionArg, query?: PromotionListQuery | string | null): PromotionList;
  generatePromotionCodes(session: SessionArg, promotionId: Ref, count: number, prefix?: string | null):
    PromotionCodeBatch;
  setTaxDefinition(session: SessionArg, definition: Record<string, unknown> | string, expectedVersion?: number):
    TaxSettings;
  getTaxDefinition(session: SessionArg): TaxSettings;
  setShippingDefinition(session: SessionArg, definition: Record<string, unknown> | string, expectedVersion?: number):
    ShippingSettings;
  getShippingDefinition(session: SessionArg): ShippingSettings;

  // price lists ("promotions.write") and customer groups ("users.manage", reads "users.read")
  createPriceList(session: SessionArg, definition: PriceListDefinition | string): PriceList;
  updatePriceList(session: SessionArg, priceListId: Ref, definition: Partial<PriceListDefinition> | string,
                  expectedVersion: number): PriceList;
  setPriceListStatus(session: SessionArg, priceListId: Ref, status: 'active' | 'archived'): PriceList;
  getPriceList(session: SessionArg, priceListId: Ref): PriceList;
  listPriceLists(session: SessionArg, query?: PriceListQuery | string | null): PriceListList;
  createCustomerGroup(session: SessionArg, definition: CustomerGroupDefinition | string): CustomerGroup;
  updateCustomerGroup(session: SessionArg, groupId: Ref, definition: Partial<CustomerGroupDefinition> | string,
                      expectedVersion: number): CustomerGroup;
  deleteCustomerGroup(session: SessionArg, groupId: Ref): void;
  getCustomerGroup(session: SessionArg, groupId: Ref): CustomerGroup;
  listCustomerGroups(session: SessionArg, query?: CustomerGroupQuery | string | null): CustomerGroupList;
  changeCustomerGroupMembers(session: SessionArg, groupId: Ref, change: { add?: Ref[]; remove?: Ref[] }):
    CustomerGroup;
  customerGroupMembers(session: SessionArg, groupId: Ref, query?: { limit?: number; after?: string } | string | null):
    CustomerGroupMemberList;
  // currencies: writing needs "settings.manage", reading rates and reports "reports.read"
  setCurrencySettings(session: SessionArg, settings: CurrencySettingsInput | string, expectedVersion?: number):
    CurrencySettings;
  getCurrencySettings(session: SessionArg): CurrencySettings;
  setExchangeRate(session: SessionArg, rate: ExchangeRateInput | string): ExchangeRate;
  listExchangeRates(session: SessionArg, query?: ExchangeRateQuery | string | null): ExchangeRateList;
  /** NotFoundError (details.field "rate") when no rate was in force at `at` (default now). */
  convertCurrency(session: SessionArg, amount: Money, to: string, at?: Timestamp | Date | null): CurrencyConversion;
  reportSalesInBase(session: SessionArg, query: SalesReportQuery | string): SalesReport;

  // wishlists: the owner's session; itemId is a variant, a product with exactly one variant, or a wishlist item
  createWishlist(session: SessionArg, name: string): Wishlist;
  renameWishlist(session: SessionArg, wishlistId: Ref, name: string): Wishlist;
  deleteWishlist(session: SessionArg, wishlistId: Ref): void;
  listWishlists(session: SessionArg): WishlistList;
  /** currency limits each item's prices to that currency; null lists every price. */
  getWishlist(session: SessionArg, wishlistId: Ref, currency?: string | null): Wishlist;
  /** Adding a variant already on the list only replaces its note, when one is given. */
  addWishlistItem(session: SessionArg, wishlistId: Ref, itemId: Ref | WishlistItem, note?: string | null): Wishlist;
  removeWishlistItem(session: SessionArg, wishlistId: Ref, itemId: Ref | WishlistItem): Wishlist;
  /** One transaction: the cart gains the item and the list loses it, or neither changes. */
  moveWishlistItemToCart(session: SessionArg, wishlistId: Ref, itemId: Ref | WishlistItem, cartId: Ref,
                         quantity: Quantity): Cart;
  /** A new read-only token; the one issued before stops working. */
  shareWishlist(session: SessionArg, wishlistId: Ref): WishlistShare;
  unshareWishlist(session: SessionArg, wishlistId: Ref): void;
  /** For anyone who holds the token: no session. NotFoundError once it is rotated or revoked. */
  sharedWishlist(token: string, currency?: string | null): SharedWishlist;

  // checkout and orders
  /** ConflictError for an idempotency key used for another request, or with details reason "totals_changed" and
   * changes [{field, expected, actual}] when the cart no longer prices as request.expected says;
   * InvalidArgumentError for an address (details field names the member, e.g. "billing_address.line1") or with
   * reason "not_the_priced_address"; OutOfStockError; IllegalStateError for an empty or completed cart;
   * ForbiddenError for a terminal reference without "orders.manage". */
  placeOrder(session: SessionArg, cartId: string, request: PlaceOrderRequest | string): Order;
  getOrder(session: SessionArg, orderId: string): Order;
  listOrders(session: SessionArg, query?: OrderListQuery | string | null): OrderList;

  // the order lifecycle: capturing, shipping and completing need "orders.manage", refunding "orders.refund"; an
  // order (and a shipment) is its id or document
  /** Records money taken on the payment; null/undefined captures everything left. InvalidArgumentError (details
   * reason "out_of_range", capturable) for an amount not positive or more than is left, IllegalStateError for a
   * cancelled order or a payment already captured or refunded. */
  capturePayment(session: SessionArg, orderId: Ref, request?: CapturePaymentRequest | string | null): Order;
  /** InvalidArgumentError with details field and reason (unknown_line, duplicate, out_of_range, exclusive,
   * already_refunded, nothing_to_refund), IllegalStateError (reason "exceeds_captured", refundable),
   * CurrencyMismatchError, ConflictError (the idempotency key was used for another refund). */
  refundOrder(session: SessionArg, orderId: Ref, request: RefundRequest | string): Order;
  /** Its owner while it is unpaid, otherwise "orders.manage" (and "orders.refund" when money was captured).
   * NotFoundError for someone else's order, ForbiddenError, IllegalStateError when already cancelled or shipped. */
  cancelOrder(session: SessionArg, orderId: Ref, request?: CancelOrderRequest | string | null): Order;
  /** Ships some or all of the goods; null/undefined ships every unit not shipped yet, handed_over delivers at once.
   * The new shipment is the last of order.shipments. InvalidArgumentError with details field and reason
   * (unknown_line, duplicate, digital, out_of_range, nothing_to_ship, format: a tracking_url not http(s)://),
   * ForbiddenError, NotFoundError, IllegalStateError for a cancelled or completed order. */
  shipOrder(session: SessionArg, orderId: Ref, request?: ShipOrderRequest | string | null): Order;
  /** Moves a shipment on (shipped → out_for_delivery → delivered); the order is "delivered" once all its units
   * are. NotFoundError (a shipment of another order too), IllegalStateError for a step back or a repeated step
   * (details field "shipment.status", current, requested), InvalidArgumentError for an unknown status. */
  updateShipment(session: SessionArg, orderId: Ref, shipmentId: Ref,
                 request: UpdateShipmentRequest | string): Order;
  /** A delivered order, or a paid one with nothing to ship, whose payment is settled. IllegalStateError with
   * details reason "not_delivered" or "unpaid" and the current state. */
  completeOrder(session: SessionArg, orderId: Ref, request?: CompleteOrderRequest | string | null): Order;
  /** Housekeeping for a timer (no session): cancels up to limit (1..10000, default 100) expired unpaid orders. */
  sweepOrders(limit?: number): OrderSweep;

  // finding orders ("orders.read"), receipts and invoices (the order's owner, or "orders.read")
  /** Every order by states, customer, email, number prefix and placement time [from, to), newest first; null or
   * undefined for every order. The page's next is the cursor of the following page. ForbiddenError without
   * "orders.read", InvalidArgumentError with details field and reason (unknown_status, type, format, out_of_range,
   * unknown_member). */
  searchOrders(session: SessionArg, query?: OrderSearchQuery | string | null): OrderList;
  /** A plain-text receipt for a till's printer, money written the locale's way ("12,50 €"), no line longer than
   * width. NotFoundError (someone else's order, for a customer), InvalidArgumentError (field "locale" with reason
   * "unknown_locale", or "width"). */
  orderReceipt(session: SessionArg, orderId: Ref, options?: ReceiptOptions | string | null): Receipt;
  /** The invoice: bill-to and ship-to, each line's net, tax and total, the shipping, the taxes by rate and the
   * totals; every amount exact and formatted for the locale. NotFoundError, InvalidArgumentError (field "locale"). */
  orderInvoice(session: SessionArg, orderId: Ref, options?: InvoiceOptions | string | null): Invoice;
}

/** Opens a store; same as Engine.open(config). */
export function open(config: EngineConfig | string): Engine;
/** The version of the loaded library, e.g. "0.1.0". */
export function version(): string;
/** MAJOR * 1000000 + MINOR * 1000 + PATCH of the loaded library. */
export function versionNumber(): number;
/** The stable name of a status code; "COMMERCE_ERR_UNKNOWN" for an unknown code. */
export function statusName(code: number): string;
