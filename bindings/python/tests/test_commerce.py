"""Tests of the Python binding: the purchase story and its error paths.

Run with PYTHONPATH pointing at the staged package (CTest test "python" does it):
    PYTHONPATH=build/bindings/python /usr/bin/python3 -m pytest -q bindings/python/tests
"""

import os
import subprocess
import sys
import textwrap
import threading
from decimal import Decimal

import pytest

import commerce
from commerce import Money

HASHING = {"memory_kib": 64, "iterations": 1, "parallelism": 1}
CONFIG = {"path": ":memory:", "password_hashing": HASHING}
PASSWORD = "correct horse battery"
ORDER_REQUEST = {"payment": {"method": "manual", "kind": "cash", "tendered": "50.00"}, "idempotency_key": "k1"}


class Store:
    """An in-memory store with an admin, a customer and two products."""

    def __init__(self):
        self.engine = commerce.open(CONFIG)
        e = self.engine
        self.admin_user = e.bootstrap_admin("admin@example.com", PASSWORD)
        self.admin = e.login("admin@example.com", PASSWORD)["token"]
        self.tshirt = e.create_product(self.admin, {
            "sku": "TSHIRT-M", "title": "T-shirt", "description": "A plain T-shirt",
            "prices": [{"amount": "19.99", "currency": "EUR"}], "stock": 10})
        # Money and Decimal are accepted on input as well as the wire form
        self.mug = e.create_product(self.admin, {
            "sku": "MUG", "title": "Mug", "description": "",
            "prices": [Money(Decimal("7.50"), "EUR")], "stock": 3})
        self.customer_user = e.register_user("  Alice@Example.com ", PASSWORD)
        self.customer = e.login("alice@example.com", PASSWORD,
                                context={"ip": "203.0.113.7", "user_agent": "pytest"})["token"]

    def product(self, p):
        return self.engine.get_product(p["id"])

    def stock(self, p):
        """The stock on hand of a single-variant product."""
        return self.product(p)["variants"][0]["stock"]["on_hand"]


def sku(product):
    """The SKU of a single-variant product."""
    return product["variants"][0]["sku"]


@pytest.fixture
def store():
    s = Store()
    yield s
    s.engine.close()


@pytest.fixture
def cart(store):
    """A customer cart holding 2 T-shirts."""
    c = store.engine.create_cart(store.customer, "EUR")
    return store.engine.add_item(store.customer, c["id"], store.tshirt["id"], 2)


def eur(text):
    return Money(Decimal(text), "EUR")


def expect_error(cls, fn, *args, **kwargs):
    with pytest.raises(cls) as info:
        fn(*args, **kwargs)
    err = info.value
    assert isinstance(err, commerce.CommerceError)
    assert err.code == cls.code
    assert err.name == commerce.status_name(cls.code)
    assert isinstance(err.details, dict)
    return err


# ---------------------------------------------------------------------------------------------------------
# the purchase story
# ---------------------------------------------------------------------------------------------------------


def test_version():
    assert commerce.version()
    assert commerce.version_number() // 1000000 == int(commerce.version().split(".")[0])


def test_documents(store):
    e = store.engine
    assert store.admin_user["type"] == "user" and store.admin_user["schema_version"] == 1
    assert sorted(store.admin_user["roles"]) == ["admin", "customer"]
    assert store.customer_user["email"] == "alice@example.com"
    assert store.customer_user["roles"] == ["customer"]
    me = e.me(store.customer)
    assert me["id"] == store.customer_user["id"]
    # a session dict is accepted wherever a session token is
    session = e.login("alice@example.com", PASSWORD)
    assert session["type"] == "session" and session["user_id"] == me["id"]
    assert e.me(session)["id"] == me["id"]

    p = store.tshirt
    (variant,) = p["variants"]
    assert p["type"] == "product" and variant["sku"] == "TSHIRT-M" and variant["stock"]["on_hand"] == 10
    assert variant["prices"] == [eur("19.99")]
    assert isinstance(variant["prices"][0].amount, Decimal)
    assert store.mug["variants"][0]["prices"] == [eur("7.50")]

    page = e.list_products()
    assert page["type"] == "product_list"
    assert [sku(x) for x in page["items"]] == ["TSHIRT-M", "MUG"]  # creation order
    assert page["next"] is None
    first = e.list_products({"limit": 1})
    assert [sku(x) for x in first["items"]] == ["TSHIRT-M"] and first["next"]
    second = e.list_products({"limit": 1, "after": first["next"]})
    assert [sku(x) for x in second["items"]] == ["MUG"]

    info = e.info()
    assert info["type"] == "engine_info" and info["encrypted"] is False
    assert info["library_version"] == commerce.version()


