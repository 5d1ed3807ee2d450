'use strict';
// Tests of the Node binding's currency calls (currency.h): settings, rates with effective times, a cart priced
// from the base currency with a display total, conversion at a past rate, the sales report, and bad input refused
// with a stable code that changes nothing.

const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');

const commerce = require('..');

const { START_MS, openAsAdmin, expectError } = require('./support');

const START = new Date(START_MS);
const money = (amount, currency) => ({ amount, currency });

let engine;
let admin;
beforeEach(() => {
  ({ engine, admin } = openAsAdmin());
});
afterEach(() => engine.close());

test('a cart in a presentment currency is priced from the base price, and shows a display total', () => {
  const settings = engine.setCurrencySettings(admin, {
    base: 'EUR', presentment: [{ currency: 'KWD' }, { currency: 'JPY', rounding_increment: '10' }],
  });
  assert.equal(settings.version, 1);
  const rate = engine.setExchangeRate(admin, {
    base: 'EUR', quote: 'JPY', rate: '162.37', effective_at: new Date(START.getTime() - 86400000),
  });
  assert.equal(rate.effective_at, '2026-11-05T21:20:00.000Z');
  engine.setExchangeRate(admin, { base: 'KWD', quote: 'EUR', rate: '2.9803' });
  const lamp = engine.createProduct(admin, { sku: 'LAMP', title: 'Lamp', prices: [money('19.99', 'EUR')], stock: 5 });

  let cart = engine.createCart(null, 'KWD');
  cart = engine.addItem(null, cart.id, lamp, 1);
  assert.deepEqual(cart.items[0].unit_price, money('6.707', 'KWD'));
  assert.deepEqual(cart.items[0].converted_from.price, money('19.99', 'EUR'));
  assert.equal(cart.items[0].converted_from.rate.base, 'KWD');
  cart = engine.updateCart(null, cart, { display_currency: 'EUR' });
  assert.deepEqual(cart.display.total, money('19.99', 'EUR')); // 6.707 * 2.9803 = 19.9888...
  const err = expectError(commerce.InvalidArgumentError,
    () => engine.updateCart(null, cart, { display_currency: 'USD' }));
  assert.equal(err.details.reason, 'no_rate');

  const jpy = engine.createCart(null, 'JPY');
  assert.deepEqual(engine.addItem(null, jpy.id, lamp, 1).total, money('3250', 'JPY'));
});

test('conversion at a past rate and the sales report in the base currency', () => {
  engine.setCurrencySettings(admin, { base: 'EUR' });
  engine.setExchangeRate(admin, { base: 'EUR', quote: 'USD', rate: '1.25', effective_at: '2026-01-01T00:00:00Z' });
  engine.setExchangeRate(admin, { base: 'EUR', quote: 'USD', rate: '1.5' });
  const then = engine.convertCurrency(admin, money('10.00', 'USD'), 'EUR', new Date(Date.UTC(2026, 5, 1)));
  assert.deepEqual(then.converted, money('8.00', 'EUR'));
  assert.equal(then.rate.rate, '1.25');
  assert.deepEqual(engine.convertCurrency(admin, money('3.00', 'EUR'), 'USD').converted, money('4.50', 'USD'));
  expectError(commerce.NotFoundError,
    () => engine.convertCurrency(admin, money('1', 'USD'), 'EUR', '2025-01-01T00:00:00Z'));

  const lamp = engine.createProduct(admin, {
    sku: 'LAMP', title: 'Lamp', prices: [money('10.00', 'EUR'), money('10.00', 'USD')], stock: 5,
  });
  for (const currency of ['EUR', 'USD']) {
    const cart = engine.createCart(admin, currency);
    engine.addItem(admin, cart.id, lamp, 1);
    engine.placeOrder(admin, cart.id, { payment: { method: 'manual', kind: 'cash' } });
  }
  const report = engine.reportSalesInBase(admin, { from: '2026-11-06', to: '2026-11-06' });
  assert.equal(report.orders, 2);
  assert.deepEqual(report.total, money('16.67', 'EUR'));
  assert.deepEqual(report.currencies.map((c) => c.currency), ['EUR', 'USD']);
  assert.equal(engine.listExchangeRates(admin, { quote: 'USD' }).items.length, 2);
});

test('bad currency input is refused with a stable code and changes nothing', () => {
  const err = expectError(commerce.InvalidArgumentError,
    () => engine.setExchangeRate(admin, { base: 'EUR', quote: 'EUR', rate: '1' }));
  assert.deepEqual(err.details, { field: 'quote', reason: 'same_currency' });
  expectError(commerce.InvalidArgumentError,
    () => engine.setExchangeRate(admin, { base: 'EUR', quote: 'USD', rate: 1.1 }));
  expectError(commerce.ConflictError, () => engine.setCurrencySettings(admin, { base: 'EUR' }, 4));
  expectError(commerce.NotFoundError, () => engine.reportSalesInBase(admin, { from: '2026-11-01', to: '2026-11-02' }));
  assert.throws(() => engine.convertCurrency(admin, '10.00', 'EUR'), TypeError);
  assert.deepEqual(engine.listExchangeRates(admin).items, []);
  assert.equal(engine.getCurrencySettings(admin).definition, null);
});
