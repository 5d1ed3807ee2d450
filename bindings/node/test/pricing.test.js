'use strict';
// Tests of the Node binding's pricing calls (pricing.h and the pricing inputs of cart.h): the tax definition,
// promotions with a coupon and single-use codes, a cart priced at an address, the coupon counted when the order
// is placed, and bad input refused with a stable code that changes nothing.

const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');

const commerce = require('..');

const { PASSWORD, GERMANY, eur, cents, openAsAdmin, expectError } = require('./support');

let engine;
let admin;
beforeEach(() => {
  ({ engine, admin } = openAsAdmin());
});
afterEach(() => engine.close());

function product(sku, price) {
  return engine.createProduct(admin, { sku, title: sku, prices: [eur(price)], stock: 20 });
}

test('a cart priced with a coupon and taxes reconciles, and the order counts the coupon', () => {
  assert.equal(engine.setTaxDefinition(admin, GERMANY).version, 1);
  const lamp = product('LAMP', '25.00');
  const promotion = engine.createPromotion(admin, {
    id: 'spring', name: 'Spring', code: 'SPRING', action: { type: 'percentage_off_order', percent: '20' },
  });
  assert.equal(promotion.usage_count, 0);
  let cart = engine.createCart(null, 'EUR');
  engine.addItem(null, cart.id, lamp, 4);
  cart = engine.updateCart(null, cart, { shipping_address: { country: 'DE' } });
  assert.equal(cart.tax_zone, 'de');
  cart = engine.applyCoupon(null, cart, 'spring');
  assert.deepEqual(cart.coupons, [{ code: 'SPRING', status: 'applied', promotion_id: 'spring', reason: null }]);
  assert.deepEqual(cart.discount_total, eur('20.00'));
  assert.deepEqual(cart.taxes, [{ name: 'VAT', percent: '19', amount: eur('15.20') }]);
  assert.deepEqual(cart.total, eur('95.20'));
  const discounts = cart.discounts.reduce((sum, d) => sum + cents(d.amount), 0n);
  assert.equal(cents(cart.total), cents(cart.subtotal) - discounts + cents(cart.shipping_total) + cents(cart.tax_total));
  const totals = engine.getCartTotals(null, cart.id);
  assert.equal(totals.type, 'cart_totals');
  assert.equal(totals.item_count, 4);
  const members = ['subtotal', 'discounts', 'discount_total', 'shipping_method', 'shipping_total', 'taxes', 'tax_total',
    'prices_include_tax', 'tax_zone', 'tax_estimated', 'tax_exempt', 'tax_exemption', 'total', 'display'];
  assert.deepEqual(Object.keys(totals.totals).sort(), [...members].sort());
  assert.deepEqual(totals.totals, Object.fromEntries(members.map((key) => [key, cart[key]])));
  assert.equal(totals.items, undefined);
  expectError(commerce.NotFoundError, () => engine.getCartTotals(null, 'no-such-cart'));

  const order = engine.placeOrder(null, cart.id, { payment: { method: 'manual', kind: 'cash' }, email: 'g@example.com' });
  assert.deepEqual(order.total, eur('95.20'));
  assert.deepEqual(order.totals.taxes, cart.taxes);
  assert.equal(engine.getPromotion(admin, 'spring').usage_count, 1);
});

test('single-use codes unlock their promotion once per code', () => {
  const mug = product('MUG', '10.00');
  engine.createPromotion(admin, {
    id: 'welcome', name: 'Welcome', requires_code: true, action: { type: 'percentage_off_order', percent: '50' },
  });
  const batch = engine.generatePromotionCodes(admin, 'welcome', 3, 'hi');
  assert.equal(batch.codes.length, 3);
  assert.ok(batch.codes.every((code) => code.startsWith('HI-')));
  const cart = engine.createCart(null, 'EUR');
  engine.addItem(null, cart.id, mug, 1);
  const err = expectError(commerce.CouponNotApplicableError, () => engine.applyCoupon(null, cart, 'WELCOME'));
  assert.equal(err.details.reason, 'unknown_code');
  assert.deepEqual(engine.applyCoupon(null, cart, batch.codes[0]).total, eur('5.00'));
  assert.deepEqual(engine.removeCoupon(null, cart, batch.codes[0]).coupons, []);
  const list = engine.listPromotions(admin, { status: 'active' });
  assert.deepEqual(list.items.map((p) => p.id), ['welcome']);
  assert.equal(engine.setPromotionStatus(admin, 'welcome', 'archived').status, 'archived');
});

