'use strict';
// Tests of the Node binding's order lifecycle calls (order.h): a cash-on-delivery order captured and refunded in
// two steps to exactly its total, refunds refused with their reasons, a customer cancelling their unpaid order,
// an unpaid bank transfer expired by the sweep, and fulfilment: an order shipped in two parcels, delivered and
// completed (with its outbox events), goods handed over at once, and shipping refused with its reasons.

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

// The session of Bob, a staff member: "orders.manage" without being an administrator.
function staffMember() {
  const bob = engine.registerUser('bob@example.com', PASSWORD);
  engine.setRoles(admin, bob.id, ['staff']);
  return engine.login('bob@example.com', PASSWORD);
}

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

test('an order is shipped in two parcels, delivered and completed', () => {
  const staff = staffMember();
  let order = place('cash', 3);
  assert.equal(order.fulfillment_status, 'not_fulfilled');
  assert.deepEqual(order.shipments, []);
  assert.equal(order.lines[0].shipped_quantity, 0);
  assert.equal(order.lines[0].digital, false);

  order = engine.shipOrder(staff, order, {
    lines: [{ line: 0, quantity: 1 }], carrier: 'DHL', tracking_number: 'JD0001',
    tracking_url: 'https://dhl.example/JD0001',
  });
  assert.equal(order.status, 'partially_shipped');
  assert.equal(order.fulfillment_status, 'partially_shipped');
  const [first] = order.shipments;
  assert.equal(first.status, 'shipped');
  assert.equal(first.carrier, 'DHL');
  assert.equal(first.tracking_number, 'JD0001');
  assert.deepEqual(first.lines, [{ line: 0, quantity: 1 }]);
  assert.equal(first.delivered_at, null);
  assert.equal(order.lines[0].shipped_quantity, 1);

  order = engine.shipOrder(staff, order.id); // the rest, untracked
  assert.equal(order.status, 'shipped');
  assert.equal(order.fulfillment_status, 'shipped');
  const second = order.shipments[1];
  assert.deepEqual(second.lines, [{ line: 0, quantity: 2 }]);
  assert.equal(second.carrier, null);
  assert.equal(order.lines[0].shipped_quantity, 3);

  order = engine.updateShipment(staff, order, first, { status: 'out_for_delivery' }); // the shipment document
  assert.equal(order.shipments[0].status, 'out_for_delivery');
  assert.notEqual(order.shipments[0].out_for_delivery_at, null);
  order = engine.updateShipment(staff, order, first.id, '{"status": "delivered"}'); // its id, JSON text
  assert.equal(order.shipments[0].status, 'delivered');
  assert.notEqual(order.shipments[0].delivered_at, null);
  assert.equal(order.status, 'shipped'); // one parcel is still out
  order = engine.updateShipment(staff, order, second, { status: 'delivered' });
  assert.equal(order.status, 'delivered');
  assert.equal(order.fulfillment_status, 'delivered');

  order = engine.completeOrder(staff, order, { note: 'all arrived' });
  assert.equal(order.status, 'completed');
  assert.equal(order.fulfillment_status, 'delivered');
  assert.equal(order.timeline.at(-1).note, 'all arrived');
  const { events } = engine.fetchOutbox({ topics: ['shipment.', 'order.delivered', 'order.completed'] });
  assert.deepEqual(events.map((event) => event.topic), [
    'shipment.shipped', 'shipment.shipped', 'shipment.out_for_delivery', 'shipment.delivered', 'shipment.delivered',
    'order.delivered', 'order.completed']);
  const parcel = events[0].payload;
  assert.equal(parcel.shipment_id, first.id);
  assert.equal(parcel.tracking_url, 'https://dhl.example/JD0001');
  assert.equal(parcel.email, 'alice@example.com');
  assert.deepEqual(parcel.lines, [{ line: 0, quantity: 1, sku: 'SOAP', title: 'Soap' }]);
  assert.equal(events.at(-1).payload.status, 'completed');
  assert.equal(events.at(-1).payload.amount, null);
});

test('goods handed over are shipped and delivered at once', () => {
  const order = engine.shipOrder(admin, place('cash', 2), { handed_over: true });
  assert.equal(order.status, 'delivered');
  assert.equal(order.fulfillment_status, 'delivered');
  const [parcel] = order.shipments;
  assert.equal(parcel.status, 'delivered');
  assert.deepEqual(parcel.lines, [{ line: 0, quantity: 2 }]);
  assert.equal(parcel.delivered_at, parcel.shipped_at);
  assert.equal(parcel.out_for_delivery_at, null);
  assert.equal(engine.completeOrder(admin, order).status, 'completed');
});

test('shipping is refused with its reasons and changes nothing', () => {
  let order = place('cash', 2);
  let err = expectError(commerce.InvalidArgumentError,
    () => engine.shipOrder(admin, order, { tracking_url: 'ftp://x' }));
  assert.deepEqual(err.details, { field: 'tracking_url', reason: 'format' });
  expectError(commerce.ForbiddenError, () => engine.shipOrder(alice, order)); // not even their own order
  err = expectError(commerce.IllegalStateError, () => engine.completeOrder(admin, order));
  assert.equal(err.details.reason, 'not_delivered');
  assert.equal(err.details.current, 'paid');
  const unchanged = engine.getOrder(admin, order.id);
  assert.deepEqual(unchanged.shipments, []);
  assert.equal(unchanged.fulfillment_status, 'not_fulfilled');

  order = engine.shipOrder(admin, order);
  order = engine.updateShipment(admin, order, order.shipments[0], { status: 'delivered' });
  err = expectError(commerce.IllegalStateError,
    () => engine.updateShipment(admin, order, order.shipments[0], { status: 'out_for_delivery' })); // a step back
  assert.equal(err.details.field, 'shipment.status');
  assert.equal(err.details.current, 'delivered');
  assert.equal(err.details.requested, 'out_for_delivery');
  assert.throws(() => engine.updateShipment(admin, order, order.shipments[0]), TypeError); // the request is required
  assert.deepEqual(engine.getOrder(admin, order.id).shipments, order.shipments);
});

test('staff search orders by status, page by page; receipts and invoices are written the locale\'s way', () => {
  const staff = staffMember();
  const first = place('cash', 1);
  const unpaid = place('cash_on_delivery', 1);
  assert.deepEqual(engine.searchOrders(staff).items.map((o) => o.id), [unpaid.id, first.id]);
  assert.deepEqual(engine.searchOrders(staff, { status: 'paid' }).items.map((o) => o.id), [first.id]);
  const page = engine.searchOrders(staff, { limit: 1 });
  assert.deepEqual(engine.searchOrders(staff, { limit: 1, after: page.next }).items.map((o) => o.id), [first.id]);
  expectError(commerce.ForbiddenError, () => engine.searchOrders(alice));
  expectError(commerce.InvalidArgumentError, () => engine.searchOrders(staff, { status: 'lost' }));

  const receipt = engine.orderReceipt(alice, first, { locale: 'de-DE', width: 32 });
  assert.equal(receipt.type, 'receipt');
  assert.ok(receipt.text.includes(first.number));
  for (const line of receipt.text.split('\n')) assert.ok([...line].length <= 32);
  const invoice = engine.orderInvoice(alice, first.id, { locale: 'de-DE' });
  const lines = invoice.lines.reduce((sum, line) => sum + cents(line.total), 0n);
  assert.equal(lines + cents(invoice.shipping.total), cents(invoice.total));
  assert.ok(invoice.total.formatted.includes('€'));
});
