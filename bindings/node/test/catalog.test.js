'use strict';
// Tests of the Node binding's catalog, inventory, search and review calls (catalog.h, inventory.h, search.h,
// review.h) and of carts holding variants. Every engine runs on a manual clock.

const { test, describe, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');

const commerce = require('..');
const { expectError } = require('./support');

const HASHING = { memory_kib: 64, iterations: 1, parallelism: 1 };
const START_MS = 1794000000000; // 2026-11-06T21:20:00Z
const CONFIG = {
  path: ':memory:', password_hashing: HASHING, clock: 'manual', clock_start_ms: START_MS,
  catalog: { default_locale: 'en' },
};
const PASSWORD = 'correct horse battery';
const EAN13 = '4006381333931';
const UPC_A = '036000291452'; // its EAN-13 form is 0036000291452
const eur = (amount) => ({ amount, currency: 'EUR' });

/** A published physical product with one option and two variants. */
function eldenRing(extra = {}) {
  return {
    slug: 'elden-ring', title: 'Elden Ring', description: 'An action RPG.', kind: 'physical', status: 'published',
    tags: ['rpg', 'souls'], attributes: { genre: 'rpg', platform: ['pc', 'ps5'] },
    options: [{ name: 'Edition', values: ['Standard', 'Deluxe'] }],
    variants: [
      { sku: 'ER-STD', options: { Edition: 'Standard' }, barcode: EAN13, prices: [eur('59.99')], weight_grams: 120,
        low_stock_threshold: 2, stock: 10 },
      { sku: 'ER-DLX', options: { Edition: 'Deluxe' }, barcode: UPC_A, prices: [eur('79.99')], stock: 3 },
    ],
    translations: { 'pt-BR': { title: 'Elden Ring: Edição Brasileira', options: { Edition: 'Edição' } } },
    ...extra,
  };
}

class Shop {
  constructor() {
    this.e = commerce.open(CONFIG);
    this.e.bootstrapAdmin('admin@example.com', PASSWORD);
    this.admin = this.e.login('admin@example.com', PASSWORD);
    this.e.registerUser('alice@example.com', PASSWORD);
    this.alice = this.e.login('alice@example.com', PASSWORD);
    this.e.registerUser('bob@example.com', PASSWORD);
    this.bob = this.e.login('bob@example.com', PASSWORD);
    this.e.fetchOutbox({ limit: 100 });
  }

  variant(product, sku) { return product.variants.find((v) => v.sku === sku); }

  /** Fetches and acknowledges the due events under a topic prefix. */
  events(prefix) {
    const batch = this.e.fetchOutbox({ topics: [prefix], limit: 100 });
    for (const ev of batch.events) this.e.ackEvent(ev);
    return batch.events;
  }
}

describe('catalog', () => {
  let shop;
  beforeEach(() => { shop = new Shop(); });
  afterEach(() => { shop.e.close(); });

  test('a product with options and variants', () => {
    const { e } = shop;
    const product = e.createProduct(shop.admin, eldenRing());
    assert.equal(product.type, 'product');
    assert.equal(product.slug, 'elden-ring');
    assert.deepEqual(product.options, [{ name: 'Edition', values: ['Standard', 'Deluxe'] }]);
    assert.deepEqual(product.variants.map((v) => v.sku), ['ER-STD', 'ER-DLX']);
    const std = shop.variant(product, 'ER-STD');
    const dlx = shop.variant(product, 'ER-DLX');
    assert.deepEqual(std.prices, [eur('59.99')]);
    assert.deepEqual(std.options, { Edition: 'Standard' });
    assert.equal(std.stock.on_hand, 10);
    assert.equal(dlx.stock.available, 3);
    assert.deepEqual(e.getProduct(product), e.getProduct(product.id));

    const updated = e.updateProduct(shop.admin, product, {
      options: [{ name: 'Edition', values: ['Standard', 'Deluxe', 'Collector'] }],
      variants: [
        { id: std.id, sku: 'ER-STD', options: { Edition: 'Standard' }, prices: [eur('49.99')] },
        { id: dlx.id, sku: 'ER-DLX', options: { Edition: 'Deluxe' }, prices: [eur('79.99')] },
        { sku: 'ER-COL', options: { Edition: 'Collector' }, prices: [eur('199.00')] },
      ],
      expected_version: product.version,
    });
    assert.deepEqual(shop.variant(updated, 'ER-STD').prices, [eur('49.99')]);
    assert.equal(shop.variant(updated, 'ER-STD').id, std.id);
    assert.equal(updated.variants.length, 3);
    expectError(commerce.ConflictError,
      () => e.updateProduct(shop.admin, product.id, { title: 'Stale', expected_version: product.version }));

    e.createProduct(shop.admin, { title: 'Draft Soap', sku: 'SOAP', prices: [eur('2.50')] });
    assert.deepEqual(e.listProducts({ tag: 'rpg' }).items.map((p) => p.id), [product.id]);
    const page = e.listProducts({ page: 1, limit: 1 });
    assert.equal(page.items.length, 1);
    assert.equal(page.total, 2);

    // a single-variant product goes into a cart by its id; a variant by its document
    const soap = e.createProduct(shop.admin, { title: 'Soap', sku: 'SOAP-2', status: 'published',
      prices: [eur('2.50')], stock: 5 });
    let cart = e.createCart(shop.alice, 'EUR');
    cart = e.addItem(shop.alice, cart.id, soap.id, 2);
    cart = e.addItem(shop.alice, cart.id, shop.variant(updated, 'ER-DLX'), 1);
    assert.equal(cart.item_count, 3);
    assert.deepEqual(cart.total, eur('84.99'));

    e.deleteProduct(shop.admin, soap);
    expectError(commerce.NotFoundError, () => e.getProduct(soap.id));
  });

  test('translations and the localized view', () => {
    const { e } = shop;
    const product = e.createProduct(shop.admin, eldenRing());
    const view = e.viewProduct('elden-ring', 'pt-BR');
    assert.equal(view.type, 'product_view');
    assert.equal(view.title, 'Elden Ring: Edição Brasileira');
    assert.equal(view.options[0].label, 'Edição');
    assert.equal(e.viewProduct(product).title, 'Elden Ring');
    assert.equal(e.viewProduct(product.id, null).options[0].label, 'Edition');
    const draft = e.createProduct(shop.admin, { title: 'Later', sku: 'LATER', status: 'draft', prices: [eur('1.00')] });
    expectError(commerce.NotFoundError, () => e.viewProduct(draft.slug));
  });

  test('barcode lookup', () => {
    const { e } = shop;
    const product = e.createProduct(shop.admin, eldenRing());
    const match = e.variantByBarcode(EAN13);
    assert.equal(match.type, 'variant_match');
    assert.equal(match.product.id, product.id);
    assert.equal(match.variant.sku, 'ER-STD');
    assert.equal(e.variantByBarcode(`0${UPC_A}`).variant.sku, 'ER-DLX');
    assert.equal(e.variantByBarcode(UPC_A).variant.sku, 'ER-DLX');
    expectError(commerce.NotFoundError, () => e.variantByBarcode('4006381333948'));
    const err = expectError(commerce.InvalidArgumentError, () => e.createProduct(shop.admin,
      { title: 'Bad', sku: 'BAD', barcode: '4006381333932', prices: [eur('1.00')] }));
    assert.match(err.details.field, /barcode$/);
    expectError(commerce.ExistsError, () => e.createProduct(shop.admin,
      { title: 'Dup', sku: 'ER-STD', prices: [eur('1.00')] }));
  });

  test('the category tree', () => {
    const { e } = shop;
    const games = e.createCategory(shop.admin, { slug: 'games', name: 'Games' });
    const rpg = e.createCategory(shop.admin, { slug: 'rpg', name: 'RPG', parent_id: games.id });
    const action = e.createCategory(shop.admin, { slug: 'action', name: 'Action', parent_id: games.id, position: 0 });
    assert.equal(rpg.parent_id, games.id);
    e.createProduct(shop.admin, eldenRing({ category_ids: [rpg.id] }));
    const tree = e.categoryTree();
    assert.equal(tree.type, 'category_tree');
    assert.equal(tree.roots.length, 1);
    assert.equal(tree.roots[0].product_count, 1);
    assert.deepEqual(tree.roots[0].children.map((c) => c.slug), ['action', 'rpg']);
    e.moveCategory(shop.admin, rpg, games, 0);
    assert.deepEqual(e.categoryTree(games).roots[0].children.map((c) => c.slug), ['rpg', 'action']);
    assert.equal(e.moveCategory(shop.admin, rpg.id, null, 1).parent_id, null);
    expectError(commerce.InvalidArgumentError, () => e.moveCategory(shop.admin, games, action, 0));
    expectError(commerce.IllegalStateError, () => e.deleteCategory(shop.admin, games));
    assert.equal(e.updateCategory(shop.admin, action, { name: 'Action games' }).name, 'Action games');
    const sale = e.createCollection(shop.admin, { slug: 'sale', title: 'Sale' });
    assert.equal(e.getCollection('sale').id, sale.id);
    e.deleteCollection(shop.admin, sale);
    expectError(commerce.ForbiddenError, () => e.createCategory(shop.alice, { name: 'Nope' }));
  });

  test('licence keys import and pool', () => {
    const { e } = shop;
    const product = e.createProduct(shop.admin, { title: 'Key', sku: 'KEY', kind: 'digital', status: 'published',
      prices: [eur('49.99')] });
    const variant = product.variants[0];
    let pool = e.importLicenceKeys(shop.admin, variant, ['AAAA-0001', 'AAAA-0002']);
    assert.equal(pool.type, 'licence_pool');
    assert.equal(pool.available, 2);
    pool = e.importLicenceKeys(shop.admin, variant.id, '["AAAA-0002", "AAAA-0003"]');
    assert.equal(pool.available, 3);
    assert.equal(pool.skipped, 1);
    assert.equal(e.licencePool(shop.admin, variant).assigned, 0);
    expectError(commerce.InvalidArgumentError, () => e.importLicenceKeys(shop.admin, variant, []));
    expectError(commerce.ForbiddenError, () => e.licencePool(shop.alice, variant));
    assert.throws(() => e.importLicenceKeys(shop.admin, variant, { not: 'a list' }), TypeError);
  });

  test('a sale hands out a licence key', () => {
    const { e } = shop;
    const product = e.createProduct(shop.admin, { title: 'Key', sku: 'KEY', kind: 'digital', status: 'published',
      prices: [eur('49.99')] });
    const variant = product.variants[0];
    e.importLicenceKeys(shop.admin, variant, ['AAAA-0001', 'AAAA-0002']);
    const cart = e.createCart(shop.alice, 'EUR');
    e.addItem(shop.alice, cart.id, variant, 1);
    const order = e.placeOrder(shop.alice, cart.id, { payment: { method: 'manual', kind: 'cash', tendered: '50.00' } });
    assert.deepEqual(order.lines[0].licence_keys, ['AAAA-0001']);
    const pool = e.licencePool(shop.admin, variant);
    assert.equal(pool.assigned, 1);
    assert.equal(pool.available, 1);
  });

  test('a product request is fulfilled', () => {
    const { e } = shop;
    const request = e.createProductRequest(shop.alice, { title: 'Hollow Knight', details: 'Switch' });
    assert.equal(request.type, 'product_request');
    assert.equal(request.status, 'open');
    const product = e.createProduct(shop.admin, { title: 'Hollow Knight', sku: 'HK', prices: [eur('14.99')] });
    const fulfilled = e.fulfillProductRequest(shop.admin, request, product);
    assert.equal(fulfilled.status, 'fulfilled');
    assert.equal(fulfilled.product_id, product.id);
    assert.deepEqual(e.listProductRequests(shop.alice, { status: 'fulfilled' }).items.map((r) => r.id), [request.id]);
    assert.deepEqual(shop.events('product_request.').map((ev) => ev.topic), ['product_request.fulfilled']);
    expectError(commerce.UnauthorizedError, () => e.createProductRequest(null, { title: 'Anonymous' }));
  });
});

describe('inventory', () => {
  let shop;
  beforeEach(() => { shop = new Shop(); });
  afterEach(() => { shop.e.close(); });

  test('receipt, transfer, level and reservations', () => {
    const { e } = shop;
    const std = shop.variant(e.createProduct(shop.admin, eldenRing()), 'ER-STD');
    const kiosk = e.createLocation(shop.admin, { code: 'kiosk-3', name: 'Kiosk 3', kind: 'kiosk' });
    assert.equal(kiosk.type, 'location');
    assert.deepEqual(e.listLocations().items.map((l) => l.code).sort(), ['default', 'kiosk-3']);
    let level = e.adjustStock(shop.admin, { variant_id: std.id, kind: 'receipt', quantity: 12, reference: 'PO-1' });
    assert.equal(level.type, 'stock_level');
    assert.equal(level.on_hand, 22);
    level = e.transferStock(shop.admin, { variant_id: std.id, from: 'default', to: kiosk.id, quantity: 5 });
    assert.equal(level.locations.find((l) => l.location_id === kiosk.id).on_hand, 5);
    const reservation = e.reserveStock(shop.admin,
      { variant_id: std.id, location_id: kiosk.id, quantity: 2, ttl_seconds: 900, reference: 'cart-1' });
    assert.equal(reservation.type, 'stock_reservation');
    assert.equal(e.stockLevel(std).available, 20);
    e.releaseReservation(shop.admin, reservation);
    assert.equal(e.stockLevel(std.id).available, 22);
    expectError(commerce.NotFoundError, () => e.releaseReservation(shop.admin, reservation.id));
    const movements = e.listStockMovements(shop.admin, { variant_id: std.id });
    assert.equal(movements.type, 'stock_movement_list');
    assert.equal(movements.items.reduce((sum, m) => sum + m.quantity, 0), 22);
    expectError(commerce.OutOfStockError, () => e.adjustStock(shop.admin,
      { variant_id: std.id, location_id: kiosk.id, kind: 'adjustment', quantity: -6 }));
    expectError(commerce.OutOfStockError, () => e.reserveStock(shop.admin,
      { variant_id: std.id, quantity: 23, ttl_seconds: 60 }));
    assert.equal(e.stockLevel(std).on_hand, 22);
  });
});

describe('search', () => {
  let shop;
  beforeEach(() => { shop = new Shop(); });
  afterEach(() => { shop.e.close(); });

  test('a filter and a facet', () => {
    const { e } = shop;
    e.createProduct(shop.admin, eldenRing());
    e.createProduct(shop.admin, { title: 'Elden Soap', sku: 'ESOAP', status: 'published', tags: ['soap'],
      prices: [eur('4.00')], stock: 1 });
    let result = e.search({ q: 'elden', currency: 'EUR', facets: ['tags'] });
    assert.equal(result.type, 'search_result');
    assert.equal(result.total, 2);
    const tags = Object.fromEntries(result.facets.tags.map((f) => [f.tag, f.count]));
    assert.equal(tags.rpg, 1);
    result = e.search({ q: 'elden', currency: 'EUR', filters: { tags: ['rpg'] } });
    assert.deepEqual(result.items.map((hit) => hit.slug), ['elden-ring']);
    assert.deepEqual(result.items[0].price, eur('59.99'));
    assert.equal(e.search({ q: 'eldn rin' }).items[0].slug, 'elden-ring');
    assert.equal(e.search().total, 2);
    const err = expectError(commerce.InvalidArgumentError, () => e.search({ filters: { price: { min: '1.00' } } }));
    assert.equal(err.details.field, 'currency');
  });
});

describe('reviews', () => {
  let shop;
  beforeEach(() => { shop = new Shop(); });
  afterEach(() => { shop.e.close(); });

  test('submitted, moderated, rated', () => {
    const { e } = shop;
    const product = e.createProduct(shop.admin, eldenRing());
    const review = e.submitReview(shop.alice, product, { rating: 5, title: 'Great', body: 'Loved it.' });
    assert.equal(review.type, 'review');
    assert.equal(review.status, 'pending');
    assert.deepEqual(e.listReviews(product).rating, { average: '0.00', count: 0 });
    assert.deepEqual(e.reviewQueue(shop.admin, { status: 'pending' }).items.map((r) => r.id), [review.id]);
    assert.equal(e.moderateReview(shop.admin, review, 'approved').status, 'approved');
    const bob = e.submitReview(shop.bob, product.id, { rating: 4 });
    e.moderateReview(shop.admin, bob.id, 'approved', null);
    const listed = e.listReviews(product.id, { sort: 'rating_desc' });
    assert.equal(listed.type, 'review_list');
    assert.deepEqual(listed.items.map((r) => r.rating), [5, 4]);
    assert.deepEqual(listed.rating, { average: '4.50', count: 2 });
    assert.equal(e.voteReview(shop.bob, review, 'helpful').helpful_count, 1);
    expectError(commerce.InvalidArgumentError, () => e.moderateReview(shop.admin, bob, 'rejected'));
    e.deleteReview(shop.alice, review);
    const err = expectError(commerce.InvalidArgumentError, () => e.submitReview(shop.alice, product, { rating: 6 }));
    assert.equal(err.details.field, 'rating');
  });
});
