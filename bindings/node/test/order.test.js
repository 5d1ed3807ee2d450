'use strict';
// Tests of the Node binding's order lifecycle calls (order.h): a cash-on-delivery order captured and refunded in
// two steps to exactly its total, refunds refused with their reasons, a customer cancelling their unpaid order,
// and an unpaid bank transfer expired by the sweep.

const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');

const commerce = require('..');

const { CONFIG, PASSWORD, GERMANY, eur, cents, openAsAdmin, expectError } = require('./support');

let engine;
let admin;
let alice;
let soap;

// A shop with German VAT, a soap at 3.33 EUR with 10 on hand and a customer, Alice.
function openShop(config) {
  ({ engine, admin } = openAsAdmin(config));
  engine.setTaxDefinition(admin, GERMANY);
  soap = engine.createProduct(admin, { sku: 'SOAP', title: 'Soap', prices: [eur('3.33')], stock: 10 });
  engine.registerUser('alice@example.com', PASSWORD);
  alice = engine.login('alice@example.com', PASSWORD);
}
beforeEach(() => openShop(CONFIG));
afterEach(() => engine.close());

// Alice's order of `quantity` soaps shipped to Germany, paid by a manual payment of that kind.
function place(kind, quantity) {
  const cart = engine.createCart(alice, 'EUR');
  engine.addItem(alice, cart.id, soap, quantity);
  engine.updateCart(alice, cart, { shipping_address: { country: 'DE' } });
  return engine.placeOrder(alice, cart.id, { payment: { method: 'manual', kind } });
}

const onHand = () => engine.stockLevel(soap.variants[0]).on_hand;

test('a cash-on-delivery order is captured, then refunded in two steps to exactly its total', () => {
  let order = place('cash_on_delivery', 3);
  assert.equal(order.status, 'pending_payment');
  assert.equal(order.payment_status, 'pending');
  assert.deepEqual(order.timeline.map((event) => event.kind), ['placed']);
  assert.deepEqual(order.lines[0].total, eur('11.89')); // 9.99 + 19% VAT

  order = engine.capturePayment(admin, order);
  assert.equal(order.status, 'paid');
  assert.equal(order.payment_status, 'captured');
  assert.deepEqual(order.timeline.map((event) => [event.kind, event.to]),
    [['placed', 'pending_payment'], ['payment_status', 'captured'], ['status', 'paid']]);
  assert.equal(order.payment.transactions.length, 1);
  const [capture] = order.payment.transactions;
  assert.equal(capture.operation, 'capture');
  assert.equal(capture.raw_status, 'recorded');
  assert.deepEqual(capture.amount, order.total);
  assert.deepEqual(order.payment.captured, eur('11.89'));

  const before = onHand();
  order = engine.refundOrder(admin, order.id, { lines: [{ line: 0, quantity: 1, restock: true }], reason: 'damaged' });
  assert.equal(order.payment_status, 'partially_refunded');
  assert.equal(order.lines[0].refunded_quantity, 1);
  assert.deepEqual(order.refunds[0].amount, eur('3.96')); // a third of 11.89, rounded
  assert.deepEqual(order.refunds[0].tax, eur('0.63')); // a third of 1.90
  assert.deepEqual(order.refunds[0].lines.map((line) => [line.line, line.quantity, line.restocked]), [[0, 1, true]]);
  assert.equal(onHand(), before + 1);

  order = engine.refundOrder(admin, order, JSON.stringify({ lines: [{ line: 0, quantity: 2 }] }));
  assert.equal(order.payment_status, 'refunded');
  assert.equal(onHand(), before + 1); // not restocked
  const refunded = order.refunds.reduce((sum, refund) => sum + cents(refund.amount), 0n);
  assert.equal(refunded, cents(order.total));
  assert.deepEqual(order.payment.refunded, order.total);
});

test('refunds are refused with their reasons and change nothing', () => {
  const order = place('cash', 1);
  let err = expectError(commerce.IllegalStateError, () => engine.refundOrder(admin, order, { amount: '100.00' }));
  assert.equal(err.details.reason, 'exceeds_captured');
  assert.deepEqual(err.details.refundable, order.total);
  err = expectError(commerce.InvalidArgumentError,
    () => engine.refundOrder(admin, order, { lines: [{ line: 5, quantity: 1 }] }));
  assert.equal(err.details.field, 'lines[0].line');
  assert.equal(err.details.reason, 'unknown_line');
  expectError(commerce.ForbiddenError, () => engine.refundOrder(alice, order, { amount: '1.00' }));
  assert.throws(() => engine.refundOrder(admin, order), TypeError); // the request is required
  expectError(commerce.IllegalStateError, () => engine.capturePayment(admin, order)); // cash: captured at once
  const unchanged = engine.getOrder(admin, order.id);
  assert.deepEqual(unchanged.refunds, []);
  assert.equal(unchanged.payment_status, 'captured');
});

test('a customer cancels their unpaid order: the payment is voided and the stock comes back', () => {
  let order = place('cash_on_delivery', 2);
  assert.equal(onHand(), 8);
  order = engine.cancelOrder(alice, order, { note: 'changed my mind' });
  assert.equal(order.status, 'cancelled');
  assert.equal(order.payment_status, 'voided');
  assert.equal(order.payment.status, 'voided');
  assert.equal(order.timeline.at(-1).note, 'changed my mind');
  assert.equal(onHand(), 10);
  expectError(commerce.IllegalStateError, () => engine.cancelOrder(alice, order));
  expectError(commerce.IllegalStateError, () => engine.capturePayment(admin, order, { reference: 'late' }));
});

test('the sweep cancels a bank transfer left unpaid past orders.unpaid_expire_after_minutes', () => {
  engine.close();
  openShop({ ...CONFIG, orders: { unpaid_expire_after_minutes: 60 } });
  let order = place('bank_transfer', 1);
  assert.equal(order.expires_at, '2026-11-06T22:20:00.000Z');
  assert.deepEqual(engine.sweepOrders(), { type: 'order_sweep', schema_version: 1, expired: 0 });
  engine.advanceTime(61 * 60 * 1000);
  assert.equal(engine.sweepOrders(100).expired, 1);
  order = engine.getOrder(alice, order.id);
  assert.equal(order.status, 'cancelled');
  assert.equal(order.payment_status, 'voided');
  const last = order.timeline.at(-1);
  assert.equal(last.actor_id, null);
  assert.equal(last.note, 'payment not received in time');
  assert.equal(onHand(), 10);
  expectError(commerce.InvalidArgumentError, () => engine.sweepOrders(0));
});
