'use strict';
// Tests of the Node binding's price lists and customer groups (pricing.h, customer_group.h): a trade group whose
// members' carts take an override price by quantity, a sale on the clock, and bad input refused with a stable
// code that changes nothing.

const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');

const commerce = require('..');

const { START_MS: START, PASSWORD, eur, openAsAdmin, expectError } = require('./support');

const DAY_MS = 24 * 3600 * 1000;
const price = (variant, amount, min_quantity = 1) => ({ variant_id: variant, price: eur(amount), min_quantity });

let engine;
let admin;
let bolt;
beforeEach(() => {
  ({ engine, admin } = openAsAdmin());
  bolt = engine.createProduct(admin, { sku: 'BOLT', title: 'Bolt', prices: [eur('1.00')], stock: 500 })
    .variants[0].id;
});
afterEach(() => engine.close());

test('a trade group buys at its override price by quantity', () => {
  const buyer = engine.registerUser('buyer@example.com', PASSWORD);
  const session = engine.login('buyer@example.com', PASSWORD);
  assert.equal(engine.createCustomerGroup(admin, { id: 'trade', name: 'Trade' }).member_count, 0);
  assert.equal(engine.changeCustomerGroupMembers(admin, 'trade', { add: [buyer] }).member_count, 1);
  assert.equal(engine.customerGroupMembers(admin, 'trade').items[0].user_id, buyer.id);
  assert.deepEqual(engine.listCustomerGroups(admin, { member: buyer.id }).items.map((g) => g.id), ['trade']);

  const list = engine.createPriceList(admin, {
    id: 'trade-2026', name: 'Trade', type: 'override', customer_groups: ['trade'],
    prices: [price(bolt, '0.80'), price(bolt, '0.70', 100)],
  });
  assert.equal(list.price_count, 2);
  let cart = engine.createCart(session, 'EUR');
  cart = engine.addItem(session, cart.id, bolt, 10);
  assert.deepEqual(cart.items[0].unit_price, eur('0.80'));
  assert.deepEqual(cart.items[0].catalog_unit_price, eur('1.00'));
  assert.equal(cart.items[0].price_list_id, 'trade-2026');
  cart = engine.updateItem(session, cart.id, bolt, 100);
  assert.deepEqual(cart.subtotal, eur('70.00'));

  const guest = engine.addItem(null, engine.createCart(null, 'EUR').id, bolt, 100);
  assert.deepEqual(guest.subtotal, eur('100.00'));
  assert.equal(guest.items[0].price_list_id, null);

  engine.changeCustomerGroupMembers(admin, 'trade', { remove: [buyer.id] });
  assert.deepEqual(engine.getCart(session, cart.id).subtotal, eur('100.00'));
});

test('a sale starts and ends on the clock', () => {
  engine.createPriceList(admin, {
    id: 'festive', name: 'Festive', starts_at: START + DAY_MS, ends_at: START + 2 * DAY_MS,
    prices: [price(bolt, '0.50')],
  });
  const cart = engine.addItem(null, engine.createCart(null, 'EUR').id, bolt, 1);
  assert.deepEqual(cart.items[0].unit_price, eur('1.00'));
  engine.advanceTime(DAY_MS);
  assert.deepEqual(engine.getCart(null, cart.id).items[0].unit_price, eur('0.50'));
  engine.advanceTime(DAY_MS);
  assert.deepEqual(engine.getCart(null, cart.id).items[0].unit_price, eur('1.00'));
});

test('bad input is refused with a stable code and changes nothing', () => {
  const negative = expectError(commerce.InvalidArgumentError, () =>
    engine.createPriceList(admin, { id: 'x', name: 'X', prices: [price(bolt, '-1.00')] }));
  assert.equal(negative.details.reason, 'negative');
  expectError(commerce.NotFoundError, () =>
    engine.createPriceList(admin, { id: 'x', name: 'X', prices: [price('no-such-variant', '1.00')] }));
  assert.deepEqual(engine.listPriceLists(admin).items, []);
  engine.createPriceList(admin, { id: 'x', name: 'X', prices: [price(bolt, '0.90')] });
  expectError(commerce.ConflictError, () => engine.updatePriceList(admin, 'x', { name: 'X', prices: [] }, 9));
  assert.deepEqual(engine.getPriceList(admin, 'x').prices[0].price, eur('0.90'));
  engine.createCustomerGroup(admin, { id: 'x', name: 'X' });
  expectError(commerce.ExistsError, () => engine.createCustomerGroup(admin, { id: 'x', name: 'Again' }));
  expectError(commerce.InvalidArgumentError, () => engine.createCustomerGroup(admin, { id: 'Not An Id', name: 'X' }));
  expectError(commerce.NotFoundError, () => engine.changeCustomerGroupMembers(admin, 'x', { add: ['no-such-user'] }));
  assert.equal(engine.getCustomerGroup(admin, 'x').member_count, 0);
  engine.deleteCustomerGroup(admin, 'x');
  expectError(commerce.NotFoundError, () => engine.getCustomerGroup(admin, 'x'));
});