def test_purchase_story(store):
    e, s = store.engine, store.customer
    cart = e.create_cart(s, "EUR")
    assert cart["type"] == "cart" and cart["status"] == "open" and cart["items"] == []
    assert cart["user_id"] == store.customer_user["id"]
    assert cart["total"] == eur("0")

    cart = e.add_item(s, cart["id"], store.tshirt["id"], 2)
    assert cart["item_count"] == 2
    assert cart["items"][0]["unit_price"] == eur("19.99")
    assert cart["items"][0]["line_total"] == eur("39.98")
    assert cart["subtotal"] == eur("39.98") and cart["total"] == eur("39.98")

    cart = e.add_item(s, cart["id"], store.mug["id"], 1)
    assert cart["item_count"] == 3 and cart["total"] == eur("47.48")
    cart = e.add_item(s, cart["id"], store.mug["id"], 1)  # adding again raises the quantity
    assert cart["item_count"] == 4 and cart["total"] == eur("54.98")

    cart = e.update_item(s, cart["id"], store.tshirt["id"], 1)
    assert cart["item_count"] == 3 and cart["total"] == eur("34.99")
    cart = e.remove_item(s, cart["id"], store.mug["id"])
    assert [i["sku"] for i in cart["items"]] == ["TSHIRT-M"] and cart["total"] == eur("19.99")
    cart = e.add_item(s, cart["id"], store.mug["id"], 2)
    assert cart["total"] == eur("34.99")
    assert e.get_cart(s, cart["id"]) == cart

    request = {"payment": {"method": "manual", "kind": "cash", "tendered": Decimal("50.00")},
               "idempotency_key": "k1"}
    order = e.place_order(s, cart["id"], request)
    assert order["type"] == "order" and order["schema_version"] == 1
    assert order["status"] == "paid" and order["payment_status"] == "captured"
    assert order["fulfillment_status"] == "not_fulfilled"
    assert order["user_id"] == store.customer_user["id"] and order["email"] == "alice@example.com"
    assert order["cart_id"] == cart["id"] and order["currency"] == "EUR"
    assert order["subtotal"] == eur("34.99") and order["total"] == eur("34.99")
    assert [(l["sku"], l["quantity"], l["line_total"]) for l in order["lines"]] == [
        ("TSHIRT-M", 1, eur("19.99")), ("MUG", 2, eur("15.00"))] or \
        sorted((l["sku"], l["quantity"], l["line_total"]) for l in order["lines"]) == [
        ("MUG", 2, eur("15.00")), ("TSHIRT-M", 1, eur("19.99"))]
    pay = order["payment"]
    assert pay["method"] == "manual" and pay["kind"] == "cash" and pay["status"] == "captured"
    assert pay["amount"] == eur("34.99") and pay["tendered"] == eur("50.00") and pay["change"] == eur("15.01")
    assert order["number"].count("-") == 1

    # a retry with the same idempotency key returns the same order and takes no more stock
    again = e.place_order(s, cart["id"], ORDER_REQUEST)
    assert again["id"] == order["id"]

    assert e.get_order(s, order["id"])["id"] == order["id"]
    assert e.get_order(store.admin, order["id"])["id"] == order["id"]  # admins see every order
    orders = e.list_orders(s)
    assert orders["type"] == "order_list" and [o["id"] for o in orders["items"]] == [order["id"]]
    assert orders["next"] is None
    assert e.get_cart(s, cart["id"])["status"] == "completed"

    assert store.stock(store.tshirt) == 9
    assert store.stock(store.mug) == 1


