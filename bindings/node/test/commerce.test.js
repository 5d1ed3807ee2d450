'use strict';
// Tests of the Node binding: the purchase story and its error paths. Run with `node --test bindings/node/test/`
// (the CTest test "node" sets COMMERCE_NODE_ADDON to the built addon).

const { test, describe, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const commerce = require('..');
const { expectError } = require('./support');

const HASHING = { memory_kib: 64, iterations: 1, parallelism: 1 };
const CONFIG = { path: ':memory:', password_hashing: HASHING };
const PASSWORD = 'correct horse battery';
const ORDER_REQUEST = { payment: { method: 'manual', kind: 'cash', tendered: '50.00' }, idempotency_key: 'k1' };
const eur = (amount) => ({ amount, currency: 'EUR' });

function setup() {
  const e = commerce.open(CONFIG);
  const s = { e };
  s.adminUser = e.bootstrapAdmin('admin@example.com', PASSWORD);
  s.admin = e.login('admin@example.com', PASSWORD).token;
  s.tshirt = e.createProduct(s.admin, {
    sku: 'TSHIRT-M', title: 'T-shirt', description: 'A plain T-shirt', prices: [eur('19.99')], stock: 10,
  });
  s.mug = e.createProduct(s.admin, { sku: 'MUG', title: 'Mug', prices: [eur('7.50')], stock: 3 });
  s.customerUser = e.registerUser('  Alice@Example.com ', PASSWORD);
  s.customer = e.login('alice@example.com', PASSWORD, { ip: '203.0.113.7', user_agent: 'node --test' }).token;
  return s;
}

/** The SKU of a single-variant product. */
const sku = (product) => product.variants[0].sku;

/** The stock on hand of a single-variant product. */
const stock = (e, product) => e.getProduct(product.id).variants[0].stock.on_hand;

function snapshot(s, cart, session = s.customer) {
  const state = { products: s.e.listProducts() };
  if (cart) state.cart = s.e.getCart(session, cart.id);
  return state;
}

describe('purchase story', () => {
  let s;
  beforeEach(() => { s = setup(); });
  afterEach(() => { s.e.close(); });

  test('documents', () => {
    const { e } = s;
    assert.equal(s.adminUser.type, 'user');
    assert.equal(s.adminUser.schema_version, 1);
    assert.deepEqual([...s.adminUser.roles].sort(), ['admin', 'customer']);
    assert.equal(s.customerUser.email, 'alice@example.com');
    assert.deepEqual(s.customerUser.roles, ['customer']);
    const session = e.login('alice@example.com', PASSWORD);
    assert.equal(session.type, 'session');
    assert.equal(e.me(session).id, s.customerUser.id); // a session document works as a session
    assert.equal(e.me(s.customer).id, s.customerUser.id);
    assert.equal(s.tshirt.variants.length, 1);
    assert.deepEqual(s.tshirt.variants[0].prices, [eur('19.99')]);
    assert.equal(typeof s.tshirt.variants[0].prices[0].amount, 'string');
    assert.equal(s.tshirt.variants[0].stock.on_hand, 10);
    const list = e.listProducts();
    assert.deepEqual(list.items.map(sku), ['TSHIRT-M', 'MUG']); // creation order
    assert.equal(list.next, null);
    const first = e.listProducts({ limit: 1 });
    assert.deepEqual(first.items.map(sku), ['TSHIRT-M']);
    assert.equal(typeof first.next, 'string');
    assert.deepEqual(e.listProducts({ limit: 1, after: first.next }).items.map(sku), ['MUG']);
    const info = e.info();
    assert.equal(info.type, 'engine_info');
    assert.equal(info.encrypted, false);
    assert.equal(info.library_version, commerce.version());
    assert.equal(Math.floor(commerce.versionNumber() / 1e6), Number(commerce.version().split('.')[0]));
  });

  test('cart, order, idempotent retry, stock', () => {
    const { e, customer } = s;
    let cart = e.createCart(customer, 'EUR');
    assert.equal(cart.status, 'open');
    assert.equal(cart.user_id, s.customerUser.id);
    assert.deepEqual(cart.items, []);
    cart = e.addItem(customer, cart.id, s.tshirt.id, 2);
    assert.equal(cart.item_count, 2);
    assert.deepEqual(cart.items[0].unit_price, eur('19.99'));
    assert.deepEqual(cart.items[0].line_total, eur('39.98'));
    assert.deepEqual(cart.subtotal, eur('39.98'));
    assert.deepEqual(cart.total, eur('39.98'));
    cart = e.addItem(customer, cart.id, s.mug.id, 1);
    assert.deepEqual(cart.total, eur('47.48'));
    cart = e.addItem(customer, cart.id, s.mug.id, 1n); // bigint quantities are accepted
    assert.equal(cart.item_count, 4);
    assert.deepEqual(cart.total, eur('54.98'));
    cart = e.updateItem(customer, cart.id, s.tshirt.id, 1);
    assert.deepEqual(cart.total, eur('34.99'));
    cart = e.removeItem(customer, cart.id, s.mug.id);
    assert.deepEqual(cart.items.map((i) => i.sku), ['TSHIRT-M']);
    assert.deepEqual(cart.total, eur('19.99'));
    cart = e.addItem(customer, cart.id, s.mug.id, 2);
    assert.deepEqual(cart.total, eur('34.99'));
    assert.deepEqual(e.getCart(customer, cart.id), cart);

    const order = e.placeOrder(customer, cart.id, ORDER_REQUEST);
    assert.equal(order.type, 'order');
    assert.equal(order.status, 'paid');
    assert.equal(order.payment_status, 'captured');
    assert.equal(order.fulfillment_status, 'not_fulfilled');
    assert.equal(order.user_id, s.customerUser.id);
    assert.equal(order.email, 'alice@example.com');
    assert.equal(order.cart_id, cart.id);
    assert.deepEqual(order.subtotal, eur('34.99'));
    assert.deepEqual(order.total, eur('34.99'));
    const lines = Object.fromEntries(order.lines.map((l) => [l.sku, l]));
    assert.equal(lines['TSHIRT-M'].quantity, 1);
    assert.equal(lines.MUG.quantity, 2);
    assert.deepEqual(lines.MUG.line_total, eur('15.00'));
    assert.equal(order.payment.method, 'manual');
    assert.equal(order.payment.kind, 'cash');
    assert.equal(order.payment.status, 'captured');
    assert.deepEqual(order.payment.amount, eur('34.99'));
    assert.deepEqual(order.payment.tendered, eur('50.00'));
    assert.deepEqual(order.payment.change, eur('15.01'));

    assert.equal(e.placeOrder(customer, cart.id, ORDER_REQUEST).id, order.id);
    assert.equal(e.getOrder(customer, order.id).id, order.id);
    assert.equal(e.getOrder(s.admin, order.id).id, order.id);
    const orders = e.listOrders(customer);
    assert.equal(orders.type, 'order_list');
    assert.deepEqual(orders.items.map((o) => o.id), [order.id]);
    assert.equal(orders.next, null);
    assert.equal(e.getCart(customer, cart.id).status, 'completed');
    assert.equal(stock(e, s.tshirt), 9);
    assert.equal(stock(e, s.mug), 1);
  });

  test('guest cart with a null session', () => {
    const { e } = s;
    let cart = e.createCart(null, 'EUR');
    assert.equal(cart.user_id, null);
    cart = e.addItem(undefined, cart.id, s.mug.id, 1);
    const order = e.placeOrder(null, cart.id, {
      payment: { method: 'manual', kind: 'cash_on_delivery' }, email: 'guest@example.com',
    });
    assert.equal(order.user_id, null);
    assert.equal(order.status, 'pending_payment');
    assert.equal(order.payment_status, 'pending');
    assert.equal(order.payment.tendered, null);
  });

  test('update, delete, logout', () => {
    const { e } = s;
    const p = e.updateProduct(s.admin, s.mug.id, { title: 'Big mug', prices: [eur('8.00')] });
    assert.equal(p.title, 'Big mug');
    assert.ok(p.version > s.mug.version);
    expectError(commerce.ConflictError,
      () => e.updateProduct(s.admin, s.mug.id, { title: 'x', expected_version: s.mug.version }));
    assert.deepEqual(e.getProduct(s.mug.id), p);
    e.deleteProduct(s.admin, s.mug.id);
    expectError(commerce.NotFoundError, () => e.getProduct(s.mug.id));
    e.logout(s.customer);
    expectError(commerce.UnauthorizedError, () => e.me(s.customer));
    expectError(commerce.UnauthorizedError, () => e.login('alice@example.com', 'wrong password'));
    expectError(commerce.ExistsError, () => e.registerUser('alice@example.com', PASSWORD));
    expectError(commerce.IllegalStateError, () => e.bootstrapAdmin('root@example.com', PASSWORD));
  });
});

describe('error paths change nothing', () => {
  let s;
  let cart;
  beforeEach(() => {
    s = setup();
    cart = s.e.addItem(s.customer, s.e.createCart(s.customer, 'EUR').id, s.tshirt.id, 2);
  });
  afterEach(() => { s.e.close(); });

  test('zero or negative quantity', () => {
    const before = snapshot(s, cart);
    for (const q of [0, -1, Number.MIN_SAFE_INTEGER]) {
      const err = expectError(commerce.InvalidArgumentError, () => s.e.addItem(s.customer, cart.id, s.mug.id, q));
      assert.ok(err.message);
      expectError(commerce.InvalidArgumentError, () => s.e.updateItem(s.customer, cart.id, s.tshirt.id, q));
    }
    for (const bad of [1.5, '1', NaN, Infinity, null]) {
      assert.throws(() => s.e.addItem(s.customer, cart.id, s.mug.id, bad), TypeError);
    }
    expectError(commerce.OverflowError, () => s.e.addItem(s.customer, cart.id, s.mug.id, 2 ** 60));
    assert.deepEqual(snapshot(s, cart), before);
  });

  test('unknown product', () => {
    const before = snapshot(s, cart);
    expectError(commerce.NotFoundError, () => s.e.addItem(s.customer, cart.id, 'no-such-product', 1));
    expectError(commerce.NotFoundError, () => s.e.getProduct('no-such-product'));
    expectError(commerce.NotFoundError, () => s.e.getCart(s.customer, 'no-such-cart'));
    assert.deepEqual(snapshot(s, cart), before);
  });

  test('malformed money and unknown currency', () => {
    const before = snapshot(s, cart);
    for (const [amount, currency] of [['12.3.4', 'EUR'], ['1.999', 'EUR'], ['abc', 'EUR'], ['19.99', 'XYZ']]) {
      const err = expectError(commerce.InvalidArgumentError, () => s.e.createProduct(s.admin, {
        sku: 'BAD', title: 'Bad', prices: [{ amount, currency }], stock: 1,
      }));
      assert.ok(Object.keys(err.details).length > 0, 'details should name the field');
      expectError(commerce.InvalidArgumentError,
        () => s.e.updateProduct(s.admin, s.mug.id, { prices: [{ amount, currency }] }));
    }
    // a JSON number is not money
    expectError(commerce.InvalidArgumentError, () => s.e.createProduct(s.admin, {
      sku: 'F', title: 'F', prices: [{ amount: 19.99, currency: 'EUR' }], stock: 1,
    }));
    expectError(commerce.InvalidArgumentError, () => s.e.createCart(s.customer, 'XYZ'));
    for (const tendered of ['12.3.4', '1.999']) {
      expectError(commerce.InvalidArgumentError, () => s.e.placeOrder(s.customer, cart.id, {
        payment: { method: 'manual', kind: 'cash', tendered },
      }));
    }
    assert.deepEqual(snapshot(s, cart), before);
  });

  test('invalid JSON', () => {
    const before = snapshot(s, cart);
    for (const text of ['{"sku": ', 'not json', '[]', '{"sku":"A","title":"A","stock":1} trailing', 'null']) {
      expectError(commerce.InvalidArgumentError, () => s.e.createProduct(s.admin, text));
    }
    assert.deepEqual(snapshot(s, cart), before);
  });

  // A JavaScript string cannot hold invalid UTF-8 bytes; what it can hold is a lone surrogate. In JSON text
  // JSON.stringify escapes it ("\ud800"), and in a plain string argument the addon encodes it as the 3-byte
  // sequence of the surrogate: both are not valid Unicode and the engine refuses them.
  test('invalid UTF-8 (lone surrogates)', () => {
    const before = snapshot(s, cart);
    expectError(commerce.InvalidArgumentError, () => s.e.createProduct(s.admin, {
      sku: 'BAD-UTF8', title: 'bad \ud800', prices: [eur('1.00')], stock: 1,
    }));
    expectError(commerce.InvalidArgumentError,
      () => s.e.updateProduct(s.admin, s.mug.id, '{"title":"bad \\udfff"}'));
    expectError(commerce.InvalidArgumentError, () => s.e.registerUser('bob\ud800@example.com', PASSWORD));
    assert.deepEqual(snapshot(s, cart), before);
  });

  test('NUL in a string is refused, never truncated', () => {
    const before = snapshot(s, cart);
    const err = expectError(commerce.InvalidArgumentError, () => s.e.getProduct(`${s.mug.id}\0tail`));
    assert.deepEqual(err.details, { field: 'product_id' });
    expectError(commerce.InvalidArgumentError, () => s.e.registerUser('eve@example.com\0', PASSWORD));
    assert.deepEqual(snapshot(s, cart), before);
  });

  test('over-long string', () => {
    const before = snapshot(s, cart);
    const long = 'x'.repeat(1 << 20);
    expectError(commerce.InvalidArgumentError, () => s.e.createProduct(s.admin, {
      sku: 'LONG', title: long, prices: [eur('1.00')], stock: 1,
    }));
    expectError(commerce.InvalidArgumentError, () => s.e.updateProduct(s.admin, s.mug.id, { title: long }));
    assert.deepEqual(snapshot(s, cart), before);
  });

  test('a customer cannot do admin operations', () => {
    const before = snapshot(s, cart);
    const product = { sku: 'HACK', title: 'Hack', prices: [eur('1.00')], stock: 1 };
    expectError(commerce.ForbiddenError, () => s.e.createProduct(s.customer, product));
    expectError(commerce.ForbiddenError, () => s.e.updateProduct(s.customer, s.mug.id, { stock: 1000 }));
    expectError(commerce.ForbiddenError, () => s.e.deleteProduct(s.customer, s.mug.id));
    expectError(commerce.UnauthorizedError, () => s.e.createProduct(null, product));
    expectError(commerce.UnauthorizedError, () => s.e.createProduct('not-a-token', product));
    assert.deepEqual(snapshot(s, cart), before);
  });

  test('ordering more than the stock', () => {
    const { e } = s;
    const c1 = e.addItem(s.customer, e.createCart(s.customer, 'EUR').id, s.mug.id, 3);
    const c2 = e.addItem(null, e.createCart(null, 'EUR').id, s.mug.id, 2);
    e.placeOrder(s.customer, c1.id, ORDER_REQUEST);
    assert.equal(stock(e, s.mug), 0);
    const before = snapshot(s, c2, null);
    const err = expectError(commerce.OutOfStockError, () => e.placeOrder(null, c2.id, {
      payment: { method: 'manual', kind: 'cash', tendered: '50.00' }, email: 'g@example.com',
    }));
    assert.ok(Object.keys(err.details).length > 0);
    assert.deepEqual(snapshot(s, c2, null), before);
  });

  test('idempotency key reused for another cart', () => {
    const { e } = s;
    e.placeOrder(s.customer, cart.id, ORDER_REQUEST);
    const other = e.addItem(s.customer, e.createCart(s.customer, 'EUR').id, s.mug.id, 1);
    const before = snapshot(s, other);
    expectError(commerce.ConflictError, () => e.placeOrder(s.customer, other.id, ORDER_REQUEST));
    assert.deepEqual(snapshot(s, other), before);
  });
});

describe('engine', () => {
  test('wrong encryption key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-node-'));
    try {
      const file = path.join(dir, 'shop.db');
      let e = commerce.open({ path: file, key: 'k1', password_hashing: HASHING });
      e.bootstrapAdmin('admin@example.com', PASSWORD);
      assert.equal(e.info().encrypted, true);
      e.close();
      const err = expectError(commerce.BadKeyError,
        () => commerce.open({ path: file, key: 'k2', password_hashing: HASHING }));
      assert.ok(err.message);
      expectError(commerce.BadKeyError, () => commerce.open({ path: file, password_hashing: HASHING }));
      e = commerce.open({ path: file, key: 'k1', password_hashing: HASHING });
      assert.ok(e.login('admin@example.com', PASSWORD).token);
      e.close();
      const header = fs.readFileSync(file).subarray(0, 16);
      assert.notDeepEqual(header, Buffer.from('SQLite format 3\0', 'latin1'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad config', () => {
    expectError(commerce.InvalidArgumentError, () => commerce.open({ path: 42 }));
    expectError(commerce.InvalidArgumentError, () => commerce.open('{not json'));
    expectError(commerce.InvalidArgumentError, () => commerce.open({ password_hashing: HASHING }));
  });

  test('closed engine', () => {
    const e = commerce.Engine.open(CONFIG);
    const admin = e.bootstrapAdmin('admin@example.com', PASSWORD);
    assert.equal(e.closed, false);
    e.close();
    e.close(); // idempotent
    assert.equal(e.closed, true);
    expectError(commerce.MisuseError, () => e.info());
    expectError(commerce.MisuseError, () => e.getProduct('x'));
    expectError(commerce.MisuseError, () => e.login('admin@example.com', PASSWORD));
    expectError(commerce.MisuseError, () => e.me(admin.id));
    expectError(commerce.MisuseError, () => e.createCart(null, 'EUR'));
    expectError(commerce.MisuseError, () => e.rekey('k'));
  });

  test('rekey of an in-memory store is misuse', () => {
    const e = commerce.open(CONFIG);
    try {
      expectError(commerce.MisuseError, () => e.rekey('k'));
    } finally {
      e.close();
    }
  });

  test('error table matches the library', () => {
    const classes = Object.values(commerce).filter((v) => typeof v === 'function' &&
      v.prototype instanceof commerce.CommerceError);
    assert.equal(classes.length, 17);
    for (const Cls of classes) {
      const name = commerce.statusName(Cls.code);
      assert.notEqual(name, 'COMMERCE_ERR_UNKNOWN', Cls.name);
      const words = name.replace('COMMERCE_ERR_', '').split('_').map((w) => w[0] + w.slice(1).toLowerCase());
      assert.equal(`${words.join('')}Error`, Cls.name);
      assert.equal(commerce.errorClass(Cls.code), Cls);
    }
    assert.equal(commerce.statusName(0), 'COMMERCE_OK');
    assert.equal(commerce.statusName(-999), 'COMMERCE_ERR_UNKNOWN');
    assert.equal(commerce.errorClass(-999), commerce.CommerceError);
    const err = new (commerce.errorClass(-999))('boom', { code: -999 });
    assert.equal(err.code, -999);
    assert.equal(err.codeName, 'COMMERCE_ERR_UNKNOWN');
  });
});
