"""Tests of the Python binding's identity, access and outbox calls (identity.h, access.h, outbox.h).

Every engine runs on a manual clock, so that TOTP codes, session expiry and outbox backoff are deterministic.
"""

import base64
import hashlib
import hmac
import json
import struct
from datetime import datetime, timedelta, timezone

import pytest

import commerce

HASHING = {"memory_kib": 64, "iterations": 1, "parallelism": 1}
START_MS = 1794000000000  # 2026-11-06T21:20:00Z
TODAY = "2026-11-06"
CONFIG = {"path": ":memory:", "password_hashing": HASHING, "clock": "manual", "clock_start_ms": START_MS}
JWT_SECRET = "0123456789abcdef0123456789abcdef"
PASSWORD = "correct horse battery"
NEW_PASSWORD = "new correct horse battery"
NEWER_PASSWORD = "newer correct horse battery"
CONTEXT = {"ip": "203.0.113.7", "user_agent": "pytest"}
HOME = {"name": "Alice Liddell", "company": "", "line1": "1 Main St", "line2": "", "city": "Zürich", "region": "ZH",
        "postal_code": "8001", "country": "CH", "phone": "", "default_shipping": True, "default_billing": False}
WORK = {"name": "Alice Liddell", "company": "Wonderland AG", "line1": "2 Side St", "city": "Basel",
        "country": "CH", "default_billing": True}


# ---------------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------------


def totp(secret, unix_ms, digits=6, period=30):
    """RFC 6238 TOTP (HMAC-SHA1) of a base32 secret without padding, at unix_ms."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = unix_ms // 1000 // period
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 10 ** digits
    return str(value).zfill(digits)


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def at(ms):
    return datetime.fromtimestamp(ms / 1000, timezone.utc)


def expect_error(cls, fn, *args, **kwargs):
    with pytest.raises(cls) as info:
        fn(*args, **kwargs)
    err = info.value
    assert err.code == cls.code and err.name == commerce.status_name(cls.code)
    assert isinstance(err.details, dict)
    return err


class Shop:
    """An engine on a manual clock with an admin; it keeps the clock's time and delivers the outbox."""

    def __init__(self, **config):
        self.engine = commerce.open({**CONFIG, **config})
        self.now = START_MS
        e = self.engine
        self.admin_user = e.bootstrap_admin("admin@example.com", PASSWORD)
        self.admin = e.login("admin@example.com", PASSWORD, context=CONTEXT)
        assert self.admin["type"] == "session"
        self.drain()

    def advance(self, seconds):
        self.engine.advance_time(int(seconds * 1000))
        self.now += int(seconds * 1000)

    def drain(self, **query):
        """Fetches and acknowledges every due event; returns them."""
        events = []
        while True:
            batch = self.engine.fetch_outbox({"limit": 100, **query})
            assert batch["type"] == "outbox_batch"
            if not batch["events"]:
                return events
            for event in batch["events"]:
                self.engine.ack_event(event)
            events += batch["events"]

    def token(self, topic, email):
        """The payload of the one event of that topic for that email, from the delivered outbox."""
        found = [ev for ev in self.drain() if ev["topic"] == topic and ev["payload"]["email"] == email]
        assert len(found) == 1, found
        return found[0]["payload"]

    def customer(self, email, password=PASSWORD):
        """Registers and verifies a customer; returns (user, session)."""
        user = self.engine.register_user(email, password)
        payload = self.token("user.verification_requested", email)
        self.engine.verify_email(payload["token"])
        return user, self.engine.login(email, password, context=CONTEXT)

    def user_count(self):
        return len(self.engine.list_users(self.admin, {"limit": 100})["items"])


@pytest.fixture
def shop():
    s = Shop()
    yield s
    s.engine.close()


def assert_nothing_written(shop, users_before):
    assert shop.user_count() == users_before
    assert shop.engine.fetch_outbox()["events"] == []


# ---------------------------------------------------------------------------------------------------------
# accounts, sessions, profile
# ---------------------------------------------------------------------------------------------------------


