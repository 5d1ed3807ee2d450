'use strict';
// Repricing a cart through the Node binding, single thread: the shop of bench/pricing_bench.cpp.
// A cart of 10 lines with 3 active promotions (15% off tagged items, buy 2 get 1, a 5.00 EUR coupon) and German VAT
// at a shipping address, on a file database (WAL, durability normal). "reprice" reads the cart (every read prices
// it afresh), "reprice_totals" reprices it returning only its totals (getCartTotals), "change_and_reprice" sets one
// line's quantity and gets the repriced cart back.
// Run by `make bench` (CTest label "bench"); alone: COMMERCE_NODE_ADDON=... node bench/pricing.js
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const commerce = require(process.env.COMMERCE_NODE_PACKAGE || '../bindings/node');

const durationMs = Number(process.env.COMMERCE_BENCH_SECONDS || 3) * 1000;
const maxCalls = 1000000;
const fastHashing = { memory_kib: 64, iterations: 1, parallelism: 1 };
const promotions = [
  { id: 'tagged', name: 'Sale', conditions: { tags: ['sale'] },
    action: { type: 'percentage_off_items', percent: '15' } },
  { id: 'b2g1', name: 'B2G1', action: { type: 'buy_x_get_y', buy_quantity: 2, get_quantity: 1 } },
  { id: 'coupon', name: 'Coupon', code: 'BENCH',
    action: { type: 'fixed_off_order', amount: { amount: '5.00', currency: 'EUR' } } },
];
const germanVat = { origin: { country: 'DE' },
                    zones: [{ id: 'de', country: 'DE', rates: { standard: [{ name: 'VAT', rate: '19' }],
                                                                 reduced: [{ name: 'VAT', rate: '7' }] } }] };

// The bench cart's id and its variants.
function openShop(engine) {
  engine.bootstrapAdmin('admin@bench.test', 'bench password');
  const admin = engine.login('admin@bench.test', 'bench password');
  engine.setTaxDefinition(admin, germanVat);
  for (const promotion of promotions) engine.createPromotion(admin, promotion);
  const cart = engine.createCart(null, 'EUR').id;
  const variants = [];
  for (let i = 0; i < 10; i += 1) {
    const product = engine.createProduct(admin, {
      sku: `P${i}`, title: `Product ${i}`, tax_class: i % 3 ? 'standard' : 'reduced', tags: [i % 2 ? 'sale' : 'new'],
      prices: [{ amount: `${3 + i}.99`, currency: 'EUR' }], stock: 1000000 });
    variants.push(product.variants[0].id);
    engine.addItem(null, cart, variants[i], 1 + (i % 3));
  }
  engine.updateCart(null, cart, { shipping_address: { country: 'DE' } });
  if (engine.applyCoupon(null, cart, 'BENCH').discounts.length !== 3) {
    throw new Error('the bench cart should get all 3 promotions');
  }
  return { cart, variants };
}

function timed(name, call) {
  let calls = 0;
  const start = process.hrtime.bigint();
  const elapsedMs = () => Number(process.hrtime.bigint() - start) / 1e6;
  while (calls < maxCalls && elapsedMs() < durationMs) {
    call(calls);
    calls += 1;
  }
  const seconds = elapsedMs() / 1000;
  console.log(`node   pricing ${name.padEnd(18)} ${String(calls).padStart(8)} calls  ` +
              `${(calls / seconds).toFixed(1).padStart(9)} /s  ${(seconds / calls * 1e6).toFixed(1).padStart(9)} us/call`);
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-bench-'));
try {
  const engine = commerce.Engine.open({ path: path.join(folder, 'bench.db'), durability: 'normal',
                                        password_hashing: fastHashing });
  const { cart, variants } = openShop(engine);
  timed('reprice', () => engine.getCart(null, cart));
  timed('reprice_totals', () => engine.getCartTotals(null, cart));
  timed('change_and_reprice', (i) => engine.updateItem(null, cart, variants[4], (i % 4) + 1));
  engine.close();
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
