'use strict';
// Tests of the Node binding's identity, access and outbox calls (identity.h, access.h, outbox.h). Every engine
// runs on a manual clock, so that TOTP codes, session expiry and outbox backoff are deterministic.

const { test, describe, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const commerce = require('..');
const { expectError } = require('./support');

const HASHING = { memory_kib: 64, iterations: 1, parallelism: 1 };
const START_MS = 1794000000000; // 2026-11-06T21:20:00Z
const TODAY = '2026-11-06';
const CONFIG = { path: ':memory:', password_hashing: HASHING, clock: 'manual', clock_start_ms: START_MS };
const JWT = { keys: [{ kid: 'k1', secret: '0123456789abcdef0123456789abcdef' }], signing_kid: 'k1' };
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'new correct horse battery';
const NEWER_PASSWORD = 'newer correct horse battery';
const CONTEXT = { ip: '203.0.113.7', user_agent: 'node --test' };
const HOME = {
  name: 'Alice Liddell', line1: '1 Main St', city: 'Zürich', region: 'ZH', postal_code: '8001', country: 'CH',
  default_shipping: true,
};
const WORK = { name: 'Alice Liddell', company: 'Wonderland AG', line1: '2 Side St', city: 'Basel', country: 'CH',
  default_billing: true };

// ---------------------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------------------

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.toUpperCase().replace(/=+$/, '')) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s) of a base32 secret at unixMs. */
function totp(secret, unixMs) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixMs / 30000)));
  const mac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

const at = (ms) => new Date(ms).getTime();
const time = (text) => new Date(text).getTime();

/** An engine on a manual clock with an admin; it keeps the clock's time and delivers the outbox. */
class Shop {
  constructor(extra = {}) {
    this.e = commerce.open({ ...CONFIG, ...extra });
    this.now = START_MS;
    this.adminUser = this.e.bootstrapAdmin('admin@example.com', PASSWORD);
    this.admin = this.e.login('admin@example.com', PASSWORD, CONTEXT);
    assert.equal(this.admin.type, 'session');
    this.drain();
  }

  advance(seconds) {
    this.e.advanceTime(seconds * 1000);
    this.now += seconds * 1000;
  }

  /** Fetches and acknowledges every due event; returns them. */
  drain() {
    const events = [];
    for (;;) {
      const batch = this.e.fetchOutbox({ limit: 100 });
      assert.equal(batch.type, 'outbox_batch');
      if (batch.events.length === 0) return events;
      for (const ev of batch.events) this.e.ackEvent(ev);
      events.push(...batch.events);
    }
  }

  /** The payload of the one delivered event of that topic for that email. */
  payload(topic, email) {
    const found = this.drain().filter((ev) => ev.topic === topic && ev.payload.email === email);
    assert.equal(found.length, 1, JSON.stringify(found));
    return found[0].payload;
  }

  /** Registers and verifies a customer; returns [user, session]. */
  customer(email, password = PASSWORD) {
    const user = this.e.registerUser(email, password);
    this.e.verifyEmail(this.payload('user.verification_requested', email).token);
    return [user, this.e.login(email, password, CONTEXT)];
  }

  userCount() { return this.e.listUsers(this.admin, { limit: 100 }).items.length; }

  assertNothingWritten(usersBefore) {
    assert.equal(this.userCount(), usersBefore);
    assert.deepEqual(this.e.fetchOutbox().events, []);
  }
}

// ---------------------------------------------------------------------------------------------------------