test('bad pricing input gets a stable code and changes nothing', () => {
  let err = expectError(commerce.InvalidArgumentError, () => engine.createPromotion(admin, {
    id: 'x', name: 'X', action: { type: 'percentage_off_items', percent: '100.5' },
  }));
  assert.deepEqual(err.details, { field: 'action.percent', reason: 'out_of_range' });
  assert.deepEqual(engine.listPromotions(admin).items, []);
  err = expectError(commerce.InvalidArgumentError, () => engine.setTaxDefinition(admin, {
    origin: { country: 'DE' }, zones: [{ id: 'de', country: 'DE', rates: { standard: [{ name: 'VAT', rate: '120' }] } }],
  }));
  assert.equal(err.details.reason, 'out_of_range');
  assert.equal(engine.getTaxDefinition(admin).definition, null);
  expectError(commerce.NotFoundError,
              () => engine.updatePromotion(admin, 'nope', { name: 'N', action: { type: 'free_shipping' } }, 1));
  engine.createPromotion(admin, { id: 'ship', name: 'Ship', action: { type: 'free_shipping' } });
  expectError(commerce.ConflictError,
              () => engine.updatePromotion(admin, 'ship', { name: 'N', action: { type: 'free_shipping' } }, 5));
  const cart = engine.createCart(null, 'EUR');
  expectError(commerce.ForbiddenError, () => engine.updateCart(null, cart, { channel: 'pos' }));
  expectError(commerce.InvalidArgumentError, () => engine.applyCoupon(null, cart, 'no spaces'));
  assert.deepEqual(engine.getCart(null, cart.id), cart);
});

test('shipping methods are offered, chosen and charged', () => {
  const settings = engine.setShippingDefinition(admin, {
    methods: [{ id: 'dhl', name: 'DHL', countries: ['DE'], rates: [{ type: 'flat', amount: eur('4.90') }] },
              { id: 'shop', name: 'Pickup', kind: 'pickup', location_id: 'default' }],
  });
  assert.equal(settings.version, 1);
  const lamp = product('LAMP', '10.00');
  let cart = engine.createCart(null, 'EUR');
  cart = engine.addItem(null, cart.id, lamp, 1);
  assert.deepEqual(cart.shipping_methods.map((m) => m.id), ['shop']);
  cart = engine.updateCart(null, cart, { shipping_address: { country: 'DE' }, shipping_method: 'dhl' });
  assert.equal(cart.shipping_method.id, 'dhl');
  assert.deepEqual(cart.total, eur('14.90'));
  const err = expectError(commerce.InvalidArgumentError, () => engine.updateCart(null, cart, { shipping_method: 'ups' }));
  assert.equal(err.details.reason, 'not_offered');
  assert.equal(engine.getShippingDefinition(admin).version, 1);
});

test('a guest cart merges at login, and an idle cart is reported and recovered', () => {
  const mug = product('MUG', '5.00');
  engine.registerUser('ana@example.com', PASSWORD);
  const ana = engine.login('ana@example.com', PASSWORD);
  const mine = engine.createCart(ana, 'EUR');
  engine.addItem(ana, mine.id, mug, 1);
  const guest = engine.createCart(null, 'EUR');
  engine.addItem(null, guest.id, mug, 2);
  const merged = engine.mergeCart(ana, guest);
  assert.equal(merged.id, mine.id);
  assert.equal(merged.items[0].quantity, 3);
  expectError(commerce.IllegalStateError, () => engine.mergeCart(ana, guest));
  // A later session of the same user finds the cart without knowing its id.
  const again = engine.login('ana@example.com', PASSWORD);
  assert.deepEqual(engine.findOpenCart(again, 'EUR'), merged);
  expectError(commerce.NotFoundError, () => engine.findOpenCart(again, 'USD'));
  expectError(commerce.UnauthorizedError, () => engine.findOpenCart(null, 'EUR'));

  engine.fetchOutbox({ limit: 100 });
  engine.advanceTime(61 * 60 * 1000);
  const sweep = engine.sweepCarts();
  assert.deepEqual([sweep.abandoned, sweep.deleted], [1, 0]);
  const events = engine.fetchOutbox({ topics: ['cart.'], limit: 10 }).events;
  assert.equal(events.length, 1);
  assert.equal(engine.recoverCart(events[0].payload.recovery_token).id, mine.id);
  expectError(commerce.NotFoundError, () => engine.recoverCart('not-a-token'));
});