def test_guest_cart_with_none_session(store):
    e = store.engine
    cart = e.create_cart(None, "EUR")
    assert cart["user_id"] is None
    cart = e.add_item(None, cart["id"], store.mug["id"], 1)
    order = e.place_order(None, cart["id"], {"payment": {"method": "manual", "kind": "cash_on_delivery"},
                                             "email": "guest@example.com"})
    assert order["user_id"] is None and order["email"] == "guest@example.com"
    assert order["status"] == "pending_payment" and order["payment_status"] == "pending"
    assert order["payment"]["tendered"] is None and order["payment"]["change"] is None


def test_update_and_delete_product(store):
    e = store.engine
    p = e.update_product(store.admin, store.mug["id"], {"title": "Big mug", "prices": [eur("8.00")]})
    assert p["title"] == "Big mug" and p["variants"][0]["prices"] == [eur("8.00")]
    assert p["version"] > store.mug["version"]
    expect_error(commerce.Conflict, e.update_product, store.admin, store.mug["id"],
                 {"title": "x", "expected_version": store.mug["version"]})
    assert store.product(store.mug) == p
    e.delete_product(store.admin, store.mug["id"])
    expect_error(commerce.NotFound, e.get_product, store.mug["id"])


def test_logout(store):
    e = store.engine
    e.logout(store.customer)
    expect_error(commerce.Unauthorized, e.me, store.customer)
    expect_error(commerce.Unauthorized, e.logout, store.customer)
    expect_error(commerce.Unauthorized, e.login, "alice@example.com", "wrong password")
    expect_error(commerce.Exists, e.register_user, "alice@example.com", PASSWORD)
    expect_error(commerce.IllegalState, e.bootstrap_admin, "root@example.com", PASSWORD)


# ---------------------------------------------------------------------------------------------------------
# error paths: the stable code, and nothing changed
# ---------------------------------------------------------------------------------------------------------


def snapshot(store, cart_doc=None):
    e = store.engine
    state = {"products": e.list_products()}
    if cart_doc is not None:
        state["cart"] = e.get_cart(store.customer, cart_doc["id"])
    return state


@pytest.mark.parametrize("quantity", [0, -1, -(2 ** 63)])
def test_bad_quantity(store, cart, quantity):
    before = snapshot(store, cart)
    e = store.engine
    err = expect_error(commerce.InvalidArgument, e.add_item, store.customer, cart["id"], store.mug["id"], quantity)
    assert err.message
    expect_error(commerce.InvalidArgument, e.update_item, store.customer, cart["id"], store.tshirt["id"], quantity)
    assert snapshot(store, cart) == before


def test_quantity_types(store, cart):
    e = store.engine
    for bad in (1.0, "1", True, None):
        with pytest.raises(TypeError):
            e.add_item(store.customer, cart["id"], store.mug["id"], bad)
    expect_error(commerce.Overflow, e.add_item, store.customer, cart["id"], store.mug["id"], 2 ** 63)


def test_unknown_product(store, cart):
    before = snapshot(store, cart)
    e = store.engine
    expect_error(commerce.NotFound, e.add_item, store.customer, cart["id"], "no-such-product", 1)
    expect_error(commerce.NotFound, e.get_product, "no-such-product")
    expect_error(commerce.NotFound, e.get_cart, store.customer, "no-such-cart")
    assert snapshot(store, cart) == before


@pytest.mark.parametrize("amount,currency", [("12.3.4", "EUR"), ("1.999", "EUR"), ("abc", "EUR"), ("", "EUR"),
                                             ("-1.00", "EUR"), ("19.99", "XYZ"), ("19.99", "eur")])
def test_bad_money(store, amount, currency):
    before = snapshot(store)
    e = store.engine
    err = expect_error(commerce.InvalidArgument, e.create_product, store.admin, {
        "sku": "BAD", "title": "Bad", "prices": [{"amount": amount, "currency": currency}], "stock": 1})
    assert err.details, "details should name the offending field"
    expect_error(commerce.InvalidArgument, e.update_product, store.admin, store.mug["id"],
                 {"prices": [{"amount": amount, "currency": currency}]})
    assert snapshot(store) == before