def test_register_verify_login_profile(shop):
    e = shop.engine
    user = e.register_user("  Alice@Example.com ", PASSWORD)
    assert user["type"] == "user" and user["email"] == "alice@example.com"
    assert user["email_verified"] is False and user["status"] == "active"
    assert user["roles"] == ["customer"] and user["mfa"] == {"totp": False, "email_otp": False}
    assert user["profile"] == {"name": None, "phone": None, "locale": None, "currency": None}

    events = shop.drain()
    topics = sorted(ev["topic"] for ev in events)
    assert topics == ["user.registered", "user.verification_requested"]
    for ev in events:
        assert ev["payload"]["user_id"] == user["id"] and ev["payload"]["email"] == "alice@example.com"
        assert ev["attempts"] == 0 and ev["id"]
    token = next(ev for ev in events if ev["topic"] == "user.verification_requested")["payload"]["token"]
    assert isinstance(token, str) and token

    verified = e.verify_email(token)
    assert verified["id"] == user["id"] and verified["email_verified"] is True
    expect_error(commerce.Unauthorized, e.verify_email, token)  # single use
    expect_error(commerce.Unauthorized, e.verify_email, "no-such-token")
    e.resend_verification("alice@example.com")  # already verified: succeeds, reveals nothing
    e.resend_verification("nobody@example.com")

    session = e.login("alice@example.com", PASSWORD, context=CONTEXT)
    assert session["type"] == "session" and session["user_id"] == user["id"]
    assert len(session["token"]) == 64 and "access_token" not in session
    assert parse_time(session["idle_expires_at"]) <= parse_time(session["expires_at"])
    assert e.login("alice@example.com", PASSWORD)["token"] != session["token"]  # context is optional
    assert e.me(session)["id"] == user["id"] and e.me(session["token"])["email_verified"] is True

    me = e.update_profile(session, {"name": "Alice Liddell", "phone": "+41 44 000 00 00", "locale": "de-CH",
                                    "currency": "CHF"})
    assert me["profile"] == {"name": "Alice Liddell", "phone": "+41 44 000 00 00", "locale": "de-CH",
                             "currency": "CHF"}
    me = e.update_profile(session, {"phone": None})  # null clears, absent keeps
    assert me["profile"]["phone"] is None and me["profile"]["name"] == "Alice Liddell"
    assert e.me(session)["profile"] == me["profile"]
    expect_error(commerce.Unauthorized, e.update_profile, None, {"name": "x"})


def test_addresses_and_defaults(shop):
    e = shop.engine
    user, s = shop.customer("alice@example.com")
    home = e.add_address(s, HOME)
    assert home["type"] == "address" and home["user_id"] == user["id"] and home["city"] == "Zürich"
    assert home["default_shipping"] is True and home["default_billing"] is False and home["company"] == ""
    work = e.add_address(s, WORK)
    assert work["line2"] == "" and work["default_billing"] is True
    me = e.me(s)
    assert me["default_shipping_address_id"] == home["id"] and me["default_billing_address_id"] == work["id"]

    listed = e.list_addresses(s)
    assert listed["type"] == "address_list" and sorted(a["id"] for a in listed["items"]) == sorted(
        [home["id"], work["id"]])

    work = e.update_address(s, work, {"default_shipping": True, "line2": "Floor 3"})
    assert work["default_shipping"] is True and work["line2"] == "Floor 3" and work["city"] == "Basel"
    by_id = {a["id"]: a for a in e.list_addresses(s)["items"]}
    assert by_id[home["id"]]["default_shipping"] is False  # one default shipping address
    assert e.me(s)["default_shipping_address_id"] == work["id"]

    e.remove_address(s, work["id"])
    assert [a["id"] for a in e.list_addresses(s)["items"]] == [home["id"]]
    me = e.me(s)
    assert me["default_shipping_address_id"] is None and me["default_billing_address_id"] is None

    before = e.list_addresses(s)
    expect_error(commerce.InvalidArgument, e.add_address, s, {**HOME, "country": "Switzerland"})
    expect_error(commerce.InvalidArgument, e.add_address, s, {"city": "Bern", "country": "CH"})  # no line1
    _, mallory = shop.customer("mallory@example.com")
    with pytest.raises((commerce.NotFound, commerce.Forbidden)):
        e.update_address(mallory, home["id"], {"city": "Elsewhere"})
    with pytest.raises((commerce.NotFound, commerce.Forbidden)):
        e.remove_address(mallory, home["id"])
    assert e.list_addresses(mallory)["items"] == []
    assert e.list_addresses(s) == before