describe('identity', () => {
  let shop;
  beforeEach(() => { shop = new Shop(); });
  afterEach(() => { shop.e.close(); });

  test('register, outbox, verify, login with context, me, profile', () => {
    const { e } = shop;
    const user = e.registerUser('  Alice@Example.com ', PASSWORD);
    assert.equal(user.type, 'user');
    assert.equal(user.email, 'alice@example.com');
    assert.equal(user.email_verified, false);
    assert.equal(user.status, 'active');
    assert.deepEqual(user.roles, ['customer']);
    assert.deepEqual(user.profile, { name: null, phone: null, locale: null, currency: null });

    const events = shop.drain();
    assert.deepEqual(events.map((ev) => ev.topic).sort(), ['user.registered', 'user.verification_requested']);
    for (const ev of events) {
      assert.equal(ev.payload.user_id, user.id);
      assert.equal(ev.attempts, 0);
    }
    const { token } = events.find((ev) => ev.topic === 'user.verification_requested').payload;
    assert.equal(typeof token, 'string');
    assert.equal(e.verifyEmail(token).email_verified, true);
    expectError(commerce.UnauthorizedError, () => e.verifyEmail(token));
    e.resendVerification('nobody@example.com');

    const session = e.login('alice@example.com', PASSWORD, CONTEXT);
    assert.equal(session.type, 'session');
    assert.equal(session.user_id, user.id);
    assert.equal(session.token.length, 64);
    assert.equal(session.access_token, undefined);
    assert.ok(time(session.idle_expires_at) <= time(session.expires_at));
    assert.equal(e.login('alice@example.com', PASSWORD).type, 'session'); // context is optional
    assert.equal(e.me(session).id, user.id);

    let me = e.updateProfile(session, { name: 'Alice Liddell', phone: '+41 44 000 00 00', locale: 'de-CH',
      currency: 'CHF' });
    assert.deepEqual(me.profile, { name: 'Alice Liddell', phone: '+41 44 000 00 00', locale: 'de-CH',
      currency: 'CHF' });
    me = e.updateProfile(session.token, { phone: null });
    assert.equal(me.profile.phone, null);
    assert.equal(me.profile.name, 'Alice Liddell');
  });

  test('addresses and defaults', () => {
    const { e } = shop;
    const [user, s] = shop.customer('alice@example.com');
    const home = e.addAddress(s, HOME);
    assert.equal(home.type, 'address');
    assert.equal(home.user_id, user.id);
    assert.equal(home.company, '');
    assert.equal(home.default_shipping, true);
    let work = e.addAddress(s, WORK);
    assert.equal(work.default_billing, true);
    let me = e.me(s);
    assert.equal(me.default_shipping_address_id, home.id);
    assert.equal(me.default_billing_address_id, work.id);
    assert.deepEqual(e.listAddresses(s).items.map((a) => a.id).sort(), [home.id, work.id].sort());

    work = e.updateAddress(s, work, { default_shipping: true, line2: 'Floor 3' });
    assert.equal(work.line2, 'Floor 3');
    assert.equal(e.listAddresses(s).items.find((a) => a.id === home.id).default_shipping, false);
    assert.equal(e.me(s).default_shipping_address_id, work.id);

    e.removeAddress(s, work.id);
    assert.deepEqual(e.listAddresses(s).items.map((a) => a.id), [home.id]);
    me = e.me(s);
    assert.equal(me.default_shipping_address_id, null);
    assert.equal(me.default_billing_address_id, null);

    const before = e.listAddresses(s);
    expectError(commerce.InvalidArgumentError, () => e.addAddress(s, { ...HOME, country: 'Switzerland' }));
    expectError(commerce.InvalidArgumentError, () => e.addAddress(s, { city: 'Bern', country: 'CH' }));
    const [, mallory] = shop.customer('mallory@example.com');
    assert.throws(() => e.updateAddress(mallory, home.id, { city: 'Elsewhere' }),
      (err) => err instanceof commerce.NotFoundError || err instanceof commerce.ForbiddenError);
    assert.deepEqual(e.listAddresses(s), before);
  });

  test('change password, reset through the outbox', () => {
    const { e } = shop;
    const [, s1] = shop.customer('alice@example.com');
    const s2 = e.login('alice@example.com', PASSWORD);
    expectError(commerce.UnauthorizedError, () => e.changePassword(s1, 'wrong password', NEW_PASSWORD));
    e.changePassword(s1, PASSWORD, NEW_PASSWORD);
    assert.equal(e.me(s1).email, 'alice@example.com');
    expectError(commerce.UnauthorizedError, () => e.me(s2));
    expectError(commerce.UnauthorizedError, () => e.login('alice@example.com', PASSWORD));
    const s3 = e.login('alice@example.com', NEW_PASSWORD);

    e.requestPasswordReset('nobody@example.com');
    assert.deepEqual(shop.drain(), []);
    e.requestPasswordReset('alice@example.com');
    const payload = shop.payload('user.password_reset_requested', 'alice@example.com');
    assert.equal(payload.reason, 'requested');
    e.resetPassword(payload.token, NEWER_PASSWORD);
    for (const old of [s1, s3]) expectError(commerce.UnauthorizedError, () => e.me(old));
    expectError(commerce.UnauthorizedError, () => e.resetPassword(payload.token, 'yet another password'));
    assert.equal(e.login('alice@example.com', NEWER_PASSWORD).type, 'session');
  });

  test('TOTP, replay, recovery codes, email codes', () => {
    const { e } = shop;
    const [user, s] = shop.customer('alice@example.com');
    const enrollment = e.enrollTotp(s);
    assert.equal(enrollment.type, 'totp_enrollment');
    assert.ok(enrollment.otpauth_uri.startsWith('otpauth://totp/'));
    assert.deepEqual([enrollment.algorithm, enrollment.digits, enrollment.period], ['SHA1', 6, 30]);
    const { secret } = enrollment;
    assert.equal(e.mfaStatus(s).totp, false);

    const codes = e.confirmTotp(s, totp(secret, shop.now));
    assert.equal(codes.type, 'recovery_codes');
    assert.equal(codes.codes.length, 10);
    assert.deepEqual(e.mfaStatus(s), { type: 'mfa_status', schema_version: 1, totp: true, email_otp: false,
      recovery_codes_left: 10 });

    shop.advance(30);
    const challenge = e.login('alice@example.com', PASSWORD, CONTEXT);
    assert.equal(challenge.type, 'login_challenge');
    assert.equal(challenge.challenge.length, 64);
    assert.ok(challenge.methods.includes('totp'));
    assert.throws(() => e.me(challenge), TypeError); // a challenge is no session
    const code = totp(secret, shop.now);
    const session = e.completeLogin(challenge, 'totp', code, CONTEXT);
    assert.equal(session.type, 'session');
    assert.equal(e.me(session).id, user.id);

    const second = e.login('alice@example.com', PASSWORD);
    expectError(commerce.UnauthorizedError, () => e.completeLogin(second.challenge, 'totp', code)); // replay
    assert.equal(e.completeLogin(second, 'recovery_code', codes.codes[0]).user_id, user.id);
    const third = e.login('alice@example.com', PASSWORD);
    expectError(commerce.UnauthorizedError, () => e.completeLogin(third, 'recovery_code', codes.codes[0]));
    assert.equal(e.mfaStatus(s).recovery_codes_left, 9);
    assert.equal(e.regenerateRecoveryCodes(s, PASSWORD).codes.length, 10);
    assert.equal(e.mfaStatus(s).recovery_codes_left, 10);

    assert.equal(e.setEmailOtp(s, true).email_otp, true);
    assert.throws(() => e.setEmailOtp(s, 1), TypeError);
    const viaEmail = e.login('alice@example.com', PASSWORD);
    assert.ok(viaEmail.methods.includes('email_otp'));
    shop.drain();
    e.sendEmailOtp(viaEmail);
    const otp = shop.payload('user.otp_requested', 'alice@example.com').code;
    assert.match(otp, /^[0-9]{6}$/);
    assert.equal(e.completeLogin(viaEmail.challenge, 'email_otp', otp).type, 'session');

    expectError(commerce.UnauthorizedError, () => e.disableMfa(s, 'wrong password'));
    e.disableMfa(s, PASSWORD);
    assert.equal(e.login('alice@example.com', PASSWORD).type, 'session');
  });

  test('logout others, the manual clock', () => {
    const { e } = shop;
    const [, a] = shop.customer('alice@example.com');
    const b = e.login('alice@example.com', PASSWORD);
    e.logoutOthers(a);
    assert.equal(e.me(a).email, 'alice@example.com');
    expectError(commerce.UnauthorizedError, () => e.me(b));
    expectError(commerce.InvalidArgumentError, () => e.setTime(shop.now - 1));
    e.setTime(shop.now + 1000);
    e.setTime(new Date(shop.now + 2000));
    e.advanceTime(1000n);
    assert.throws(() => e.advanceTime(1.5), TypeError);
    expectError(commerce.OverflowError, () => e.setTime(2 ** 63));
    const system = commerce.open({ path: ':memory:', password_hashing: HASHING });
    try {
      expectError(commerce.MisuseError, () => system.advanceTime(1));
    } finally {
      system.close();
    }
  });

  test('social login and linking', () => {
    const { e } = shop;
    const first = e.socialLogin('google', 'g-1', { email: 'sam@example.com', email_verified: true, name: 'Sam' });
    assert.equal(first.type, 'session');
    const sam = e.me(first);
    assert.equal(sam.email, 'sam@example.com');
    assert.equal(e.socialLogin('google', 'g-1').user_id, sam.id);
    expectError(commerce.IllegalStateError, () => e.unlinkIdentity(first, 'google', 'g-1'));
    const [alice, s] = shop.customer('alice@example.com');
    expectError(commerce.ExistsError, () => e.linkIdentity(s, 'google', 'g-1'));
    expectError(commerce.ExistsError, () => e.socialLogin('github', 'gh-9', { email: 'alice@example.com' }));
    e.linkIdentity(s, 'github', 'gh-9');
    assert.equal(e.socialLogin('github', 'gh-9').user_id, alice.id);
    e.unlinkIdentity(s, 'github', 'gh-9');
  });
});