def test_bad_tendered_money(store, cart):
    before = snapshot(store, cart)
    for tendered in ("12.3.4", "1.999"):
        expect_error(commerce.InvalidArgument, store.engine.place_order, store.customer, cart["id"],
                     {"payment": {"method": "manual", "kind": "cash", "tendered": tendered}})
    assert snapshot(store, cart) == before


def test_unknown_currency_cart(store):
    expect_error(commerce.InvalidArgument, store.engine.create_cart, store.customer, "XYZ")
    assert store.engine.list_orders(store.customer)["items"] == []


def test_money_is_never_float(store):
    e = store.engine
    before = snapshot(store)
    with pytest.raises(TypeError):
        e.create_product(store.admin, {"sku": "F", "title": "F", "prices": [{"amount": 19.99, "currency": "EUR"}],
                                       "stock": 1})
    with pytest.raises(TypeError):
        Money(19.99, "EUR")
    with pytest.raises(TypeError):
        e.place_order(store.customer, "x", {"payment": {"method": "manual", "kind": "cash", "tendered": 50.0}})
    # a JSON number sent as raw text is refused by the engine itself
    expect_error(commerce.InvalidArgument, e.create_product, store.admin,
                 '{"sku":"F","title":"F","prices":[{"amount":19.99,"currency":"EUR"}],"stock":1}')
    assert snapshot(store) == before
    assert Money("1.10", "EUR") == Money(Decimal("1.1"), "EUR")
    assert str(Money(Decimal("19.99"), "EUR")) == "19.99 EUR"
    assert Money(Decimal("1E+2"), "JPY").to_json() == {"amount": "100", "currency": "JPY"}


@pytest.mark.parametrize("text", ['{"sku": ', "not json", "[]", '{"sku":"A","title":"A","stock":1} trailing', ""])
def test_invalid_json(store, text):
    before = snapshot(store)
    expect_error(commerce.InvalidArgument, store.engine.create_product, store.admin, text)
    assert snapshot(store) == before


def test_invalid_utf8(store, cart):
    """Python str is always valid Unicode, so invalid UTF-8 is sent as bytes (passed through unchanged) and as
    a str holding a lone surrogate (encoded with surrogatepass); the engine refuses both."""
    e = store.engine
    before = snapshot(store, cart)
    raw = b'{"sku":"BAD-UTF8","title":"\xff\xfe","prices":[{"amount":"1.00","currency":"EUR"}],"stock":1}'
    expect_error(commerce.InvalidArgument, e.create_product, store.admin, raw)
    expect_error(commerce.InvalidArgument, e.create_product, store.admin, {
        "sku": "BAD-UTF8", "title": "bad \udcff", "prices": [eur("1.00")], "stock": 1})
    expect_error(commerce.InvalidArgument, e.register_user, b"bob\xc3@example.com", PASSWORD)
    expect_error(commerce.InvalidArgument, e.update_product, store.admin, store.mug["id"], {"title": "\ud800"})
    expect_error(commerce.InvalidArgument, e.login, "bob\udcc3@example.com", PASSWORD)
    assert snapshot(store, cart) == before


def test_nul_in_string_is_refused(store):
    """The C ABI takes NUL-terminated strings: a str with an embedded NUL is refused, never truncated."""
    before = snapshot(store)
    err = expect_error(commerce.InvalidArgument, store.engine.get_product, store.mug["id"] + "\0tail")
    assert err.details == {"field": "product_id"}
    expect_error(commerce.InvalidArgument, store.engine.register_user, "eve@example.com\0", PASSWORD)
    assert snapshot(store) == before


def test_overlong_string(store):
    before = snapshot(store)
    e = store.engine
    expect_error(commerce.InvalidArgument, e.create_product, store.admin, {
        "sku": "LONG", "title": "x" * (1 << 20), "prices": [eur("1.00")], "stock": 1})
    expect_error(commerce.InvalidArgument, e.update_product, store.admin, store.mug["id"], {"title": "x" * (1 << 20)})
    assert snapshot(store) == before


