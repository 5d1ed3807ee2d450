'use strict';
// Tests of the Node binding's wishlist calls (wishlist.h): lists with items read from the catalog, an item moved
// to a cart, a share token rotated and revoked, the price-drop and back-in-stock events, and bad input refused
// with a stable code that changes nothing.

const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');

const commerce = require('..');

const { PASSWORD, eur, openAsAdmin, expectError } = require('./support');

let engine;
let admin;
let ann;
beforeEach(() => {
  ({ engine, admin } = openAsAdmin());
  engine.registerUser('ann@example.com', PASSWORD);
  ann = engine.login('ann@example.com', PASSWORD);
});
afterEach(() => engine.close());

function product(sku, price, stock = 10) {
  return engine.createProduct(admin, { sku, title: sku, prices: [eur(price)], stock });
}

function wishlistEvents() {
  const batch = engine.fetchOutbox({ topics: ['wishlist.'], limit: 100 });
  for (const event of batch.events) engine.ackEvent(event);
  return batch.events;
}

test('a list holds variants shown as the catalog has them now', () => {
  const mug = product('MUG', '12.50');
  let wishlist = engine.createWishlist(ann, ' Kitchen ');
  assert.equal(wishlist.type, 'wishlist');
  assert.equal(wishlist.name, 'Kitchen');
  wishlist = engine.addWishlistItem(ann, wishlist, mug, 'blue');
  wishlist = engine.addWishlistItem(ann, wishlist, mug.variants[0]);  // again: still one item, note kept
  assert.equal(wishlist.items.length, 1);
  const [item] = wishlist.items;
  assert.equal(item.note, 'blue');
  assert.deepEqual(item.prices, [eur('12.50')]);
  assert.equal(item.in_stock, true);
  assert.deepEqual(engine.getWishlist(ann, wishlist, 'USD').items[0].prices, []);
  assert.deepEqual(engine.listWishlists(ann).items.map((w) => w.name), ['Kitchen']);
  assert.equal(engine.renameWishlist(ann, wishlist, 'Home').name, 'Home');
  assert.deepEqual(engine.removeWishlistItem(ann, wishlist, item).items, []);
  engine.deleteWishlist(ann, wishlist);
  assert.deepEqual(engine.listWishlists(ann).items, []);
});

test('an item moves to a cart in one step, or not at all', () => {
  const mug = product('MUG', '12.50');
  const wishlist = engine.addWishlistItem(ann, engine.createWishlist(ann, 'Later'), mug);
  let cart = engine.createCart(ann, 'EUR');
  const err = expectError(commerce.InvalidArgumentError,
                          () => engine.moveWishlistItemToCart(ann, wishlist, wishlist.items[0], cart, 0));
  assert.equal(err.details.field, 'quantity');
  assert.equal(engine.getWishlist(ann, wishlist).items.length, 1);
  cart = engine.moveWishlistItemToCart(ann, wishlist, wishlist.items[0], cart, 2);
  assert.equal(cart.type, 'cart');
  assert.equal(cart.items[0].quantity, 2);
  assert.deepEqual(cart.total, eur('25.00'));
  assert.deepEqual(engine.getWishlist(ann, wishlist).items, []);
});

test('a share token opens the list until it is rotated or revoked', () => {
  const mug = product('MUG', '12.50');
  const wishlist = engine.addWishlistItem(ann, engine.createWishlist(ann, 'Wedding'), mug);
  const first = engine.shareWishlist(ann, wishlist);
  assert.equal(first.type, 'wishlist_share');
  assert.equal(first.token.length, 43);
  const seen = engine.sharedWishlist(first.token, 'EUR');
  assert.equal(seen.type, 'shared_wishlist');
  assert.equal(seen.items.length, 1);
  assert.equal('shared' in seen, false);
  const second = engine.shareWishlist(ann, wishlist);
  const err = expectError(commerce.NotFoundError, () => engine.sharedWishlist(first.token));
  assert.deepEqual(err.details, { field: 'token', reason: 'unknown_token' });
  assert.equal(engine.sharedWishlist(second.token).id, wishlist.id);
  engine.unshareWishlist(ann, wishlist);
  expectError(commerce.NotFoundError, () => engine.sharedWishlist(second.token));
});

test('price drops and restocks reach the outbox once', () => {
  const mug = product('MUG', '12.50', 0);
  const wishlist = engine.addWishlistItem(ann, engine.createWishlist(ann, 'Watch'), mug);
  wishlistEvents();
  engine.updateProduct(admin, mug, { prices: [eur('9.99')] });
  engine.updateProduct(admin, mug, { prices: [eur('11.00')] });  // up: nothing
  const [drop, ...noMore] = wishlistEvents();
  assert.equal(noMore.length, 0);
  assert.equal(drop.topic, 'wishlist.price_drop');
  assert.deepEqual(drop.payload.old_price, eur('12.50'));
  assert.deepEqual(drop.payload.new_price, eur('9.99'));
  assert.equal(drop.payload.wishlist_id, wishlist.id);
  const variantId = mug.variants[0].id;
  engine.adjustStock(admin, { variant_id: variantId, kind: 'receipt', quantity: 2 });
  engine.adjustStock(admin, { variant_id: variantId, kind: 'receipt', quantity: 2 });
  const events = wishlistEvents();
  assert.deepEqual(events.map((e) => e.topic), ['wishlist.back_in_stock']);
  assert.equal(events[0].payload.email, 'ann@example.com');
});

test('bad input is refused and changes nothing', () => {
  engine.registerUser('bob@example.com', PASSWORD);
  const bob = engine.login('bob@example.com', PASSWORD);
  const wishlist = engine.createWishlist(ann, 'Mine');
  const empty = expectError(commerce.InvalidArgumentError, () => engine.createWishlist(ann, ' '));
  assert.deepEqual(empty.details, { field: 'name', reason: 'empty' });
  expectError(commerce.ExistsError, () => engine.createWishlist(ann, 'Mine'));
  expectError(commerce.ForbiddenError, () => engine.getWishlist(bob, wishlist));
  expectError(commerce.UnauthorizedError, () => engine.listWishlists(null));
  expectError(commerce.NotFoundError, () => engine.addWishlistItem(ann, wishlist, 'nope'));
  expectError(commerce.InvalidArgumentError, () => engine.createWishlist(ann, 'a\0b'));
  assert.throws(() => engine.moveWishlistItemToCart(ann, wishlist, 'x', 'y', 1.5), TypeError);
  assert.deepEqual(engine.getWishlist(ann, wishlist).items, []);
  assert.deepEqual(engine.listWishlists(ann).items.map((w) => w.name), ['Mine']);
});
