'use strict';
// Tests of the Node binding's order lifecycle calls (order.h): a cash-on-delivery order captured and refunded in
// two steps to exactly its total, refunds refused with their reasons, a customer cancelling their unpaid order,
// an unpaid bank transfer expired by the sweep, fulfilment: an order shipped in two parcels, delivered and
// completed (with its outbox events), goods handed over at once, and shipping refused with its reasons; the staff's
// order search by status, email and placement time, page by page; a German receipt within a narrow printer's
// width; an invoice that adds up exactly; the addresses an order keeps; and totals the shopper saw that changed.

const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');

const commerce = require('..');

const { CONFIG, PASSWORD, GERMANY, eur, cents, openAsAdmin, expectError } = require('./support');

// Addresses in Germany, where the shop's carts are priced; the engine writes "" for a member not given.
const BERLIN = {
  name: 'Alice Liddell', line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE',
};
const HAMBURG = {
  name: 'Liddell GmbH', company: 'Liddell GmbH', line1: 'Jungfernstieg 7', city: 'Hamburg', postal_code: '20354',
  country: 'DE', phone: '+49 40 123456',
};
const EMPTY_ADDRESS = Object.fromEntries(
  ['name', 'company', 'line1', 'line2', 'city', 'region', 'postal_code', 'country', 'phone'].map((m) => [m, '']));
const NBSP = '\u00a0';

let engine;
let admin;
let alice;
let soap;

// A shop with German VAT, a soap at 3.33 EUR with 10 on hand and a customer, Alice.
function openShop(config) {
  ({ engine, admin } = openAsAdmin(config));
  engine.setTaxDefinition(admin, GERMANY);
  soap = engine.createProduct(admin, { sku: 'SOAP', title: 'Soap', prices: [eur('3.33')], stock: 10 });
  alice = customer('alice@example.com');
}
beforeEach(() => openShop(CONFIG));
afterEach(() => engine.close());

// The session of a new customer.
function customer(email) {
  engine.registerUser(email, PASSWORD);
  return engine.login(email, PASSWORD);
}

// The order of `quantity` soaps by `shopper` (Alice by default) shipped to Germany (by `shippingMethod` when
// given), paid by a manual payment of that kind; `request` adds members to the request (addresses, expected
// totals).
function place(kind, quantity, { shopper = alice, shippingMethod, ...request } = {}) {
  const cart = engine.createCart(shopper, 'EUR');
  engine.addItem(shopper, cart.id, soap, quantity);
  const changes = { shipping_address: { country: 'DE' } };
  if (shippingMethod) changes.shipping_method = shippingMethod;
  engine.updateCart(shopper, cart, changes);
  return engine.placeOrder(shopper, cart.id, { payment: { method: 'manual', kind }, ...request });
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

test('staff search every order by status, email and placement time, page by page', () => {
  const staff = staffMember();
  const first = place('cash', 1);
  engine.advanceTime(30 * 60 * 1000);
  const unpaid = place('cash_on_delivery', 1);
  engine.advanceTime(30 * 60 * 1000);
  const carols = place('cash', 2, { shopper: customer('carol@example.com') });
  const ids = (page) => page.items.map((order) => order.id);

  const newestFirst = [carols.id, unpaid.id, first.id];
  assert.deepEqual(ids(engine.searchOrders(staff)), newestFirst); // no query: every order
  const paid = engine.searchOrders(staff, { status: 'paid' });
  assert.deepEqual(ids(paid), [carols.id, first.id]);
  assert.equal(paid.next, null);
  const alices = engine.searchOrders(staff, { status: ['paid', 'pending_payment'], email: 'Alice@Example.com' });
  assert.deepEqual(ids(alices), [unpaid.id, first.id]); // the email is normalized
  const since = new Date(Date.UTC(2026, 10, 6, 21, 40)); // a Date, or RFC 3339 text
  assert.deepEqual(ids(engine.searchOrders(staff, { from: since })), [carols.id, unpaid.id]);
  assert.deepEqual(ids(engine.searchOrders(staff, { from: since, to: '2026-11-06T22:20:00Z' })), [unpaid.id]);

  const seen = [];
  const query = { limit: 1 };
  for (;;) {
    const page = engine.searchOrders(staff, query);
    assert.equal(page.items.length, 1);
    seen.push(...ids(page));
    if (page.next === null) break;
    query.after = page.next;
  }
  assert.deepEqual(seen, newestFirst);

  expectError(commerce.ForbiddenError, () => engine.searchOrders(alice, { email: 'alice@example.com' }));
  const err = expectError(commerce.InvalidArgumentError,
    () => engine.searchOrders(staff, { status: ['paid', 'lost_at_sea'] }));
  assert.equal(err.details.field, 'status');
  assert.equal(err.details.reason, 'unknown_status');
});

test('a German receipt fits a narrow printer', () => {
  engine.updateProduct(admin, soap, { title: 'Lavender soap with shea butter and oat milk' });
  const order = place('cash', 3);
  assert.deepEqual(order.total, eur('11.89'));
  const receipt = engine.orderReceipt(alice, order, { locale: 'de-DE', width: 32 });
  assert.deepEqual([receipt.order_id, receipt.number, receipt.locale, receipt.width],
    [order.id, order.number, 'de-DE', 32]);
  assert.ok(receipt.text.endsWith('\n'));
  const lines = receipt.text.slice(0, -1).split('\n');
  assert.ok(lines[0].includes(order.number));
  for (const line of lines) assert.ok([...line].length <= 32, line); // code points: "€" is one
  const [total] = lines.filter((line) => line.startsWith('TOTAL'));
  assert.ok(total.endsWith(`11,89${NBSP}€`), total); // a decimal comma, the sign after a no-break space
  assert.ok(lines.some((line) => line.startsWith('3 x Lavender soap') && line.endsWith(`9,99${NBSP}€`))); // cut

  assert.equal(engine.orderReceipt(admin, order.id).width, 42); // staff; the default width
  let err = expectError(commerce.InvalidArgumentError,
    () => engine.orderReceipt(alice, order, { locale: 'no such locale' }));
  assert.deepEqual(err.details, { field: 'locale', reason: 'unknown_locale' });
  err = expectError(commerce.InvalidArgumentError, () => engine.orderReceipt(alice, order, { width: 12 }));
  assert.equal(err.details.field, 'width');
  expectError(commerce.NotFoundError, () => engine.orderReceipt(customer('carol@example.com'), order));
});

test('an invoice adds up exactly and formats every amount', () => {
  engine.setShippingDefinition(admin, {
    methods: [{ id: 'dhl', name: 'DHL', countries: ['DE'], rates: [{ type: 'flat', amount: eur('4.90') }] }],
  });
  const order = place('cash', 3, { shippingMethod: 'dhl', shipping_address: BERLIN, billing_address: HAMBURG });
  const invoice = engine.orderInvoice(alice, order, { locale: 'de-DE' });
  assert.deepEqual([invoice.order_id, invoice.number, invoice.locale, invoice.currency],
    [order.id, order.number, 'de-DE', 'EUR']);
  assert.deepEqual(invoice.ship_to, { ...EMPTY_ADDRESS, ...BERLIN });
  assert.deepEqual(invoice.bill_to, { ...EMPTY_ADDRESS, ...HAMBURG });

  const { shipping } = invoice;
  assert.ok(cents(shipping.total) > 0n);
  assert.equal(cents(shipping.net) + cents(shipping.tax), cents(shipping.total));
  const charged = invoice.lines.reduce((sum, line) => sum + cents(line.total), cents(shipping.total));
  assert.equal(charged, cents(invoice.total));
  assert.equal(cents(invoice.total), cents(order.total));
  assert.equal(invoice.taxes.reduce((sum, tax) => sum + cents(tax.amount), 0n), cents(invoice.tax_total));

  const amounts = [];
  (function walk(value) {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      if ('amount' in value && 'currency' in value) amounts.push(value);
      else Object.values(value).forEach(walk);
    }
  })(invoice);
  assert.equal(amounts.length, 5 + 3 + 1 + 5); // the line's, the shipping's, the tax's and the totals
  for (const money of amounts) {
    assert.equal(money.currency, 'EUR');
    assert.equal(money.formatted, `${money.amount.replace('.', ',')}${NBSP}€`);
  }
  const err = expectError(commerce.InvalidArgumentError,
    () => engine.orderInvoice(alice, order, { locale: 'de-DE', width: 32 })); // a receipt's option
  assert.equal(err.details.field, 'width');
});