def test_customer_cannot_do_admin_operations(store):
    e = store.engine
    before = snapshot(store)
    expect_error(commerce.Forbidden, e.create_product, store.customer, {
        "sku": "HACK", "title": "Hack", "prices": [eur("1.00")], "stock": 1})
    expect_error(commerce.Forbidden, e.update_product, store.customer, store.mug["id"], {"stock": 1000})
    expect_error(commerce.Forbidden, e.delete_product, store.customer, store.mug["id"])
    expect_error(commerce.Unauthorized, e.create_product, None, {
        "sku": "HACK", "title": "Hack", "prices": [eur("1.00")], "stock": 1})
    expect_error(commerce.Unauthorized, e.create_product, "not-a-token", {
        "sku": "HACK", "title": "Hack", "prices": [eur("1.00")], "stock": 1})
    assert snapshot(store) == before


def test_out_of_stock(store):
    """A cart refuses more units than are in stock as it changes, and stays as it was."""
    e, s = store.engine, store.customer
    cart = e.create_cart(s, "EUR")
    cart = e.add_item(s, cart["id"], store.tshirt["id"], 1)
    before = snapshot(store, cart)
    err = expect_error(commerce.OutOfStock, e.add_item, s, cart["id"], store.mug["id"], 4)  # stock 3
    assert err.details["items"][0]["available"] == 3 and err.details["items"][0]["requested"] == 4
    expect_error(commerce.OutOfStock, e.update_item, s, cart["id"], store.tshirt["id"], 11)  # stock 10
    after = snapshot(store, cart)
    assert after == before and after["cart"]["status"] == "open"
    assert e.list_orders(s)["items"] == []


def test_out_of_stock_at_checkout(store):
    """Two carts reserve the last mugs; the second checkout finds no stock and changes nothing."""
    e = store.engine
    c1 = e.add_item(store.customer, e.create_cart(store.customer, "EUR")["id"], store.mug["id"], 3)
    c2 = e.add_item(None, e.create_cart(None, "EUR")["id"], store.mug["id"], 2)
    e.place_order(store.customer, c1["id"], ORDER_REQUEST)
    assert store.stock(store.mug) == 0
    before = {"products": e.list_products(), "cart": e.get_cart(None, c2["id"])}
    expect_error(commerce.OutOfStock, e.place_order, None, c2["id"],
                 {"payment": {"method": "manual", "kind": "cash", "tendered": "50.00"}, "email": "g@example.com"})
    assert {"products": e.list_products(), "cart": e.get_cart(None, c2["id"])} == before


def test_idempotency_key_reuse_for_another_cart(store, cart):
    e = store.engine
    e.place_order(store.customer, cart["id"], ORDER_REQUEST)
    other = e.add_item(store.customer, e.create_cart(store.customer, "EUR")["id"], store.mug["id"], 1)
    before = snapshot(store, other)
    expect_error(commerce.Conflict, e.place_order, store.customer, other["id"], ORDER_REQUEST)
    assert snapshot(store, other) == before


def test_other_customer_cannot_see_cart(store, cart):
    e = store.engine
    e.register_user("mallory@example.com", PASSWORD)
    mallory = e.login("mallory@example.com", PASSWORD)["token"]
    with pytest.raises((commerce.Forbidden, commerce.NotFound)):
        e.get_cart(mallory, cart["id"])
    with pytest.raises((commerce.Forbidden, commerce.NotFound)):
        e.add_item(mallory, cart["id"], store.mug["id"], 1)
    assert e.get_cart(store.customer, cart["id"]) == cart


def test_bad_key(tmp_path):
    path = str(tmp_path / "shop.db")
    with commerce.open(path=path, key="k1", password_hashing=HASHING) as e:
        e.bootstrap_admin("admin@example.com", PASSWORD)
        assert e.info()["encrypted"] is True
    err = expect_error(commerce.BadKey, commerce.open, path=path, key="k2", password_hashing=HASHING)
    assert err.message
    expect_error(commerce.BadKey, commerce.open, path=path, password_hashing=HASHING)
    with commerce.open(path=path, key="k1", password_hashing=HASHING) as e:
        assert e.login("admin@example.com", PASSWORD)["token"]
        e.rekey("k3")
    with commerce.open(path=path, key="k3", password_hashing=HASHING) as e:
        assert e.login("admin@example.com", PASSWORD)["token"]


def test_bad_config():
    expect_error(commerce.InvalidArgument, commerce.open, {"path": 42})
    expect_error(commerce.InvalidArgument, commerce.open, "{not json")
    expect_error(commerce.InvalidArgument, commerce.open, {"password_hashing": HASHING})  # no path