describe('sessions expire on the manual clock', () => {
  test('idle and absolute lifetime', () => {
    const shop = new Shop({ identity: { session_idle_seconds: 600, session_absolute_seconds: 3600 } });
    const { e } = shop;
    try {
      shop.customer('alice@example.com');
      const s = e.login('alice@example.com', PASSWORD);
      assert.equal(time(s.expires_at), at(shop.now + 3600 * 1000));
      assert.equal(time(s.idle_expires_at), at(shop.now + 600 * 1000));
      for (let i = 0; i < 7; i += 1) {
        shop.advance(500);
        assert.equal(e.me(s).email, 'alice@example.com');
      }
      shop.advance(200);
      expectError(commerce.UnauthorizedError, () => e.me(s));
      const idle = e.login('alice@example.com', PASSWORD);
      shop.advance(601);
      expectError(commerce.UnauthorizedError, () => e.me(idle));
    } finally {
      e.close();
    }
  });
});

describe('administration', () => {
  let shop;
  beforeEach(() => { shop = new Shop(); });
  afterEach(() => { shop.e.close(); });

  test('users, suspension, roles, audit', () => {
    const { e, admin } = shop;
    for (const i of [1, 2, 3]) e.registerUser(`ada${i}@example.com`, PASSWORD);
    const [bob, bobSession] = shop.customer('bob@example.com');
    const page = e.listUsers(admin, { search: 'ada', limit: 2 });
    assert.equal(page.type, 'user_list');
    assert.equal(page.items.length, 2);
    assert.equal(typeof page.next, 'string');
    const rest = e.listUsers(admin, { search: 'ada', limit: 2, after: page.next });
    assert.equal(rest.items.length, 1);
    assert.equal(rest.next, null);
    assert.deepEqual([...page.items, ...rest.items].map((u) => u.email).sort(),
      ['ada1@example.com', 'ada2@example.com', 'ada3@example.com']);
    assert.equal(e.getUser(admin, bob).email, 'bob@example.com');

    const err = expectError(commerce.ForbiddenError, () => e.listUsers(bobSession));
    assert.equal(err.details.required_permission, 'users.read');
    expectError(commerce.ForbiddenError, () => e.suspendUser(bobSession, shop.adminUser.id));
    expectError(commerce.ForbiddenError, () => e.defineRole(bobSession, { name: 'x', permissions: [] }));
    expectError(commerce.ForbiddenError, () => e.listAudit(bobSession));
    expectError(commerce.ForbiddenError, () => e.reportLogins(bobSession, { from: TODAY, to: TODAY }));

    assert.equal(e.suspendUser(admin, bob.id, 'chargebacks').status, 'suspended');
    expectError(commerce.UnauthorizedError, () => e.me(bobSession));
    const refused = expectError(commerce.ForbiddenError, () => e.login('bob@example.com', PASSWORD));
    assert.equal(refused.details.reason, 'suspended');
    assert.equal(e.unsuspendUser(admin, bob.id).status, 'active');
    assert.equal(e.login('bob@example.com', PASSWORD).type, 'session');

    const staff = e.setRoles(admin, bob.id, ['customer', 'staff']);
    assert.deepEqual([...staff.roles].sort(), ['customer', 'staff']);
    assert.ok(staff.permissions.includes('catalog.write'));

    const role = e.defineRole(admin, { name: 'support', description: 'Support desk',
      permissions: ['orders.read', 'users.read'] });
    assert.equal(role.type, 'role');
    assert.equal(role.builtin, false);
    const names = e.listRoles(admin).items.map((r) => r.name);
    for (const name of ['admin', 'staff', 'vendor', 'customer', 'support']) assert.ok(names.includes(name), name);
    e.setRoles(admin, bob, ['support']);
    expectError(commerce.IllegalStateError, () => e.deleteRole(admin, 'support'));
    e.setRoles(admin, bob.id, '["customer"]'); // JSON text is accepted too
    e.deleteRole(admin, 'support');
    assert.ok(!e.listRoles(admin).items.some((r) => r.name === 'support'));

    e.forcePasswordReset(admin, bob.id);
    assert.equal(shop.payload('user.password_reset_requested', 'bob@example.com').reason, 'forced');
    assert.equal(e.getUser(admin, bob.id).password_reset_required, true);

    const audit = e.listAudit(admin);
    assert.equal(audit.type, 'audit_list');
    assert.ok(audit.items.some((entry) => entry.action === 'user.suspend'));
    const suspends = e.listAudit(admin, { action: 'user.suspend' }).items;
    assert.equal(suspends.length, 1);
    assert.equal(suspends[0].target_id, bob.id);
    assert.equal(suspends[0].actor_id, shop.adminUser.id);
  });

  test('login report counts', () => {
    const { e } = shop;
    shop.customer('alice@example.com');
    const query = { from: TODAY, to: TODAY };
    const before = e.reportLogins(shop.admin, query);
    assert.equal(before.type, 'login_report');
    e.login('alice@example.com', PASSWORD, CONTEXT);
    e.login('alice@example.com', PASSWORD);
    expectError(commerce.UnauthorizedError, () => e.login('alice@example.com', 'wrong password'));
    const after = e.reportLogins(shop.admin, query);
    assert.equal(after.totals.logins, before.totals.logins + 2);
    assert.equal(after.totals.failures, before.totals.failures + 1);
    assert.deepEqual(after.days.map((d) => d.date), [TODAY]);
  });

  test('export and erase', () => {
    const { e, admin } = shop;
    const product = e.createProduct(admin, { sku: 'SOAP', title: 'Soap', stock: 5,
      prices: [{ amount: '2.50', currency: 'EUR' }] });
    const [alice, s] = shop.customer('alice@example.com');
    e.addAddress(s, HOME);
    const cart = e.addItem(s, e.createCart(s, 'EUR').id, product.id, 2);
    const order = e.placeOrder(s, cart.id, { payment: { method: 'manual', kind: 'cash_on_delivery' } });
    const exported = e.exportUser(s);
    assert.equal(exported.type, 'user_export');
    assert.equal(exported.user.email, 'alice@example.com');
    assert.deepEqual(exported.orders.map((o) => o.id), [order.id]);
    assert.equal(exported.addresses.length, 1);
    assert.ok(exported.login_events.length > 0);
    assert.equal(e.exportUser(admin, alice).user.id, alice.id);

    e.eraseUser(s);
    expectError(commerce.UnauthorizedError, () => e.me(s));
    const erased = e.getUser(admin, alice.id);
    assert.equal(erased.status, 'erased');
    assert.ok(!JSON.stringify(erased).includes('alice@example.com'));
    assert.deepEqual(e.listUsers(admin, { search: 'alice' }).items, []);
    assert.equal(e.getOrder(admin, order.id).id, order.id);
  });

  test('outbox ack, fail, lease', () => {
    const { e } = shop;
    e.registerUser('carol@example.com', PASSWORD);
    const [registered] = e.fetchOutbox({ topics: ['user.registered'], lease_seconds: 60 }).events;
    assert.equal(registered.topic, 'user.registered');
    assert.deepEqual(e.fetchOutbox({ topics: ['user.registered'] }).events, []);
    e.failEvent(registered, 'smtp: connection refused');
    assert.deepEqual(e.fetchOutbox({ topics: ['user.registered'] }).events, []);
    shop.advance(3601);
    const [again] = e.fetchOutbox({ topics: ['user.registered'] }).events;
    assert.equal(again.id, registered.id);
    assert.equal(again.attempts, 1);
    e.ackEvent(again.id);
    e.ackEvent(again); // twice is fine
    shop.advance(7200);
    assert.deepEqual(e.fetchOutbox({ topics: ['user.registered'] }).events, []);
  });
});