def test_change_password_and_reset(shop):
    e = shop.engine
    _, s1 = shop.customer("alice@example.com")
    s2 = e.login("alice@example.com", PASSWORD)
    expect_error(commerce.Unauthorized, e.change_password, s1, "wrong password", NEW_PASSWORD)
    e.change_password(s1, PASSWORD, NEW_PASSWORD)
    assert e.me(s1)["email"] == "alice@example.com"  # the calling session stays
    expect_error(commerce.Unauthorized, e.me, s2)  # the others die
    expect_error(commerce.Unauthorized, e.login, "alice@example.com", PASSWORD)
    s3 = e.login("alice@example.com", NEW_PASSWORD)

    e.request_password_reset("nobody@example.com")  # succeeds the same, emits nothing
    assert shop.drain() == []
    e.request_password_reset("alice@example.com")
    payload = shop.token("user.password_reset_requested", "alice@example.com")
    assert payload["reason"] == "requested" and payload["token"]
    assert parse_time(payload["expires_at"]) > at(shop.now)

    e.reset_password(payload["token"], NEWER_PASSWORD)
    for old in (s1, s3):
        expect_error(commerce.Unauthorized, e.me, old)
    expect_error(commerce.Unauthorized, e.reset_password, payload["token"], "yet another password")  # used
    expect_error(commerce.Unauthorized, e.login, "alice@example.com", NEW_PASSWORD)
    assert e.login("alice@example.com", NEWER_PASSWORD)["type"] == "session"


def test_reset_token_expires(shop):
    e = shop.engine
    shop.customer("alice@example.com")
    e.request_password_reset("alice@example.com")
    token = shop.token("user.password_reset_requested", "alice@example.com")["token"]
    shop.advance(3601)  # identity.reset_ttl_seconds defaults to one hour
    expect_error(commerce.Unauthorized, e.reset_password, token, NEW_PASSWORD)
    assert e.login("alice@example.com", PASSWORD)["type"] == "session"


# ---------------------------------------------------------------------------------------------------------
# two-factor authentication
# ---------------------------------------------------------------------------------------------------------


def test_totp_recovery_codes_and_email_otp(shop):
    e = shop.engine
    user, s = shop.customer("alice@example.com")
    enrollment = e.enroll_totp(s)
    assert enrollment["type"] == "totp_enrollment" and enrollment["otpauth_uri"].startswith("otpauth://totp/")
    assert (enrollment["algorithm"], enrollment["digits"], enrollment["period"]) == ("SHA1", 6, 30)
    secret = enrollment["secret"]
    assert "=" not in secret and secret in enrollment["otpauth_uri"]
    assert e.mfa_status(s)["totp"] is False  # not before confirmation
    assert e.login("alice@example.com", PASSWORD)["type"] == "session"

    wrong = totp(secret, shop.now)
    wrong = wrong[:-1] + str((int(wrong[-1]) + 5) % 10)
    expect_error(commerce.Unauthorized, e.confirm_totp, s, wrong)
    codes = e.confirm_totp(s, totp(secret, shop.now))
    assert codes["type"] == "recovery_codes" and len(codes["codes"]) == 10 and len(set(codes["codes"])) == 10
    status = e.mfa_status(s)
    assert status == {"type": "mfa_status", "schema_version": 1, "totp": True, "email_otp": False,
                      "recovery_codes_left": 10}
    assert e.me(s)["mfa"]["totp"] is True

    shop.advance(30)  # the confirmation used this time step's code
    challenge = e.login("alice@example.com", PASSWORD, context=CONTEXT)
    assert challenge["type"] == "login_challenge" and len(challenge["challenge"]) == 64
    assert "totp" in challenge["methods"] and "recovery_code" in challenge["methods"]
    with pytest.raises(TypeError):
        e.me(challenge)  # a challenge is no session
    code = totp(secret, shop.now)
    session = e.complete_login(challenge, "totp", code, context=CONTEXT)
    assert session["type"] == "session" and session["user_id"] == user["id"]
    assert e.me(session)["id"] == user["id"]

    second = e.login("alice@example.com", PASSWORD)
    expect_error(commerce.Unauthorized, e.complete_login, second["challenge"], "totp", code)  # replay
    via_recovery = e.complete_login(second, "recovery_code", codes["codes"][0])
    assert via_recovery["user_id"] == user["id"]
    third = e.login("alice@example.com", PASSWORD)
    expect_error(commerce.Unauthorized, e.complete_login, third, "recovery_code", codes["codes"][0])  # used
    assert e.mfa_status(s)["recovery_codes_left"] == 9

    expect_error(commerce.Unauthorized, e.regenerate_recovery_codes, s, "wrong password")
    fresh = e.regenerate_recovery_codes(s, PASSWORD)
    assert len(fresh["codes"]) == 10 and e.mfa_status(s)["recovery_codes_left"] == 10
    expect_error(commerce.Unauthorized, e.complete_login, third, "recovery_code", codes["codes"][1])  # replaced

    status = e.set_email_otp(s, True)
    assert status["type"] == "mfa_status" and status["email_otp"] is True
    shop.drain()
    challenge = e.login("alice@example.com", PASSWORD)
    assert "email_otp" in challenge["methods"]
    shop.drain()  # a code the login may have sent already
    e.send_email_otp(challenge)
    payload = shop.token("user.otp_requested", "alice@example.com")
    code = payload["code"]
    assert len(code) == 6 and code.isdigit() and payload["user_id"] == user["id"]
    assert e.complete_login(challenge["challenge"], "email_otp", code)["type"] == "session"

    expect_error(commerce.Unauthorized, e.disable_mfa, s, "wrong password")
    e.disable_mfa(s, PASSWORD)
    assert e.mfa_status(s) == {"type": "mfa_status", "schema_version": 1, "totp": False, "email_otp": False,
                               "recovery_codes_left": 0}
    assert e.login("alice@example.com", PASSWORD)["type"] == "session"


