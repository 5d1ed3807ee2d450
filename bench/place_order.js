'use strict';
// Orders placed per second through the Node binding, on a file database (WAL), durability full and normal.
// The same purchase as bench/place_order_bench.cpp: a guest cart, two products added, the order placed.
// Run by `make bench` (CTest label "bench"); alone: COMMERCE_NODE_ADDON=... node bench/place_order.js
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const commerce = require(process.env.COMMERCE_NODE_PACKAGE || '../bindings/node');

const durationMs = Number(process.env.COMMERCE_BENCH_SECONDS || 3) * 1000;
const maxOrders = 200000;
const fastHashing = { memory_kib: 64, iterations: 1, parallelism: 1 };

function placeOrders(durability) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-bench-'));
  try {
    const engine = commerce.Engine.open({ path: path.join(folder, 'bench.db'), durability,
                                          password_hashing: fastHashing });
    engine.bootstrapAdmin('admin@bench.test', 'bench password');
    const admin = engine.login('admin@bench.test', 'bench password');
    const products = [0, 1].map((i) => engine.createProduct(admin, {
      sku: `B${i}`, title: `Bench ${i}`, stock: 1000000000, prices: [{ amount: '3.99', currency: 'EUR' }] }).id);
    const request = { payment: { method: 'manual', kind: 'cash' }, email: 'guest@bench.test' };
    let orders = 0;
    const start = process.hrtime.bigint();
    const elapsedMs = () => Number(process.hrtime.bigint() - start) / 1e6;
    while (orders < maxOrders && elapsedMs() < durationMs) {
      const cart = engine.createCart(null, 'EUR').id;
      for (const product of products) engine.addItem(null, cart, product, 2);
      engine.placeOrder(null, cart, request);
      orders += 1;
    }
    const seconds = elapsedMs() / 1000;
    engine.close();
    console.log(`node   place_order file_wal_${durability.padEnd(6)} ${String(orders).padStart(7)} orders  ` +
                `${(orders / seconds).toFixed(1).padStart(9)} orders/s  ` +
                `${(seconds / orders * 1e6).toFixed(1).padStart(9)} us/order`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

for (const durability of process.argv.slice(2).length ? process.argv.slice(2) : ['full', 'normal']) {
  placeOrders(durability);
}