describe('JWT access tokens', () => {
  test('issue, verify, tamper, expire', () => {
    const shop = new Shop({ identity: { jwt: JWT } });
    const { e } = shop;
    try {
      const [alice] = shop.customer('alice@example.com');
      const session = e.login('alice@example.com', PASSWORD);
      assert.equal(session.access_token.split('.').length, 3);
      const issued = e.issueAccessToken(session);
      assert.equal(issued.type, 'access_token');
      assert.equal(issued.kid, 'k1');
      const claims = e.verifyAccessToken(issued.token);
      assert.equal(claims.type, 'access_token_claims');
      assert.equal(claims.sub, alice.id);
      assert.equal(claims.iss, 'commerce');
      assert.equal(claims.iat, Math.floor(shop.now / 1000));
      assert.equal(claims.exp - claims.iat, 900);
      assert.equal(e.verifyAccessToken(issued).sub, alice.id);

      const [header, payload, signature] = issued.token.split('.');
      const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
      expectError(commerce.UnauthorizedError, () => e.verifyAccessToken([header, payload, flipped].join('.')));
      const body = JSON.parse(Buffer.from(payload, 'base64url').toString());
      body.sub = shop.adminUser.id;
      const forged = Buffer.from(JSON.stringify(body)).toString('base64url');
      expectError(commerce.UnauthorizedError, () => e.verifyAccessToken([header, forged, signature].join('.')));
      expectError(commerce.UnauthorizedError, () => e.verifyAccessToken('not-a-jwt'));
      shop.advance(901);
      expectError(commerce.UnauthorizedError, () => e.verifyAccessToken(issued.token));
    } finally {
      e.close();
    }
    const plain = new Shop();
    try {
      expectError(commerce.MisuseError, () => plain.e.issueAccessToken(plain.admin));
    } finally {
      plain.e.close();
    }
  });
});