# ---------------------------------------------------------------------------------------------------------
# session lifetime
# ---------------------------------------------------------------------------------------------------------


def test_session_idle_and_absolute_expiry():
    shop = Shop(identity={"session_idle_seconds": 600, "session_absolute_seconds": 3600})
    e = shop.engine
    try:
        shop.customer("alice@example.com")
        s = e.login("alice@example.com", PASSWORD)
        assert parse_time(s["expires_at"]) == at(shop.now + 3600 * 1000)
        assert parse_time(s["idle_expires_at"]) == at(shop.now + 600 * 1000)
        for _ in range(7):  # used every 500 s: never idle, 3500 s old
            shop.advance(500)
            assert e.me(s)["email"] == "alice@example.com"
        shop.advance(200)  # 3700 s old: past the absolute lifetime
        expect_error(commerce.Unauthorized, e.me, s)

        idle = e.login("alice@example.com", PASSWORD)
        shop.advance(601)
        expect_error(commerce.Unauthorized, e.me, idle)
    finally:
        shop.engine.close()


def test_logout_others_and_clock(shop):
    e = shop.engine
    _, a = shop.customer("alice@example.com")
    b = e.login("alice@example.com", PASSWORD)
    c = e.login("alice@example.com", PASSWORD)
    e.logout_others(a)
    assert e.me(a)["email"] == "alice@example.com"
    for other in (b, c):
        expect_error(commerce.Unauthorized, e.me, other)
    e.logout(a)
    expect_error(commerce.Unauthorized, e.logout_others, a)

    expect_error(commerce.InvalidArgument, e.set_time, shop.now - 1)  # time never runs backwards
    expect_error(commerce.InvalidArgument, e.advance_time, -1)
    e.set_time(shop.now + 1000)
    e.set_time(at(shop.now + 2000))  # an aware datetime
    e.advance_time(timedelta(seconds=1))
    with pytest.raises(TypeError):
        e.set_time(datetime(2030, 1, 1))  # naive
    with pytest.raises(TypeError):
        e.advance_time(1.5)
    expect_error(commerce.Overflow, e.set_time, 2 ** 63)
    with commerce.open(path=":memory:", password_hashing=HASHING) as system:
        expect_error(commerce.Misuse, system.set_time, START_MS)
        expect_error(commerce.Misuse, system.advance_time, 1)


# ---------------------------------------------------------------------------------------------------------
# administration
# ---------------------------------------------------------------------------------------------------------


