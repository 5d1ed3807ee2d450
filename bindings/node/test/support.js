'use strict';
// What the binding's tests share: an in-memory engine with fast password hashing on a manual clock, its
// administrator, a tax definition, exact cents of EUR amounts, and an assertion that a call fails with one error
// class and that class's stable code.
// (node --test also loads this file; it declares no tests.)

const assert = require('node:assert/strict');

const commerce = require('..');

const START_MS = 1794000000000; // 2026-11-06T21:20:00Z
const HASHING = { memory_kib: 64, iterations: 1, parallelism: 1 };
const CONFIG = { path: ':memory:', password_hashing: HASHING, clock: 'manual', clock_start_ms: START_MS };
const PASSWORD = 'correct horse battery';
const eur = (amount) => ({ amount, currency: 'EUR' });
// Decimal strings to integer hundredths: exact for EUR.
const cents = (money) => BigInt(money.amount.replace('.', ''));
// A tax definition: German VAT of 19% on the standard class.
const GERMANY = {
  origin: { country: 'DE' },
  zones: [{ id: 'de', country: 'DE', rates: { standard: [{ name: 'VAT', rate: '19' }] } }],
};

// A fresh engine and the session of its administrator.
function openAsAdmin(config = CONFIG) {
  const engine = commerce.open(config);
  engine.bootstrapAdmin('admin@example.com', PASSWORD);
  return { engine, admin: engine.login('admin@example.com', PASSWORD) };
}

// The error fn throws: a Cls carrying Cls's code, its name and a details object.
function expectError(Cls, fn) {
  let caught;
  assert.throws(fn, (err) => { caught = err; return true; });
  assert.ok(caught instanceof Cls, `expected ${Cls.name}, got ${caught && caught.stack}`);
  assert.ok(caught instanceof commerce.CommerceError);
  assert.equal(caught.code, Cls.code);
  assert.equal(caught.codeName, commerce.statusName(Cls.code));
  assert.equal(typeof caught.details, 'object');
  return caught;
}

module.exports = { START_MS, HASHING, CONFIG, PASSWORD, GERMANY, eur, cents, openAsAdmin, expectError };