test('a line note and attributes reach the order', () => {
  const mug = product('MUG', '5.00');
  const cart = engine.createCart(null, 'EUR');
  engine.addItem(null, cart.id, mug, 1);
  const withNote = engine.setItemDetails(null, cart.id, mug, { note: 'gift', attributes: { engraving: 'A' } });
  assert.equal(withNote.items[0].note, 'gift');
  expectError(commerce.InvalidArgumentError, () => engine.setItemDetails(null, cart.id, mug, { note: 5 }));
  const order = engine.placeOrder(null, cart.id, { payment: { method: 'manual', kind: 'cash' }, email: 'g@example.com' });
  assert.deepEqual([order.lines[0].note, order.lines[0].attributes], ['gift', { engraving: 'A' }]);
});

// The peers' tricky cases (vendure#3585, medusa#13972, #12226 ...), as a Node host sees them.

function cartOf(lines, currency = 'EUR') {
  const cart = engine.createCart(null, currency);
  for (const [item, quantity] of lines) engine.addItem(null, cart.id, item, quantity);
  return engine.getCart(null, cart.id);
}

function promote(id, action, extra = {}) {
  return engine.createPromotion(admin, { id, name: id, action, ...extra });
}

test('a 100% coupon leaves exactly nothing to pay', () => {
  engine.setTaxDefinition(admin, GERMANY);
  const lamp = product('LAMP', '33.33');
  promote('free', { type: 'percentage_off_order', percent: '100' }, { code: 'FREE' });
  let cart = engine.updateCart(null, cartOf([[lamp, 3]]), { shipping_address: { country: 'DE' } });
  cart = engine.applyCoupon(null, cart, 'FREE');
  assert.deepEqual([cart.subtotal, cart.discount_total], [eur('99.99'), eur('99.99')]);
  assert.deepEqual([cart.tax_total, cart.total, cart.items[0].total], [eur('0.00'), eur('0.00'), eur('0.00')]);
});

test('a fixed discount over three lines that do not divide evenly loses no cent', () => {
  const items = ['A', 'B', 'C'].map((sku) => product(sku, '5.00'));
  promote('ten', { type: 'fixed_off_order', amount: eur('10.00') });
  const cart = cartOf(items.map((item) => [item, 1]));
  const shares = cart.discounts[0].lines.map((line) => cents(line.amount));
  assert.deepEqual([...shares].sort(), [333n, 333n, 334n]);
  assert.equal(shares.reduce((sum, share) => sum + share, 0n), cents(cart.discount_total));
  assert.deepEqual(cart.total, eur('5.00'));
});

test('JPY and KWD carts price exactly', () => {
  const priced = (sku, amount, currency) => engine.createProduct(admin, {
    sku, title: sku, stock: 9, prices: [{ amount, currency }],
  });
  const tea = priced('TEA', '999', 'JPY');
  const oil = priced('OIL', '1.255', 'KWD');
  promote('third', { type: 'percentage_off_order', percent: '33.3333' });
  const yen = cartOf([[tea, 1]], 'JPY');
  assert.deepEqual([yen.discount_total.amount, yen.total.amount], ['333', '666']);
  const dinar = cartOf([[oil, 3]], 'KWD');
  assert.deepEqual([dinar.subtotal.amount, dinar.total.amount], ['3.765', '2.510']);
});

test('a stacking conflict is explained', () => {
  const mug = product('MUG', '20.00');
  promote('vip', { type: 'percentage_off_order', percent: '20' }, { priority: 10, exclusive: true });
  promote('mugs', { type: 'percentage_off_items', percent: '5' });
  const cart = cartOf([[mug, 1]]);
  assert.deepEqual(cart.discounts.map((d) => d.promotion_id), ['vip']);
  assert.deepEqual(cart.promotions_not_applied,
                   [{ promotion_id: 'mugs', code: null, reason: 'blocked_by_exclusive:vip' }]);
});