def test_admin_users_roles_audit(shop):
    e, admin = shop.engine, shop.admin
    for i in (1, 2, 3):
        e.register_user("ada%d@example.com" % i, PASSWORD)
    bob, bob_s = shop.customer("bob@example.com")

    page = e.list_users(admin, {"search": "ada", "limit": 2})
    assert page["type"] == "user_list" and len(page["items"]) == 2 and page["next"]
    rest = e.list_users(admin, {"search": "ada", "limit": 2, "after": page["next"]})
    assert len(rest["items"]) == 1 and rest["next"] is None
    emails = sorted(u["email"] for u in page["items"] + rest["items"])
    assert emails == ["ada1@example.com", "ada2@example.com", "ada3@example.com"]
    assert e.get_user(admin, bob["id"])["email"] == "bob@example.com"
    assert e.get_user(admin, bob)["id"] == bob["id"]  # the document works as a reference
    expect_error(commerce.NotFound, e.get_user, admin, "no-such-user")

    # a customer is refused every administration call
    err = expect_error(commerce.Forbidden, e.list_users, bob_s)
    assert err.details.get("required_permission") == "users.read"
    expect_error(commerce.Forbidden, e.get_user, bob_s, shop.admin_user["id"])
    expect_error(commerce.Forbidden, e.suspend_user, bob_s, shop.admin_user["id"])
    expect_error(commerce.Forbidden, e.set_roles, bob_s, bob["id"], ["admin"])
    expect_error(commerce.Forbidden, e.define_role, bob_s, {"name": "x", "permissions": []})
    expect_error(commerce.Forbidden, e.list_audit, bob_s)
    expect_error(commerce.Forbidden, e.report_logins, bob_s, {"from": TODAY, "to": TODAY})
    expect_error(commerce.Unauthorized, e.list_users, None)

    suspended = e.suspend_user(admin, bob["id"], "chargebacks")
    assert suspended["status"] == "suspended"
    expect_error(commerce.Unauthorized, e.me, bob_s)  # sessions dead
    err = expect_error(commerce.Forbidden, e.login, "bob@example.com", PASSWORD)
    assert err.details.get("reason") == "suspended"
    assert [u["id"] for u in e.list_users(admin, {"status": "suspended"})["items"]] == [bob["id"]]
    assert e.unsuspend_user(admin, bob)["status"] == "active"
    bob_s = e.login("bob@example.com", PASSWORD)

    staff = e.set_roles(admin, bob["id"], ["customer", "staff"])
    assert sorted(staff["roles"]) == ["customer", "staff"]
    assert "catalog.write" in staff["permissions"] and staff["permissions"] == sorted(staff["permissions"])
    product = e.create_product(e.login("bob@example.com", PASSWORD), {
        "sku": "STAFF-1", "title": "Made by staff", "prices": [{"amount": "1.00", "currency": "EUR"}], "stock": 1})
    assert product["variants"][0]["sku"] == "STAFF-1"
    assert [u["id"] for u in e.list_users(admin, {"role": "staff"})["items"]] == [bob["id"]]

    role = e.define_role(admin, {"name": "support", "description": "Support desk",
                                 "permissions": ["orders.read", "users.read"]})
    assert role == {"type": "role", "schema_version": 1, "name": "support", "description": "Support desk",
                    "builtin": False, "permissions": ["orders.read", "users.read"]}
    roles = {r["name"]: r for r in e.list_roles(admin)["items"]}
    assert {"admin", "staff", "vendor", "customer", "support"} <= set(roles)
    assert roles["admin"]["builtin"] is True and roles["support"]["builtin"] is False
    assert roles["customer"]["permissions"] == []
    with pytest.raises(commerce.CommerceError):
        e.define_role(admin, {"name": "admin", "permissions": []})  # built-in roles cannot be changed
    e.set_roles(admin, bob["id"], ["support"])
    expect_error(commerce.IllegalState, e.delete_role, admin, "support")  # bob holds it
    e.set_roles(admin, bob["id"], ["customer"])
    e.delete_role(admin, "support")
    assert "support" not in {r["name"] for r in e.list_roles(admin)["items"]}
    with pytest.raises((commerce.IllegalState, commerce.Forbidden)):
        e.set_roles(admin, shop.admin_user["id"], ["customer"])  # the last admin keeps the role

    e.force_password_reset(admin, bob["id"])
    payload = shop.token("user.password_reset_requested", "bob@example.com")
    assert payload["reason"] == "forced"
    assert e.get_user(admin, bob["id"])["password_reset_required"] is True
    expect_error(commerce.Unauthorized, e.login, "bob@example.com", PASSWORD)
    e.reset_password(payload["token"], NEW_PASSWORD)
    assert e.get_user(admin, bob["id"])["password_reset_required"] is False

    audit = e.list_audit(admin)
    assert audit["type"] == "audit_list" and audit["items"]
    actions = {entry["action"] for entry in audit["items"]}
    assert "user.suspend" in actions
    suspends = e.list_audit(admin, {"action": "user.suspend"})["items"]
    assert len(suspends) == 1 and suspends[0]["target_id"] == bob["id"]
    assert suspends[0]["actor_id"] == shop.admin_user["id"]
    mine = e.list_audit(admin, {"actor_id": shop.admin_user["id"], "limit": 2})
    assert len(mine["items"]) == 2 and mine["next"]
    older = e.list_audit(admin, {"actor_id": shop.admin_user["id"], "limit": 2, "before": mine["next"]})
    assert not {x["id"] for x in older["items"]} & {x["id"] for x in mine["items"]}


