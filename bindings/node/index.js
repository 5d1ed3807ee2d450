'use strict';
/**
 * commerce — an embeddable commerce engine, for Node.js.
 *
 * A thin, hand-written layer over the SWIG addon `commerce_native.node` (a wrapper of the C ABI in
 * include/commerce/*.h). Conventions:
 *   - documents are plain objects; money stays exact as a string: {amount: "19.99", currency: "EUR"};
 *   - JSON inputs are objects (serialized with JSON.stringify) or a string holding the JSON text verbatim;
 *   - a session argument is the token string, the session document returned by login(), or null/undefined
 *     for "no session" (a guest cart, for example); likewise a login challenge, a user, an address, an outbox
 *     event, a product, a variant, a category, a collection, a review, a reservation, a promotion, a cart or an
 *     order may be given as its id string or as the document itself;
 *   - optional arguments (a login context, a list query, ...) are null/undefined for "no value";
 *   - failures throw CommerceError subclasses with .code (the stable number from status.h), .codeName
 *     ("COMMERCE_ERR_NOT_FOUND") and .details (an object); an unknown code throws CommerceError itself;
 *   - calls are synchronous; Engine.close() is idempotent and later calls throw MisuseError.
 *
 * The addon is looked up, in order, at $COMMERCE_NODE_ADDON, next to this file (the staged or installed package),
 * in ./build/, and in the repository's default CMake build tree (<repo>/build/bindings/node/).
 */

const fs = require('fs');
const path = require('path');

function loadAddon() {
  const candidates = [];
  if (process.env.COMMERCE_NODE_ADDON) candidates.push(path.resolve(process.env.COMMERCE_NODE_ADDON));
  candidates.push(path.join(__dirname, 'commerce_native.node'));
  candidates.push(path.join(__dirname, 'build', 'commerce_native.node'));
  candidates.push(path.join(__dirname, '..', '..', 'build', 'bindings', 'node', 'commerce_native.node'));
  for (const file of candidates) {
    if (fs.existsSync(file)) return require(file);
  }
  throw new Error('commerce: native addon not found; looked at ' + candidates.join(', ') +
                  ' (build it with the CMake target commerce_node or set COMMERCE_NODE_ADDON)');
}

const native = loadAddon();

if (Math.floor(native.version_number() / 1000000) !== Math.floor(native.binding_version_number() / 1000000)) {
  throw new Error(`commerce: the addon was built for library ${Math.floor(native.binding_version_number() / 1000000)}.x ` +
                  `but library ${native.version()} is loaded`);
}

// ---------------------------------------------------------------------------------------------------------
// Errors: one class per stable code (include/commerce/status.h). Codes never change meaning.
// ---------------------------------------------------------------------------------------------------------

class CommerceError extends Error {
  constructor(message, options = {}) {
    const code = options.code === undefined ? new.target.code : options.code;
    const codeName = options.codeName || native.status_name(code);
    super(message || codeName);
    this.name = new.target.name;
    /** The stable numeric code (negative). */
    this.code = code;
    /** The stable name of the code, e.g. "COMMERCE_ERR_NOT_FOUND". */
    this.codeName = codeName;
    /** Details for programs, e.g. {field: "quantity"}. */
    this.details = options.details || {};
  }
}
CommerceError.code = -1; // COMMERCE_ERR_GENERIC

const errorClasses = {};
function defineError(name, code) {
  const cls = { [name]: class extends CommerceError {} }[name];
  cls.code = code;
  errorClasses[code] = cls;
  return cls;
}

const InvalidArgumentError = defineError('InvalidArgumentError', -2);
const NotFoundError = defineError('NotFoundError', -3);
const ExistsError = defineError('ExistsError', -4);
const IllegalStateError = defineError('IllegalStateError', -5);
const ConflictError = defineError('ConflictError', -6);
const CurrencyMismatchError = defineError('CurrencyMismatchError', -7);
const CouponNotApplicableError = defineError('CouponNotApplicableError', -8);
const PaymentDeclinedError = defineError('PaymentDeclinedError', -9);
const OutOfStockError = defineError('OutOfStockError', -10);
const UnauthorizedError = defineError('UnauthorizedError', -11);
const ForbiddenError = defineError('ForbiddenError', -12);
const StorageError = defineError('StorageError', -13);
const NoMemoryError = defineError('NoMemoryError', -14);
const MisuseError = defineError('MisuseError', -15);
const VersionError = defineError('VersionError', -16);
const BadKeyError = defineError('BadKeyError', -17);
const OverflowError = defineError('OverflowError', -18);

/** The error class for a status code; CommerceError for the generic and unknown codes. */
function errorClass(code) {
  return errorClasses[code] || CommerceError;
}

function fail(outcome) {
  const code = outcome.code();
  let details;
  try {
    details = JSON.parse(outcome.details() || '{}');
    if (details === null || typeof details !== 'object' || Array.isArray(details)) details = { value: details };
  } catch (_) {
    details = { raw: outcome.details() };
  }
  const Cls = errorClass(code);
  throw new Cls(outcome.message(), { code, codeName: outcome.name() || native.status_name(code), details });
}

