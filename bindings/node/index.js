'use strict';
/**
 * commerce — an embeddable commerce engine, for Node.js.
 *
 * A thin, hand-written layer over the SWIG addon `commerce_native.node` (a wrapper of the C ABI in
 * include/commerce/*.h). Conventions:
 *   - documents are plain objects; money stays exact as a string: {amount: "19.99", currency: "EUR"};
 *   - JSON inputs are objects (serialized with JSON.stringify) or a string holding the JSON text verbatim;
 *   - a session argument is the token string, the session document returned by login(), or null/undefined
 *     for "no session" (a guest cart, for example);
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

function quantityArg(q) {
  if (typeof q === 'bigint') {
    if (q < BigInt(Number.MIN_SAFE_INTEGER) || q > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new OverflowError('quantity is out of range', { details: { field: 'quantity' } });
    }
    return Number(q);
  }
  if (typeof q !== 'number' || !Number.isInteger(q)) throw new TypeError('quantity must be an integer');
  if (!Number.isSafeInteger(q)) throw new OverflowError('quantity is out of range', { details: { field: 'quantity' } });
  return q;
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

  registerUser(email, password) {
    return result(this[kNative].register_user(text(email, 'email'), text(password, 'password')));
  }
  bootstrapAdmin(email, password) {
    return result(this[kNative].bootstrap_admin(text(email, 'email'), text(password, 'password')));
  }
  me(session) { return result(this[kNative].me(sessionArg(session))); }
  login(email, password) {
    return result(this[kNative].login(text(email, 'email'), text(password, 'password')));
  }
  logout(session) { result(this[kNative].logout(sessionArg(session))); }

  createProduct(session, product) {
    return result(this[kNative].create_product(sessionArg(session), jsonArg(product, 'product')));
  }
  updateProduct(session, productId, patch) {
    return result(this[kNative].update_product(sessionArg(session), text(productId, 'productId'),
                                               jsonArg(patch, 'patch')));
  }
  getProduct(productId) { return result(this[kNative].get_product(text(productId, 'productId'))); }
  listProducts(query) { return result(this[kNative].list_products(jsonArg(query, 'query', true))); }
  deleteProduct(session, productId) {
    result(this[kNative].delete_product(sessionArg(session), text(productId, 'productId')));
  }

  createCart(session, currency) {
    return result(this[kNative].create_cart(sessionArg(session), text(currency, 'currency')));
  }
  getCart(session, cartId) { return result(this[kNative].get_cart(sessionArg(session), text(cartId, 'cartId'))); }
  addItem(session, cartId, productId, quantity) {
    return result(this[kNative].add_item(sessionArg(session), text(cartId, 'cartId'), text(productId, 'productId'),
                                         quantityArg(quantity)));
  }
  updateItem(session, cartId, productId, quantity) {
    return result(this[kNative].update_item(sessionArg(session), text(cartId, 'cartId'),
                                            text(productId, 'productId'), quantityArg(quantity)));
  }
  removeItem(session, cartId, productId) {
    return result(this[kNative].remove_item(sessionArg(session), text(cartId, 'cartId'),
                                            text(productId, 'productId')));
  }

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