test('an order keeps its shipping and billing addresses', () => {
  assert.equal(place('cash', 1).shipping_address, null); // none given
  let order = place('cash', 1, { shipping_address: BERLIN, billing_address: HAMBURG });
  assert.deepEqual(order.shipping_address, { ...EMPTY_ADDRESS, ...BERLIN });
  assert.deepEqual(order.billing_address, { ...EMPTY_ADDRESS, ...HAMBURG });
  assert.deepEqual(engine.getOrder(alice, order.id).billing_address, order.billing_address);

  const booked = engine.addAddress(alice, HAMBURG);
  order = place('cash', 1, { shipping_address: { address_id: booked.id } }); // from the address book
  assert.deepEqual(order.shipping_address, { ...EMPTY_ADDRESS, ...HAMBURG });
  assert.deepEqual(order.billing_address, order.shipping_address); // billing: the same

  let err = expectError(commerce.InvalidArgumentError,
    () => place('cash', 1, { shipping_address: { ...BERLIN, country: 'AT' } })); // the cart was priced for Germany
  assert.equal(err.details.reason, 'not_the_priced_address');
  err = expectError(commerce.InvalidArgumentError,
    () => place('cash', 1, { shipping_address: BERLIN, billing_address: { city: 'Hamburg', country: 'DE' } }));
  assert.equal(err.details.field, 'billing_address.line1');
});

test('totals the shopper saw that changed refuse the order', () => {
  const err = expectError(commerce.ConflictError,
    () => place('cash', 3, { expected: { total: eur('9.99') } })); // the price without the VAT
  assert.equal(err.details.reason, 'totals_changed');
  assert.deepEqual(err.details.changes, [{ field: 'total', expected: eur('9.99'), actual: eur('11.89') }]);
  assert.deepEqual(engine.searchOrders(admin).items, []); // nothing was placed
  assert.equal(onHand(), 10);
  const order = place('cash', 3, { expected: { total: eur('11.89'), subtotal: eur('9.99'), tax_total: eur('1.90') } });
  assert.deepEqual(order.total, eur('11.89'));
});