def test_report_logins(shop):
    e = shop.engine
    shop.customer("alice@example.com")
    query = {"from": TODAY, "to": TODAY}
    before = e.report_logins(shop.admin, query)
    assert before["type"] == "login_report" and before["from"] == TODAY and before["to"] == TODAY
    e.login("alice@example.com", PASSWORD, context=CONTEXT)
    e.login("alice@example.com", PASSWORD)
    expect_error(commerce.Unauthorized, e.login, "alice@example.com", "wrong password")
    after = e.report_logins(shop.admin, query)
    assert after["totals"]["logins"] == before["totals"]["logins"] + 2
    assert after["totals"]["failures"] == before["totals"]["failures"] + 1
    assert after["totals"]["unique_users"] >= 1
    assert [d["date"] for d in after["days"]] == [TODAY]
    assert after["days"][0]["logins"] == after["totals"]["logins"]
    expect_error(commerce.InvalidArgument, e.report_logins, shop.admin, {"from": "2026-01-01", "to": "2027-12-31"})
    expect_error(commerce.InvalidArgument, e.report_logins, shop.admin, {"from": TODAY})
    with pytest.raises(TypeError):
        e.report_logins(shop.admin, None)  # the range is required


def test_export_and_erase(shop):
    e, admin = shop.engine, shop.admin
    product = e.create_product(admin, {"sku": "SOAP", "title": "Soap", "stock": 5,
                                       "prices": [{"amount": "2.50", "currency": "EUR"}]})
    alice, s = shop.customer("alice@example.com")
    e.add_address(s, HOME)
    cart = e.add_item(s, e.create_cart(s, "EUR")["id"], product["id"], 2)
    order = e.place_order(s, cart["id"], {"payment": {"method": "manual", "kind": "cash_on_delivery"}})

    export = e.export_user(s)
    assert export["type"] == "user_export" and export["user"]["id"] == alice["id"]
    assert export["user"]["email"] == "alice@example.com"
    assert [a["city"] for a in export["addresses"]] == ["Zürich"]
    assert [o["id"] for o in export["orders"]] == [order["id"]]
    assert export["sessions"] and export["login_events"]
    assert any(ev["ip"] == CONTEXT["ip"] for ev in export["login_events"])
    assert s["token"] not in json.dumps(export, default=str)  # tokens are never exported
    assert e.export_user(admin, alice["id"])["user"]["id"] == alice["id"]
    bob_user, bob = shop.customer("bob@example.com")
    expect_error(commerce.Forbidden, e.export_user, bob, alice["id"])
    expect_error(commerce.Forbidden, e.erase_user, bob, alice["id"])

    e.erase_user(s)
    expect_error(commerce.Unauthorized, e.me, s)
    expect_error(commerce.Unauthorized, e.login, "alice@example.com", PASSWORD)
    erased = e.get_user(admin, alice["id"])
    assert erased["status"] == "erased" and "alice@example.com" not in json.dumps(erased)
    assert e.list_users(admin, {"search": "alice"})["items"] == []
    assert e.get_order(admin, order["id"])["id"] == order["id"]  # accounting keeps the order
    e.erase_user(admin, bob_user)  # by an admin
    assert e.get_user(admin, bob_user["id"])["status"] == "erased"
    expect_error(commerce.Unauthorized, e.me, bob)