describe('bad input changes nothing', () => {
  let shop;
  beforeEach(() => { shop = new Shop(); });
  afterEach(() => { shop.e.close(); });

  // A JavaScript string cannot hold invalid UTF-8 bytes; a lone surrogate is what it can hold, and the addon
  // passes it as bytes that are not valid UTF-8 (see commerce.test.js).
  test('register: malformed email, bad passwords, invalid UTF-8', () => {
    const before = shop.userCount();
    for (const email of ['not-an-email', '', 'a@', '@example.com', 'two@@example.com', 'bad\ud800@example.com']) {
      const err = expectError(commerce.InvalidArgumentError, () => shop.e.registerUser(email, PASSWORD));
      assert.equal(err.details.field, 'email', email);
    }
    for (const password of ['', 'short', 'x'.repeat(10240), 'bad password \ud800', 'password']) {
      const err = expectError(commerce.InvalidArgumentError, () => shop.e.registerUser('eve@example.com', password));
      assert.equal(err.details.field, 'password');
    }
    shop.assertNothingWritten(before);
  });

  test('profile, address and login input', () => {
    const { e } = shop;
    const [, s] = shop.customer('alice@example.com');
    const before = shop.userCount();
    const me = e.me(s);
    expectError(commerce.InvalidArgumentError, () => e.updateProfile(s, { name: 'bad \ud800' }));
    expectError(commerce.InvalidArgumentError, () => e.updateProfile(s, { locale: 42 }));
    expectError(commerce.InvalidArgumentError, () => e.changePassword(s, PASSWORD, ''));
    expectError(commerce.InvalidArgumentError, () => e.changePassword(s, PASSWORD, 'x'.repeat(10240)));
    expectError(commerce.InvalidArgumentError, () => e.addAddress(s, { ...HOME, city: 'bad \udfff' }));
    expectError(commerce.InvalidArgumentError, () => e.login('bad\ud800@example.com', PASSWORD));
    expectError(commerce.InvalidArgumentError, () => e.login('alice@example.com', 'x'.repeat(10240)));
    expectError(commerce.InvalidArgumentError, () => e.login('alice@example.com', PASSWORD, '{not json'));
    const err = expectError(commerce.InvalidArgumentError, () => e.verifyEmail('abc\0def'));
    assert.deepEqual(err.details, { field: 'token' });
    assert.throws(() => e.setRoles(shop.admin, me.id, { customer: true }), TypeError);
    assert.deepEqual(e.me(s), me);
    assert.deepEqual(e.listAddresses(s).items, []);
    shop.assertNothingWritten(before);
  });
});