def test_rekey_memory_is_misuse(store):
    expect_error(commerce.Misuse, store.engine.rekey, "k")


def test_closed_engine():
    e = commerce.open(CONFIG)
    admin = e.bootstrap_admin("admin@example.com", PASSWORD)
    assert not e.closed
    e.close()
    e.close()  # idempotent
    assert e.closed
    expect_error(commerce.Misuse, e.info)
    expect_error(commerce.Misuse, e.get_product, "x")
    expect_error(commerce.Misuse, e.login, "admin@example.com", PASSWORD)
    expect_error(commerce.Misuse, e.create_cart, None, "EUR")
    expect_error(commerce.Misuse, e.me, admin["id"])
    with commerce.open(CONFIG) as e2:
        pass
    assert e2.closed
    expect_error(commerce.Misuse, e2.list_products)


def test_error_table_matches_library():
    for cls in commerce.CommerceError.__subclasses__():
        name = commerce.status_name(cls.code)
        words = name[len("COMMERCE_ERR_"):].split("_")
        assert name.startswith("COMMERCE_ERR_") and name != "COMMERCE_ERR_UNKNOWN", (cls, name)
        assert commerce.error_class(cls.code) is cls
        assert words[0].lower() in cls.__name__.lower(), (cls, name)
    assert commerce.status_name(0) == "COMMERCE_OK"
    assert commerce.status_name(-1) == "COMMERCE_ERR_GENERIC"
    assert commerce.status_name(-999) == "COMMERCE_ERR_UNKNOWN"
    assert commerce.error_class(-999) is commerce.CommerceError
    err = commerce.error_class(-999)("boom", code=-999)
    assert err.code == -999 and err.name == "COMMERCE_ERR_UNKNOWN"
    import pickle
    again = pickle.loads(pickle.dumps(commerce.NotFound("gone", details={"id": "1"})))
    assert isinstance(again, commerce.NotFound) and again.details == {"id": "1"}


def test_threads_share_one_engine(store):
    e = store.engine
    errors = []

    def reader():
        try:
            for _ in range(50):
                assert sku(e.get_product(store.mug["id"])) == "MUG"
                with pytest.raises(commerce.NotFound):
                    e.get_product("missing")
        except Exception as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


# ---------------------------------------------------------------------------------------------------------
# a host that already loaded the system SQLite
# ---------------------------------------------------------------------------------------------------------

HOSTILE = textwrap.dedent("""
    import os, sys
    if sys.argv[2] == "global":
        sys.setdlopenflags(os.RTLD_NOW | os.RTLD_GLOBAL)
    import sqlite3
    sqlite3.connect(":memory:").execute("create table t(x)")
    maps = open("/proc/self/maps").read()
    assert "libsqlite3" in maps, "the system SQLite should be loaded first"
    import commerce
    path = sys.argv[1]
    with commerce.open(path=path, key="secret", password_hashing={HASHING}) as e:
        e.bootstrap_admin("plaintext-marker@example.com", "correct horse battery")
        assert e.info()["encrypted"] is True
        assert e.info()["cipher_version"]
    with open(path, "rb") as f:
        header = f.read(16)
    assert header != b"SQLite format 3\\0", header
    for name in os.listdir(os.path.dirname(path)):
        with open(os.path.join(os.path.dirname(path), name), "rb") as f:
            assert b"plaintext-marker" not in f.read(), name
    # the database the host's sqlite3 module opens is a different, plain one
    c = sqlite3.connect(os.path.join(os.path.dirname(path), "plain.db"))
    c.execute("create table t(x)"); c.commit(); c.close()
    print("ok")
""").replace("{HASHING}", repr(HASHING))


@pytest.mark.parametrize("mode", ["local", "global"])
def test_after_import_sqlite3(tmp_path, mode):
    path = str(tmp_path / "enc.db")
    proc = subprocess.run([sys.executable, "-c", HOSTILE, path, mode], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "ok"
    with open(str(tmp_path / "plain.db"), "rb") as f:
        assert f.read(16) == b"SQLite format 3\0"