# ---------------------------------------------------------------------------------------------------------
# outbox, social logins, JWT
# ---------------------------------------------------------------------------------------------------------


def test_outbox_ack_fail_lease(shop):
    e = shop.engine
    e.register_user("carol@example.com", PASSWORD)
    batch = e.fetch_outbox({"topics": ["user.registered"], "lease_seconds": 60})
    [registered] = batch["events"]
    assert registered["topic"] == "user.registered" and registered["attempts"] == 0
    assert e.fetch_outbox({"topics": ["user.registered"]})["events"] == []  # leased
    shop.advance(61)
    assert [ev["id"] for ev in e.fetch_outbox({"topics": ["user.registered"]})["events"]] == [registered["id"]]

    e.fail_event(registered, "smtp: connection refused")
    assert e.fetch_outbox({"topics": ["user.registered"]})["events"] == []  # backing off
    shop.advance(3601)  # the backoff is at most an hour
    [again] = e.fetch_outbox({"topics": ["user.registered"]})["events"]
    assert again["id"] == registered["id"] and again["attempts"] == 1
    e.ack_event(again["id"])
    e.ack_event(again["id"])  # twice is fine
    shop.advance(7200)
    assert e.fetch_outbox({"topics": ["user.registered"]})["events"] == []

    # given up after 10 attempts
    [verification] = e.fetch_outbox({"topics": ["user.verification_requested"]})["events"]
    e.fail_event(verification)  # no error text
    for attempt in range(2, 11):
        shop.advance(3601)
        [ev] = e.fetch_outbox({"topics": ["user.verification_requested"]})["events"]
        assert ev["attempts"] == attempt - 1
        e.fail_event(ev, "still down")
    shop.advance(3 * 3600)
    assert e.fetch_outbox()["events"] == []


def test_social_login_and_linking(shop):
    e = shop.engine
    profile = {"email": "Sam@Example.com", "email_verified": True, "name": "Sam", **CONTEXT}
    first = e.social_login("google", "g-1", profile)
    assert first["type"] == "session"
    sam = e.me(first)
    assert sam["email"] == "sam@example.com" and sam["roles"] == ["customer"]
    again = e.social_login("google", "g-1")  # a linked identity needs no profile
    assert again["user_id"] == sam["id"]
    expect_error(commerce.IllegalState, e.unlink_identity, first, "google", "g-1")  # the only way in

    alice, s = shop.customer("alice@example.com")
    expect_error(commerce.Exists, e.link_identity, s, "google", "g-1")  # Sam owns it
    expect_error(commerce.Exists, e.social_login, "github", "gh-9", {"email": "alice@example.com",
                                                                    "email_verified": True})
    e.link_identity(s, "github", "gh-9")
    assert e.social_login("github", "gh-9")["user_id"] == alice["id"]
    assert [i["provider"] for i in e.export_user(s)["identities"]] == ["github"]
    e.unlink_identity(s, "github", "gh-9")
    expect_error(commerce.Exists, e.social_login, "github", "gh-9", {"email": "alice@example.com"})


def test_jwt_access_tokens():
    shop = Shop(identity={"jwt": {"keys": [{"kid": "k1", "secret": JWT_SECRET}], "signing_kid": "k1"}})
    e = shop.engine
    try:
        alice, _ = shop.customer("alice@example.com")
        session = e.login("alice@example.com", PASSWORD)
        assert session["access_token"].count(".") == 2 and session["access_token_expires_at"]
        issued = e.issue_access_token(session)
        assert issued["type"] == "access_token" and issued["kid"] == "k1"
        assert parse_time(issued["expires_at"]) == at(shop.now + 900 * 1000)
        claims = e.verify_access_token(issued["token"])
        assert claims["type"] == "access_token_claims" and claims["sub"] == alice["id"]
        assert claims["kid"] == "k1" and claims["iss"] == "commerce" and claims["roles"] == ["customer"]
        assert claims["iat"] == shop.now // 1000 and claims["exp"] - claims["iat"] == 900 and claims["sid"]
        assert e.verify_access_token(issued)["sub"] == alice["id"]  # the document works too
        assert e.verify_access_token(session["access_token"])["sub"] == alice["id"]

        header, payload, signature = issued["token"].split(".")
        flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
        expect_error(commerce.Unauthorized, e.verify_access_token, ".".join([header, payload, flipped]))
        body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        body["sub"] = shop.admin_user["id"]
        forged = base64.urlsafe_b64encode(json.dumps(body).encode()).rstrip(b"=").decode()
        expect_error(commerce.Unauthorized, e.verify_access_token, ".".join([header, forged, signature]))
        none_header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT","kid":"k1"}').rstrip(b"=").decode()
        expect_error(commerce.Unauthorized, e.verify_access_token, ".".join([none_header, payload, ""]))
        expect_error(commerce.Unauthorized, e.verify_access_token, "not-a-jwt")

        shop.advance(901)
        err = expect_error(commerce.Unauthorized, e.verify_access_token, issued["token"])
        assert err.details.get("reason")
    finally:
        e.close()
    with commerce.open(CONFIG) as plain:
        plain.bootstrap_admin("admin@example.com", PASSWORD)
        expect_error(commerce.Misuse, plain.issue_access_token, plain.login("admin@example.com", PASSWORD))