function result(outcome) {
  if (!outcome.ok()) fail(outcome);
  if (!outcome.has_document()) return undefined;
  return JSON.parse(outcome.json());
}

// ---------------------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------------------

function text(value, what) {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

function sessionArg(session) {
  if (session === null || session === undefined) return '';
  if (typeof session === 'object' && typeof session.token === 'string') return session.token;
  if (typeof session !== 'string') throw new TypeError('session must be a token string, a session document or null');
  return session;
}

function jsonArg(value, what, optional = false) {
  if (value === null || value === undefined) {
    if (optional) return '';
    throw new TypeError(`${what} is required`);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  throw new TypeError(`${what} must be an object or a JSON string`);
}

/** An integer argument (number or bigint) within the safe-integer range, which the addon passes exactly. */
function integerArg(q, what) {
  if (typeof q === 'bigint') {
    if (q < BigInt(Number.MIN_SAFE_INTEGER) || q > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new OverflowError(`${what} is out of range`, { details: { field: what } });
    }
    return Number(q);
  }
  if (typeof q !== 'number' || !Number.isInteger(q)) throw new TypeError(`${what} must be an integer`);
  if (!Number.isSafeInteger(q)) throw new OverflowError(`${what} is out of range`, { details: { field: what } });
  return q;
}

function quantityArg(q) {
  return integerArg(q, 'quantity');
}

/** An optional string: null/undefined for "no value". */
function optText(value, what) {
  return value === null || value === undefined ? '' : text(value, what);
}

/** An id given as the string itself or as the document holding it under `key`. */
function refArg(value, key, what) {
  if (value !== null && typeof value === 'object' && typeof value[key] === 'string') return value[key];
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string or a document with "${key}"`);
  return value;
}

/** An item of a wishlist: a variant or product id or document, or a wishlist item (which has "variant_id"). */
function wishlistItemArg(value) {
  if (value !== null && typeof value === 'object' && typeof value.variant_id === 'string') return value.variant_id;
  return refArg(value, 'id', 'itemId');
}

function optRefArg(value, key, what) {
  return value === null || value === undefined ? '' : refArg(value, key, what);
}

/** A JSON array input (e.g. role names): an array, or the JSON text itself. */
function listArg(value, what) {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return JSON.stringify(value);
  throw new TypeError(`${what} must be an array or a JSON string`);
}

// ---------------------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------------------

const kNative = Symbol('native');

class Engine {
  /** Opens (creating if needed) a store, e.g. Engine.open({path: ':memory:'}). See include/commerce/engine.h. */
  static open(config) {
    return new Engine(config);
  }

  constructor(config) {
    const n = new native.Engine(jsonArg(config, 'config'));
    result(n.open_outcome());
    this[kNative] = n;
  }

  /** Closes the store. Idempotent; later calls throw MisuseError. */
  close() { this[kNative].close(); }
  get closed() { return this[kNative].closed(); }

  info() { return result(this[kNative].info()); }
  rekey(newKey) { result(this[kNative].rekey(text(newKey, 'newKey'))); }
  /** Moves a manual clock to unixMs (milliseconds since 1970 UTC, a bigint, or a Date). */
  setTime(unixMs) {
    const ms = unixMs instanceof Date ? unixMs.getTime() : unixMs;
    result(this[kNative].set_time(integerArg(ms, 'unixMs')));
  }
  /** Moves a manual clock forward by deltaMs (>= 0). */
  advanceTime(deltaMs) { result(this[kNative].advance_time(integerArg(deltaMs, 'deltaMs'))); }

  // identity: accounts (include/commerce/identity.h)
  registerUser(email, password) {
    return result(this[kNative].register_user(text(email, 'email'), text(password, 'password')));
  }
  bootstrapAdmin(email, password) {
    return result(this[kNative].bootstrap_admin(text(email, 'email'), text(password, 'password')));
  }
  verifyEmail(token) { return result(this[kNative].verify_email(text(token, 'token'))); }
  resendVerification(email) { result(this[kNative].resend_verification(text(email, 'email'))); }
  me(session) { return result(this[kNative].me(sessionArg(session))); }
  updateProfile(session, patch) {
    return result(this[kNative].update_profile(sessionArg(session), jsonArg(patch, 'patch')));
  }
  changePassword(session, currentPassword, newPassword) {
    result(this[kNative].change_password(sessionArg(session), text(currentPassword, 'currentPassword'),
                                         text(newPassword, 'newPassword')));
  }
  requestPasswordReset(email) { result(this[kNative].request_password_reset(text(email, 'email'))); }
  resetPassword(token, newPassword) {
    result(this[kNative].reset_password(text(token, 'token'), text(newPassword, 'newPassword')));
  }
  exportUser(session, userId) {
    return result(this[kNative].export_user(sessionArg(session), optRefArg(userId, 'id', 'userId')));
  }
  eraseUser(session, userId) {
    result(this[kNative].erase_user(sessionArg(session), optRefArg(userId, 'id', 'userId')));
  }

  // identity: sessions
  /** Returns a session, or a login_challenge when the account has a second factor (check `.type`). */
  login(email, password, context) {
    return result(this[kNative].login(text(email, 'email'), text(password, 'password'),
                                      jsonArg(context, 'context', true)));
  }
  completeLogin(challenge, method, code, context) {
    return result(this[kNative].complete_login(refArg(challenge, 'challenge', 'challenge'), text(method, 'method'),
                                               text(code, 'code'), jsonArg(context, 'context', true)));
  }
  sendEmailOtp(challenge) { result(this[kNative].send_email_otp(refArg(challenge, 'challenge', 'challenge'))); }
  socialLogin(provider, subject, profile) {
    return result(this[kNative].social_login(text(provider, 'provider'), text(subject, 'subject'),
                                             jsonArg(profile, 'profile', true)));
  }
  logout(session) { result(this[kNative].logout(sessionArg(session))); }
  logoutOthers(session) { result(this[kNative].logout_others(sessionArg(session))); }
  issueAccessToken(session) { return result(this[kNative].issue_access_token(sessionArg(session))); }
  verifyAccessToken(token) { return result(this[kNative].verify_access_token(refArg(token, 'token', 'token'))); }

  // identity: two-factor authentication
  enrollTotp(session) { return result(this[kNative].enroll_totp(sessionArg(session))); }
  confirmTotp(session, code) { return result(this[kNative].confirm_totp(sessionArg(session), text(code, 'code'))); }
  setEmailOtp(session, enabled) {
    if (typeof enabled !== 'boolean') throw new TypeError('enabled must be a boolean');
    return result(this[kNative].set_email_otp(sessionArg(session), enabled));
  }
  mfaStatus(session) { return result(this[kNative].mfa_status(sessionArg(session))); }
  regenerateRecoveryCodes(session, password) {
    return result(this[kNative].regenerate_recovery_codes(sessionArg(session), text(password, 'password')));
  }
  disableMfa(session, password) { result(this[kNative].disable_mfa(sessionArg(session), text(password, 'password'))); }

  // identity: social identities and addresses
  linkIdentity(session, provider, subject) {
    result(this[kNative].link_identity(sessionArg(session), text(provider, 'provider'), text(subject, 'subject')));
  }
  unlinkIdentity(session, provider, subject) {
    result(this[kNative].unlink_identity(sessionArg(session), text(provider, 'provider'), text(subject, 'subject')));
  }
  addAddress(session, address) {
    return result(this[kNative].add_address(sessionArg(session), jsonArg(address, 'address')));
  }
  updateAddress(session, addressId, patch) {
    return result(this[kNative].update_address(sessionArg(session), refArg(addressId, 'id', 'addressId'),
                                               jsonArg(patch, 'patch')));
  }
  removeAddress(session, addressId) {
    result(this[kNative].remove_address(sessionArg(session), refArg(addressId, 'id', 'addressId')));
  }
  listAddresses(session) { return result(this[kNative].list_addresses(sessionArg(session))); }

  // access control and administration (include/commerce/access.h)
  listUsers(session, query) {
    return result(this[kNative].list_users(sessionArg(session), jsonArg(query, 'query', true)));
  }
  getUser(session, userId) {
    return result(this[kNative].get_user(sessionArg(session), refArg(userId, 'id', 'userId')));
  }
  suspendUser(session, userId, reason) {
    return result(this[kNative].suspend_user(sessionArg(session), refArg(userId, 'id', 'userId'),
                                             optText(reason, 'reason')));
  }
  unsuspendUser(session, userId) {
    return result(this[kNative].unsuspend_user(sessionArg(session), refArg(userId, 'id', 'userId')));
  }
  forcePasswordReset(session, userId) {
    result(this[kNative].force_password_reset(sessionArg(session), refArg(userId, 'id', 'userId')));
  }
  setRoles(session, userId, roles) {
    return result(this[kNative].set_roles(sessionArg(session), refArg(userId, 'id', 'userId'),
                                          listArg(roles, 'roles')));
  }
  defineRole(session, role) { return result(this[kNative].define_role(sessionArg(session), jsonArg(role, 'role'))); }
  deleteRole(session, name) { result(this[kNative].delete_role(sessionArg(session), text(name, 'name'))); }
  listRoles(session) { return result(this[kNative].list_roles(sessionArg(session))); }
  listAudit(session, query) {
    return result(this[kNative].list_audit(sessionArg(session), jsonArg(query, 'query', true)));
  }
  reportLogins(session, query) {
    return result(this[kNative].report_logins(sessionArg(session), jsonArg(query, 'query')));
  }

  // the outbox (include/commerce/outbox.h): no session, the host process itself calls these
  fetchOutbox(query) { return result(this[kNative].fetch_outbox(jsonArg(query, 'query', true))); }
  ackEvent(event) { result(this[kNative].ack_event(refArg(event, 'id', 'event'))); }
  failEvent(event, error) {
    result(this[kNative].fail_event(refArg(event, 'id', 'event'), optText(error, 'error')));
  }

  // catalog (include/commerce/catalog.h): writes need "catalog.write"; reads need no session
  createProduct(session, product) {
    return result(this[kNative].create_product(sessionArg(session), jsonArg(product, 'product')));
  }
  updateProduct(session, productId, patch) {
    return result(this[kNative].update_product(sessionArg(session), refArg(productId, 'id', 'productId'),
                                               jsonArg(patch, 'patch')));
  }
  getProduct(productId) { return result(this[kNative].get_product(refArg(productId, 'id', 'productId'))); }
  /** The product as a shopper in `locale` sees it (null/undefined: the store default); NotFoundError for a draft. */
  viewProduct(idOrSlug, locale) {
    return result(this[kNative].view_product(refArg(idOrSlug, 'id', 'idOrSlug'), optText(locale, 'locale')));
  }
  listProducts(query) { return result(this[kNative].list_products(jsonArg(query, 'query', true))); }
  deleteProduct(session, productId) {
    result(this[kNative].delete_product(sessionArg(session), refArg(productId, 'id', 'productId')));
  }
  variantByBarcode(barcode) { return result(this[kNative].variant_by_barcode(text(barcode, 'barcode'))); }

  // catalog: categories and collections
  createCategory(session, category) {
    return result(this[kNative].create_category(sessionArg(session), jsonArg(category, 'category')));
  }
  updateCategory(session, categoryId, patch) {
    return result(this[kNative].update_category(sessionArg(session), refArg(categoryId, 'id', 'categoryId'),
                                                jsonArg(patch, 'patch')));
  }
  /** Moves a category under parentId (null/undefined: the top level) at position (0 first). */
  moveCategory(session, categoryId, parentId, position = 0) {
    return result(this[kNative].move_category(sessionArg(session), refArg(categoryId, 'id', 'categoryId'),
                                              optRefArg(parentId, 'id', 'parentId'),
                                              integerArg(position, 'position')));
  }
  deleteCategory(session, categoryId) {
    result(this[kNative].delete_category(sessionArg(session), refArg(categoryId, 'id', 'categoryId')));
  }
  /** The tree under categoryId, or the whole tree for null/undefined. */
  categoryTree(categoryId) {
    return result(this[kNative].category_tree(optRefArg(categoryId, 'id', 'categoryId')));
  }
  createCollection(session, collection) {
    return result(this[kNative].create_collection(sessionArg(session), jsonArg(collection, 'collection')));
  }
  updateCollection(session, collectionId, patch) {
    return result(this[kNative].update_collection(sessionArg(session), refArg(collectionId, 'id', 'collectionId'),
                                                  jsonArg(patch, 'patch')));
  }
  getCollection(idOrSlug) { return result(this[kNative].get_collection(refArg(idOrSlug, 'id', 'idOrSlug'))); }
  deleteCollection(session, collectionId) {
    result(this[kNative].delete_collection(sessionArg(session), refArg(collectionId, 'id', 'collectionId')));
  }

  // catalog: licence keys of digital variants and product requests
  importLicenceKeys(session, variantId, keys) {
    return result(this[kNative].import_licence_keys(sessionArg(session), refArg(variantId, 'id', 'variantId'),
                                                    listArg(keys, 'keys')));
  }
  licencePool(session, variantId) {
    return result(this[kNative].licence_pool(sessionArg(session), refArg(variantId, 'id', 'variantId')));
  }
  createProductRequest(session, request) {
    return result(this[kNative].create_product_request(sessionArg(session), jsonArg(request, 'request')));
  }
  listProductRequests(session, query) {
    return result(this[kNative].list_product_requests(sessionArg(session), jsonArg(query, 'query', true)));
  }
  fulfillProductRequest(session, requestId, productId) {
    return result(this[kNative].fulfill_product_request(sessionArg(session), refArg(requestId, 'id', 'requestId'),
                                                        refArg(productId, 'id', 'productId')));
  }

  // inventory (include/commerce/inventory.h): writes need "inventory.write"
  createLocation(session, location) {
    return result(this[kNative].create_location(sessionArg(session), jsonArg(location, 'location')));
  }
  listLocations() { return result(this[kNative].list_locations()); }
  adjustStock(session, movement) {
    return result(this[kNative].adjust_stock(sessionArg(session), jsonArg(movement, 'movement')));
  }
  transferStock(session, transfer) {
    return result(this[kNative].transfer_stock(sessionArg(session), jsonArg(transfer, 'transfer')));
  }
  stockLevel(variantId) { return result(this[kNative].stock_level(refArg(variantId, 'id', 'variantId'))); }
  listStockMovements(session, query) {
    return result(this[kNative].list_stock_movements(sessionArg(session), jsonArg(query, 'query', true)));
  }
  reserveStock(session, reservation) {
    return result(this[kNative].reserve_stock(sessionArg(session), jsonArg(reservation, 'reservation')));
  }
  releaseReservation(session, reservationId) {
    result(this[kNative].release_reservation(sessionArg(session), refArg(reservationId, 'id', 'reservationId')));
  }

  // search (include/commerce/search.h): no session
  search(query) { return result(this[kNative].search(jsonArg(query, 'query', true))); }

  // reviews (include/commerce/review.h): moderation needs "reviews.moderate"
  submitReview(session, productId, review) {
    return result(this[kNative].submit_review(sessionArg(session), refArg(productId, 'id', 'productId'),
                                              jsonArg(review, 'review')));
  }
  deleteReview(session, reviewId) {
    result(this[kNative].delete_review(sessionArg(session), refArg(reviewId, 'id', 'reviewId')));
  }
  /** decision is "approved" or "rejected"; reason may be null for an approval and is required for a rejection. */
  moderateReview(session, reviewId, decision, reason) {
    return result(this[kNative].moderate_review(sessionArg(session), refArg(reviewId, 'id', 'reviewId'),
                                                text(decision, 'decision'), optText(reason, 'reason')));
  }
  reviewQueue(session, query) {
    return result(this[kNative].review_queue(sessionArg(session), jsonArg(query, 'query', true)));
  }
  listReviews(productId, query) {
    return result(this[kNative].list_reviews(refArg(productId, 'id', 'productId'), jsonArg(query, 'query', true)));
  }
  /** kind is "helpful" or "report"; reason (may be null) explains a report. */
  voteReview(session, reviewId, kind, reason) {
    return result(this[kNative].vote_review(sessionArg(session), refArg(reviewId, 'id', 'reviewId'),
                                            text(kind, 'kind'), optText(reason, 'reason')));
  }

  // carts: itemId is a variant id, or the id of a product that has exactly one variant (or that document)
  createCart(session, currency) {
    return result(this[kNative].create_cart(sessionArg(session), text(currency, 'currency')));
  }
  getCart(session, cartId) { return result(this[kNative].get_cart(sessionArg(session), text(cartId, 'cartId'))); }
  findOpenCart(session, currency) {
    return result(this[kNative].find_open_cart(sessionArg(session), text(currency, 'currency')));
  }
  getCartTotals(session, cartId) {
    return result(this[kNative].get_cart_totals(sessionArg(session), text(cartId, 'cartId')));
  }
  addItem(session, cartId, itemId, quantity) {
    return result(this[kNative].add_item(sessionArg(session), text(cartId, 'cartId'), refArg(itemId, 'id', 'itemId'),
                                         quantityArg(quantity)));
  }
  updateItem(session, cartId, itemId, quantity) {
    return result(this[kNative].update_item(sessionArg(session), text(cartId, 'cartId'),
                                            refArg(itemId, 'id', 'itemId'), quantityArg(quantity)));
  }
  removeItem(session, cartId, itemId) {
    return result(this[kNative].remove_item(sessionArg(session), text(cartId, 'cartId'),
                                            refArg(itemId, 'id', 'itemId')));
  }

  /** details: {note: text | null, attributes: {name: text} | null}; orders keep them with their lines. */
  setItemDetails(session, cartId, itemId, details) {
    return result(this[kNative].set_item_details(sessionArg(session), text(cartId, 'cartId'),
                                                 refArg(itemId, 'id', 'itemId'), jsonArg(details, 'details')));
  }
  /** After a login: folds the guest cart into the user's cart by carts.merge_policy; returns the user's cart. */
  mergeCart(session, guestCartId) {
    return result(this[kNative].merge_cart(sessionArg(session), refArg(guestCartId, 'id', 'guestCartId')));
  }
  /** Housekeeping for a timer: reports idle carts (cart.abandoned) and deletes long-idle ones; returns the counts. */
  sweepCarts(limit = 1000) { return result(this[kNative].sweep_carts(integerArg(limit, 'limit'))); }
  /** The abandoned cart a recovery token names (NotFoundError once it changed or is gone). */
  recoverCart(token) { return result(this[kNative].recover_cart(text(token, 'token'))); }

  /** CouponNotApplicableError (details.reason "unknown_code", "expired", ...) leaves the cart unchanged. */
  applyCoupon(session, cartId, code) {
    return result(this[kNative].apply_coupon(sessionArg(session), refArg(cartId, 'id', 'cartId'), text(code, 'code')));
  }
  removeCoupon(session, cartId, code) {
    return result(this[kNative].remove_coupon(sessionArg(session), refArg(cartId, 'id', 'cartId'),
                                              text(code, 'code')));
  }
  /** changes: {shipping_address: {country, region, postal_code} | null, channel: "web" | "pos" | ...,
   * shipping_method: id | null, display_currency: "USD" | null} */
  updateCart(session, cartId, changes) {
    return result(this[kNative].update_cart(sessionArg(session), refArg(cartId, 'id', 'cartId'),
                                            jsonArg(changes, 'changes')));
  }

  // promotions (include/commerce/pricing.h): "promotions.write"
  createPromotion(session, definition) {
    return result(this[kNative].create_promotion(sessionArg(session), jsonArg(definition, 'definition')));
  }
  updatePromotion(session, promotionId, definition, expectedVersion) {
    return result(this[kNative].update_promotion(sessionArg(session), refArg(promotionId, 'id', 'promotionId'),
                                                 jsonArg(definition, 'definition'),
                                                 integerArg(expectedVersion, 'expectedVersion')));
  }
  setPromotionStatus(session, promotionId, status) {
    return result(this[kNative].set_promotion_status(sessionArg(session), refArg(promotionId, 'id', 'promotionId'),
                                                     text(status, 'status')));
  }
  getPromotion(session, promotionId) {
    return result(this[kNative].get_promotion(sessionArg(session), refArg(promotionId, 'id', 'promotionId')));
  }
  listPromotions(session, query) {
    return result(this[kNative].list_promotions(sessionArg(session), jsonArg(query, 'query', true)));
  }
  generatePromotionCodes(session, promotionId, count, prefix) {
    return result(this[kNative].generate_promotion_codes(sessionArg(session),
                                                         refArg(promotionId, 'id', 'promotionId'),
                                                         integerArg(count, 'count'), optText(prefix, 'prefix')));
  }

  // price lists (include/commerce/pricing.h): "promotions.write"
  createPriceList(session, definition) {
    return result(this[kNative].create_price_list(sessionArg(session), jsonArg(definition, 'definition')));
  }
  updatePriceList(session, priceListId, definition, expectedVersion) {
    return result(this[kNative].update_price_list(sessionArg(session), refArg(priceListId, 'id', 'priceListId'),
                                                  jsonArg(definition, 'definition'),
                                                  integerArg(expectedVersion, 'expectedVersion')));
  }
  setPriceListStatus(session, priceListId, status) {
    return result(this[kNative].set_price_list_status(sessionArg(session),
                                                      refArg(priceListId, 'id', 'priceListId'), text(status, 'status')));
  }
  getPriceList(session, priceListId) {
    return result(this[kNative].get_price_list(sessionArg(session), refArg(priceListId, 'id', 'priceListId')));
  }
  listPriceLists(session, query) {
    return result(this[kNative].list_price_lists(sessionArg(session), jsonArg(query, 'query', true)));
  }

  // customer groups (include/commerce/customer_group.h): "users.manage", reads "users.read"
  createCustomerGroup(session, definition) {
    return result(this[kNative].create_customer_group(sessionArg(session), jsonArg(definition, 'definition')));
  }
  updateCustomerGroup(session, groupId, definition, expectedVersion) {
    return result(this[kNative].update_customer_group(sessionArg(session), refArg(groupId, 'id', 'groupId'),
                                                      jsonArg(definition, 'definition'),
                                                      integerArg(expectedVersion, 'expectedVersion')));
  }
  deleteCustomerGroup(session, groupId) {
    result(this[kNative].delete_customer_group(sessionArg(session), refArg(groupId, 'id', 'groupId')));
  }
  getCustomerGroup(session, groupId) {
    return result(this[kNative].get_customer_group(sessionArg(session), refArg(groupId, 'id', 'groupId')));
  }
  listCustomerGroups(session, query) {
    return result(this[kNative].list_customer_groups(sessionArg(session), jsonArg(query, 'query', true)));
  }
  /** add and remove: user ids or user documents, at most 1000 in all. */
  changeCustomerGroupMembers(session, groupId, { add = [], remove = [] } = {}) {
    const ids = (users, name) => Array.from(users, (user, i) => refArg(user, 'id', `${name}[${i}]`));
    return result(this[kNative].change_customer_group_members(
      sessionArg(session), refArg(groupId, 'id', 'groupId'),
      jsonArg({ add: ids(add, 'add'), remove: ids(remove, 'remove') }, 'change')));
  }
  customerGroupMembers(session, groupId, query) {
    return result(this[kNative].customer_group_members(sessionArg(session), refArg(groupId, 'id', 'groupId'),
                                                       jsonArg(query, 'query', true)));
  }

  // the store's tax definition: "settings.manage"; expectedVersion is the version read before (0 for the first)
  setTaxDefinition(session, definition, expectedVersion = 0) {
    return result(this[kNative].set_tax_definition(sessionArg(session), jsonArg(definition, 'definition'),
                                                   integerArg(expectedVersion, 'expectedVersion')));
  }
  getTaxDefinition(session) { return result(this[kNative].get_tax_definition(sessionArg(session))); }
  // the store's shipping methods: "settings.manage"; expectedVersion as for the tax definition
  setShippingDefinition(session, definition, expectedVersion = 0) {
    return result(this[kNative].set_shipping_definition(sessionArg(session), jsonArg(definition, 'definition'),
                                                        integerArg(expectedVersion, 'expectedVersion')));
  }
  getShippingDefinition(session) { return result(this[kNative].get_shipping_definition(sessionArg(session))); }

  // currencies (include/commerce/currency.h): writing needs "settings.manage", reading rates and reports
  // "reports.read"; rates and amounts are decimal strings, never numbers
  setCurrencySettings(session, settings, expectedVersion = 0) {
    return result(this[kNative].set_currency_settings(sessionArg(session), jsonArg(settings, 'settings'),
                                                      integerArg(expectedVersion, 'expectedVersion')));
  }
  getCurrencySettings(session) { return result(this[kNative].get_currency_settings(sessionArg(session))); }
  /** rate: {base, quote, rate: "1.0850", effective_at: RFC 3339 text or a Date (default now)} */
  setExchangeRate(session, rate) {
    const wire = rate && rate.effective_at instanceof Date
      ? { ...rate, effective_at: rate.effective_at.toISOString() } : rate;
    return result(this[kNative].set_exchange_rate(sessionArg(session), jsonArg(wire, 'rate')));
  }
  listExchangeRates(session, query) {
    return result(this[kNative].list_exchange_rates(sessionArg(session), jsonArg(query, 'query', true)));
  }
  /** amount: {amount: "10.00", currency: "USD"}; at: RFC 3339 text or a Date, null for now */
  convertCurrency(session, amount, to, at) {
    if (amount === null || typeof amount !== 'object') throw new TypeError('amount must be {amount, currency}');
    const moment = at instanceof Date ? at.toISOString() : optText(at, 'at');
    return result(this[kNative].convert_currency(sessionArg(session), text(amount.amount, 'amount.amount'),
                                                 text(amount.currency, 'amount.currency'), text(to, 'to'), moment));
  }
  /** query: {from: "2026-11-01", to: "2026-11-30"}, UTC days, inclusive */
  reportSalesInBase(session, query) {
    return result(this[kNative].report_sales_in_base(sessionArg(session), jsonArg(query, 'query')));
  }

  // wishlists (include/commerce/wishlist.h): the owner's session; itemId as for carts, or a wishlist item
  createWishlist(session, name) {
    return result(this[kNative].create_wishlist(sessionArg(session), text(name, 'name')));
  }
  renameWishlist(session, wishlistId, name) {
    return result(this[kNative].rename_wishlist(sessionArg(session), refArg(wishlistId, 'id', 'wishlistId'),
                                                text(name, 'name')));
  }
  deleteWishlist(session, wishlistId) {
    result(this[kNative].delete_wishlist(sessionArg(session), refArg(wishlistId, 'id', 'wishlistId')));
  }
  listWishlists(session) { return result(this[kNative].list_wishlists(sessionArg(session))); }
  /** currency (may be null) limits each item's prices to that currency. */
  getWishlist(session, wishlistId, currency) {
    return result(this[kNative].get_wishlist(sessionArg(session), refArg(wishlistId, 'id', 'wishlistId'),
                                             optText(currency, 'currency')));
  }
  /** Adding a variant already on the list only replaces its note, when one is given. */
  addWishlistItem(session, wishlistId, itemId, note) {
    return result(this[kNative].add_wishlist_item(sessionArg(session), refArg(wishlistId, 'id', 'wishlistId'),
                                                  wishlistItemArg(itemId), optText(note, 'note')));
  }
  removeWishlistItem(session, wishlistId, itemId) {
    return result(this[kNative].remove_wishlist_item(sessionArg(session), refArg(wishlistId, 'id', 'wishlistId'),
                                                     wishlistItemArg(itemId)));
  }
  /** One transaction: the cart gains the item and the list loses it, or neither changes. Returns the cart. */
  moveWishlistItemToCart(session, wishlistId, itemId, cartId, quantity) {
    return result(this[kNative].move_wishlist_item_to_cart(sessionArg(session),
                                                           refArg(wishlistId, 'id', 'wishlistId'),
                                                           wishlistItemArg(itemId), refArg(cartId, 'id', 'cartId'),
                                                           quantityArg(quantity)));
  }
  /** A new read-only token, shown only here; the one issued before stops working. */
  shareWishlist(session, wishlistId) {
    return result(this[kNative].share_wishlist(sessionArg(session), refArg(wishlistId, 'id', 'wishlistId')));
  }
  unshareWishlist(session, wishlistId) {
    result(this[kNative].unshare_wishlist(sessionArg(session), refArg(wishlistId, 'id', 'wishlistId')));
  }
  /** The list a share token opens, for anyone who holds it (no session). */
  sharedWishlist(token, currency) {
    return result(this[kNative].shared_wishlist(text(token, 'token'), optText(currency, 'currency')));
  }

  // checkout and orders
  placeOrder(session, cartId, request) {
    return result(this[kNative].place_order(sessionArg(session), text(cartId, 'cartId'),
                                            jsonArg(request, 'request')));
  }
  getOrder(session, orderId) {
    return result(this[kNative].get_order(sessionArg(session), text(orderId, 'orderId')));
  }
  listOrders(session, query) {
    return result(this[kNative].list_orders(sessionArg(session), jsonArg(query, 'query', true)));
  }

  // the order lifecycle (include/commerce/order.h): capturing, shipping and completing need "orders.manage",
  // refunding "orders.refund"; an order (and a shipment) is its id or its document, amounts are decimal strings,
  // never numbers
  /** request: {amount: "10.00", reference, note}, or null/undefined to capture everything left. */
  capturePayment(session, orderId, request) {
    return result(this[kNative].capture_payment(sessionArg(session), refArg(orderId, 'id', 'orderId'),
                                                jsonArg(request, 'request', true)));
  }
  /** request: {lines: [{line, quantity, restock}], shipping: true} or {amount: "5.00"}, plus reason, note and
   * idempotency_key. */
  refundOrder(session, orderId, request) {
    return result(this[kNative].refund_order(sessionArg(session), refArg(orderId, 'id', 'orderId'),
                                             jsonArg(request, 'request')));
  }
  /** Its owner while it is unpaid, otherwise "orders.manage"; request: {note} or null/undefined. */
  cancelOrder(session, orderId, request) {
    return result(this[kNative].cancel_order(sessionArg(session), refArg(orderId, 'id', 'orderId'),
                                             jsonArg(request, 'request', true)));
  }
  /** request: {lines: [{line, quantity}], carrier, tracking_number, tracking_url, handed_over, note}, or
   * null/undefined to ship every unit not shipped yet; the new shipment is the last of order.shipments. */
  shipOrder(session, orderId, request) {
    return result(this[kNative].ship_order(sessionArg(session), refArg(orderId, 'id', 'orderId'),
                                           jsonArg(request, 'request', true)));
  }
  /** request: {status: "out_for_delivery" | "delivered", tracking_number, tracking_url, note}. */
  updateShipment(session, orderId, shipmentId, request) {
    return result(this[kNative].update_shipment(sessionArg(session), refArg(orderId, 'id', 'orderId'),
                                                refArg(shipmentId, 'id', 'shipmentId'), jsonArg(request, 'request')));
  }
  /** A delivered order, or a paid one with nothing to ship, whose payment is settled; request: {note} or
   * null/undefined. */
  completeOrder(session, orderId, request) {
    return result(this[kNative].complete_order(sessionArg(session), refArg(orderId, 'id', 'orderId'),
                                               jsonArg(request, 'request', true)));
  }
  /** Housekeeping for a timer: cancels orders whose unpaid time ran out; returns the count expired. */
  sweepOrders(limit = 100) { return result(this[kNative].sweep_orders(integerArg(limit, 'limit'))); }

  // finding orders ("orders.read"), receipts and invoices (the order's owner, or "orders.read")
  /** query: {status: "paid" | ["paid", "processing"], payment_status, fulfillment_status, user_id, email,
   * number (a prefix), from, to (a Date or RFC 3339 UTC text), limit, after: page.next}, or null/undefined for
   * every order. */
  searchOrders(session, query) {
    return result(this[kNative].search_orders(sessionArg(session), jsonArg(query, 'query', true)));
  }
  /** options: {locale: "de-DE", width: 42}, or null/undefined for the catalog's default locale, 42 wide. */
  orderReceipt(session, orderId, options) {
    return result(this[kNative].order_receipt(sessionArg(session), refArg(orderId, 'id', 'orderId'),
                                              jsonArg(options, 'options', true)));
  }
  /** options: {locale: "de-DE"}, or null/undefined for the catalog's default locale. */
  orderInvoice(session, orderId, options) {
    return result(this[kNative].order_invoice(sessionArg(session), refArg(orderId, 'id', 'orderId'),
                                              jsonArg(options, 'options', true)));
  }
}

// `using engine = commerce.open(...)` where the runtime supports explicit resource management.
if (typeof Symbol.dispose === 'symbol') {
  Object.defineProperty(Engine.prototype, Symbol.dispose, { value() { this.close(); } });
}

/** Opens a store; same as Engine.open(config). */
function open(config) {
  return Engine.open(config);
}

module.exports = {
  Engine,
  open,
  version: () => native.version(),
  versionNumber: () => native.version_number(),
  statusName: (code) => native.status_name(code),
  errorClass,
  CommerceError,
  InvalidArgumentError,
  NotFoundError,
  ExistsError,
  IllegalStateError,
  ConflictError,
  CurrencyMismatchError,
  CouponNotApplicableError,
  PaymentDeclinedError,
  OutOfStockError,
  UnauthorizedError,
  ForbiddenError,
  StorageError,
  NoMemoryError,
  MisuseError,
  VersionError,
  BadKeyError,
  OverflowError,
};