# ---------------------------------------------------------------------------------------------------------
# bad input: the stable code, and nothing written
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", ["not-an-email", "", "a@", "@example.com", "two@@example.com",
                                   b"\xff@example.com", "bad\udcff@example.com"])
def test_register_refuses_bad_email(shop, email):
    before = shop.user_count()
    err = expect_error(commerce.InvalidArgument, shop.engine.register_user, email, PASSWORD)
    assert err.details.get("field") == "email"
    assert_nothing_written(shop, before)


@pytest.mark.parametrize("password", ["", "short", "x" * 10240, b"\xff" * 12, "password"])
def test_register_refuses_bad_password(shop, password):
    before = shop.user_count()
    err = expect_error(commerce.InvalidArgument, shop.engine.register_user, "eve@example.com", password)
    assert err.details.get("field") == "password"
    if password == "password":
        assert err.details.get("reason") == "common"
    assert_nothing_written(shop, before)


def test_bad_input_changes_nothing(shop):
    e = shop.engine
    _, s = shop.customer("alice@example.com")
    before, me = shop.user_count(), e.me(s)
    expect_error(commerce.InvalidArgument, e.login, b"\xff", PASSWORD)
    err = expect_error(commerce.InvalidArgument, e.login, "alice@example.com", "x" * 10240)
    assert err.details.get("field") == "password"
    expect_error(commerce.InvalidArgument, e.update_profile, s, b'{"name": "\xff"}')
    expect_error(commerce.InvalidArgument, e.update_profile, s, {"name": "bad \udcff"})
    expect_error(commerce.InvalidArgument, e.update_profile, s, {"locale": 42})
    expect_error(commerce.InvalidArgument, e.change_password, s, PASSWORD, "")
    expect_error(commerce.InvalidArgument, e.change_password, s, PASSWORD, "x" * 10240)
    expect_error(commerce.InvalidArgument, e.add_address, s, {**HOME, "city": "bad \udcff"})
    expect_error(commerce.InvalidArgument, e.add_address, s, b'{"line1":"\xff","city":"Bern","country":"CH"}')
    expect_error(commerce.InvalidArgument, e.set_roles, shop.admin, me["id"], '["customer"')
    expect_error(commerce.InvalidArgument, e.login, "alice@example.com", PASSWORD, context="{not json")
    err = expect_error(commerce.InvalidArgument, e.verify_email, "abc\0def")
    assert err.details == {"field": "token"}
    with pytest.raises(TypeError):
        e.set_email_otp(s, 1)
    with pytest.raises(TypeError):
        e.set_roles(shop.admin, me["id"], {"customer": True})
    assert e.me(s) == me and e.list_addresses(s)["items"] == []
    assert_nothing_written(shop, before)


def test_closed_engine_refuses_new_calls():
    e = commerce.open(CONFIG)
    e.close()
    expect_error(commerce.Misuse, e.fetch_outbox)
    expect_error(commerce.Misuse, e.advance_time, 1)
    expect_error(commerce.Misuse, e.verify_email, "t")
    expect_error(commerce.Misuse, e.list_roles, "s")
    expect_error(commerce.Misuse, e.social_login, "google", "g-1")
