"""The schema contract itself: every schema is well formed and describes documents the engine really produces."""

import base64
import hashlib
import hmac
import json
import struct

import jsonschema
import pytest

import commerce
from conftest import SCHEMAS, validate_document

HASHING = {"memory_kib": 64, "iterations": 1, "parallelism": 1}
PASSWORD = "correct horse battery"
START_MS = 1794000000000  # 2026-11-06T21:20:00Z, on a manual clock


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_a_valid_draft_2020_12_schema(name):
    schema = SCHEMAS[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.validators.validator_for(schema).check_schema(schema)


def _every_document_type():
    """One document of every type the engine produces, from one purchase story and one identity story."""
    config = {"path": ":memory:", "password_hashing": HASHING, "clock": "manual", "clock_start_ms": START_MS,
              "identity": {"jwt": {"keys": [{"kid": "k1", "secret": "0123456789abcdef0123456789abcdef"}],
                                   "signing_kid": "k1"}}}
    with commerce.open(config) as engine:
        raw = engine._native
        docs = [json.loads(raw.info().json())]
        engine.bootstrap_admin("admin@example.com", PASSWORD)
        admin = engine.login("admin@example.com", PASSWORD)
        docs.append(json.loads(raw.login(b"admin@example.com", PASSWORD.encode(), b"").json()))
        docs.append(json.loads(raw.me(admin["token"].encode()).json()))
        docs += _identity_documents(engine)
        product = engine.create_product(admin, {"sku": "S1", "title": "Soap", "stock": 5,
                                                "prices": [{"amount": "2.50", "currency": "EUR"}]})
        docs.append(json.loads(raw.get_product(product["id"].encode()).json()))
        docs.append(json.loads(raw.list_products(b"").json()))
        cart = engine.create_cart(admin, "EUR")
        docs.append(json.loads(raw.add_item(admin["token"].encode(), cart["id"].encode(),
                                            product["id"].encode(), 2).json()))
        docs.append(json.loads(raw.get_cart_totals(admin["token"].encode(), cart["id"].encode()).json()))
        order = engine.place_order(admin, cart["id"], {"payment": {"method": "manual", "kind": "cash",
                                                                   "tendered": "10.00"}})
        docs.append(json.loads(raw.get_order(admin["token"].encode(), order["id"].encode()).json()))
        docs.append(json.loads(raw.list_orders(admin["token"].encode(), b"").json()))
        docs += _catalog_documents(engine, admin["token"].encode())
        docs += _wishlist_documents(engine, admin["token"].encode(), product)
        docs += _currency_documents(engine, admin["token"].encode())
        docs += _order_documents(engine, admin["token"].encode())
        return docs


def _totp(secret, unix_ms):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", unix_ms // 30000), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return str((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000).zfill(6)


def _keeper(docs):
    """keep(outcome): checks that a raw call succeeded, decodes its document and collects it in docs."""

    def keep(outcome):
        assert outcome.ok(), (outcome.name(), outcome.message(), outcome.details())
        doc = json.loads(outcome.json())
        docs.append(doc)
        return doc

    return keep


def _identity_documents(engine):
    """The documents of identity.h, access.h and outbox.h, as the raw layer returns them."""
    raw = engine._native
    docs = []
    keep = _keeper(docs)

    admin = engine.login("admin@example.com", PASSWORD)["token"].encode()
    engine.register_user("alice@example.com", PASSWORD)
    keep(raw.fetch_outbox(b""))
    session = engine.login("alice@example.com", PASSWORD)["token"].encode()
    address = keep(raw.add_address(session, b'{"line1": "1 Main St", "city": "Bern", "country": "CH"}'))
    keep(raw.list_addresses(session))
    keep(raw.update_address(session, address["id"].encode(), b'{"default_billing": true}'))
    keep(raw.issue_access_token(session))
    keep(raw.verify_access_token(docs[-1]["token"].encode()))
    enrollment = keep(raw.enroll_totp(session))
    keep(raw.confirm_totp(session, _totp(enrollment["secret"], START_MS).encode()))
    keep(raw.mfa_status(session))
    keep(raw.login(b"alice@example.com", PASSWORD.encode(), b""))  # a login_challenge now
    keep(raw.export_user(session, b""))
    keep(raw.list_users(admin, b""))
    keep(raw.define_role(admin, b'{"name": "support", "description": "", "permissions": ["users.read"]}'))
    keep(raw.list_roles(admin))
    keep(raw.list_audit(admin, b""))
    keep(raw.report_logins(admin, b'{"from": "2026-11-06", "to": "2026-11-06"}'))
    return docs


def _catalog_documents(engine, admin):
    """The documents of catalog.h, inventory.h, search.h and review.h, as the raw layer returns them."""
    raw = engine._native
    docs = []
    keep = _keeper(docs)

    bob_id = engine.register_user("bob@example.com", PASSWORD)["id"]
    bob = engine.login("bob@example.com", PASSWORD)["token"].encode()
    category = keep(raw.create_category(admin, b'{"slug": "games", "name": "Games"}'))
    keep(raw.category_tree(b""))
    product = keep(raw.create_product(admin, json.dumps({
        "title": "Elden Ring", "status": "published", "category_ids": [category["id"]],
        "options": [{"name": "Edition", "values": ["Standard"]}],
        "variants": [{"sku": "ER", "options": {"Edition": "Standard"}, "barcode": "4006381333931",
                      "prices": [{"amount": "59.99", "currency": "EUR"}], "stock": 3}],
        "translations": {"pt-BR": {"title": "Elden Ring BR"}}}).encode()))
    variant_id = product["variants"][0]["id"].encode()
    keep(raw.view_product(b"elden-ring", b"pt-BR"))
    keep(raw.variant_by_barcode(b"4006381333931"))
    keep(raw.create_collection(admin, json.dumps({"title": "Sale", "product_ids": [product["id"]]}).encode()))
    digital = engine.create_product(admin, {"title": "Key", "sku": "KEY", "kind": "digital",
                                            "prices": [{"amount": "9.99", "currency": "EUR"}]})
    keep(raw.import_licence_keys(admin, digital["variants"][0]["id"].encode(), b'["K-1"]'))
    request = keep(raw.create_product_request(bob, b'{"title": "Hollow Knight"}'))
    keep(raw.list_product_requests(admin, b""))
    keep(raw.fulfill_product_request(admin, request["id"].encode(), product["id"].encode()))
    keep(raw.create_location(admin, b'{"code": "kiosk", "name": "Kiosk", "kind": "kiosk"}'))
    keep(raw.list_locations())
    keep(raw.adjust_stock(admin, json.dumps({"variant_id": product["variants"][0]["id"], "kind": "receipt",
                                             "quantity": 2}).encode()))
    keep(raw.reserve_stock(admin, json.dumps({"variant_id": product["variants"][0]["id"], "quantity": 1,
                                              "ttl_seconds": 60}).encode()))
    keep(raw.stock_level(variant_id))
    keep(raw.list_stock_movements(admin, b""))
    keep(raw.search(b'{"q": "elden", "currency": "EUR", "facets": ["categories", "tags", "attributes", "price"]}'))
    review = keep(raw.submit_review(bob, product["id"].encode(), b'{"rating": 4, "title": "Good", "body": "Yes"}'))
    keep(raw.review_queue(admin, b""))
    keep(raw.moderate_review(admin, review["id"].encode(), b"approved", b""))
    keep(raw.list_reviews(product["id"].encode(), b""))
    keep(raw.fetch_outbox(b'{"topics": ["product_request.", "inventory."]}'))
    keep(raw.set_tax_definition(admin, b'{"origin": {"country": "DE"}}', 0))
    keep(raw.create_promotion(admin, b'{"id": "once", "name": "Once", "requires_code": true,'
                                     b' "action": {"type": "percentage_off_order", "percent": "5"}}'))
    keep(raw.list_promotions(admin, b""))
    keep(raw.generate_promotion_codes(admin, b"once", 1, b"PRE"))
    keep(raw.create_customer_group(admin, b'{"id": "trade", "name": "Trade"}'))
    keep(raw.change_customer_group_members(admin, b"trade", json.dumps({"add": [bob_id]}).encode()))
    keep(raw.list_customer_groups(admin, b""))
    keep(raw.customer_group_members(admin, b"trade", b""))
    keep(raw.create_price_list(admin, json.dumps({"id": "trade", "name": "Trade", "customer_groups": ["trade"],
                                                  "prices": [{"variant_id": product["variants"][0]["id"],
                                                              "price": {"amount": "49.99", "currency": "EUR"}}]
                                                  }).encode()))
    keep(raw.list_price_lists(admin, b""))
    keep(raw.sweep_carts(10))
    keep(raw.set_shipping_definition(admin, b'{"methods": [{"id": "shop", "name": "Shop", "kind": "pickup",'
                                            b' "location_id": "default"}]}', 0))
    return docs


def _wishlist_documents(engine, admin, product):
    """The documents of wishlist.h, and the outbox events a price drop and a restock send."""
    raw = engine._native
    docs = []
    keep = _keeper(docs)

    wishlist = keep(raw.create_wishlist(admin, b"Bath")).get("id").encode()
    keep(raw.add_wishlist_item(admin, wishlist, product["id"].encode(), b"lavender"))
    keep(raw.list_wishlists(admin))
    token = keep(raw.share_wishlist(admin, wishlist))["token"].encode()
    keep(raw.shared_wishlist(token, b"EUR"))
    engine.update_product(admin, product["id"], {"prices": [{"amount": "1.99", "currency": "EUR"}]})
    engine.adjust_stock(admin, {"variant_id": product["variants"][0]["id"], "kind": "adjustment", "quantity": -3})
    engine.adjust_stock(admin, {"variant_id": product["variants"][0]["id"], "kind": "receipt", "quantity": 1})
    batch = keep(raw.fetch_outbox(b'{"topics": ["wishlist."]}'))
    assert {e["topic"] for e in batch["events"]} == {"wishlist.price_drop", "wishlist.back_in_stock"}
    keep(raw.get_wishlist(admin, wishlist, b""))
    return docs


def _currency_documents(engine, admin):
    """The documents of currency.h."""
    raw = engine._native
    docs = []
    keep = _keeper(docs)

    keep(raw.set_currency_settings(admin, b'{"base": "EUR", "presentment": [{"currency": "JPY", "rounding_increment":'
                                          b' "10", "charm": {"step": "100", "ending": "90"}}]}', 0))
    keep(raw.set_exchange_rate(admin, b'{"base": "EUR", "quote": "JPY", "rate": "162.37",'
                                      b' "effective_at": "2026-11-01T00:00:00Z"}'))
    keep(raw.list_exchange_rates(admin, b""))
    keep(raw.convert_currency(admin, b"1000", b"JPY", b"EUR", b""))
    keep(raw.report_sales_in_base(admin, b'{"from": "2026-11-01", "to": "2026-11-30"}'))
    return docs


def _order_documents(engine, admin):
    """The documents of the order lifecycle (order.h): an order paid later, refunded in part (with its refunds,
    timeline and ledger), one cancelled, one with its shipping and billing addresses shipped in two parcels (one
    tracked, one handed over), delivered and completed with its receipt and invoice, found by a search, the outbox
    events of its fulfilment, and a sweep."""
    raw = engine._native
    docs = []
    keep = _keeper(docs)

    product = engine.create_product(admin, {"sku": "S2", "title": "Brush", "stock": 5,
                                            "prices": [{"amount": "4.00", "currency": "EUR"}]})
    cart = engine.create_cart(admin, "EUR")
    engine.add_item(admin, cart["id"], product, 2)
    engine.update_cart(admin, cart, {"shipping_method": "shop"})  # the store has shipping methods by now
    order = engine.place_order(admin, cart["id"], {"payment": {"method": "manual", "kind": "cash_on_delivery"}})
    order_id = order["id"].encode()
    keep(raw.capture_payment(admin, order_id, b'{"reference": "COD-1", "note": "paid to the courier"}'))
    refunded = keep(raw.refund_order(admin, order_id, b'{"lines": [{"line": 0, "quantity": 1, "restock": true}],'
                                                      b' "reason": "damaged"}'))
    assert refunded["refunds"] and len(refunded["timeline"]) > 1 and len(refunded["payment"]["transactions"]) == 2
    keep(raw.cancel_order(admin, order_id, b""))  # the rest is refunded first

    cart = engine.create_cart(admin, "EUR")
    engine.add_item(admin, cart["id"], product, 2)
    cart = engine.update_cart(admin, cart, {"shipping_method": "shop", "shipping_address": {"country": "DE"}})
    order = keep(raw.place_order(admin, cart["id"].encode(), json.dumps({
        "payment": {"method": "manual", "kind": "cash"},
        "shipping_address": {"name": "Ana", "line1": "Hauptstr. 1", "city": "Berlin", "postal_code": "10117",
                             "country": "DE"},
        "billing_address": {"company": "Ana GmbH", "line1": "Jungfernstieg 7", "city": "Hamburg", "country": "DE"},
        "expected": {"total": cart["total"].to_json()}}).encode()))
    assert order["shipping_address"]["city"] == "Berlin" and order["billing_address"]["company"] == "Ana GmbH"
    order_id = order["id"].encode()
    parcel = keep(raw.ship_order(admin, order_id, b'{"lines": [{"line": 0, "quantity": 1}], "carrier": "DHL",'
                                                  b' "tracking_number": "JD1", "tracking_url": "https://d.example/1"}'))
    parcel = parcel["shipments"][0]["id"].encode()
    keep(raw.update_shipment(admin, order_id, parcel, b'{"status": "out_for_delivery"}'))
    keep(raw.ship_order(admin, order_id, b'{"handed_over": true}'))
    delivered = keep(raw.update_shipment(admin, order_id, parcel, b'{"status": "delivered", "note": "at the door"}'))
    assert delivered["status"] == "delivered" and len(delivered["shipments"]) == 2
    keep(raw.complete_order(admin, order_id, b""))
    keep(raw.order_receipt(admin, order_id, b'{"locale": "de-DE", "width": 32}'))
    invoice = keep(raw.order_invoice(admin, order_id, b'{"locale": "de-DE"}'))
    assert invoice["ship_to"]["city"] == "Berlin" and invoice["bill_to"]["city"] == "Hamburg"
    keep(raw.search_orders(admin, b'{"status": "completed"}'))
    batch = keep(raw.fetch_outbox(b'{"topics": ["shipment.", "order.delivered", "order.completed"]}'))
    assert {e["topic"] for e in batch["events"]} == {"shipment.shipped", "shipment.out_for_delivery",
                                                     "shipment.delivered", "order.delivered", "order.completed"}
    keep(raw.sweep_orders(10))
    return docs


def test_every_schema_describes_a_document_the_engine_produces():
    documents = _every_document_type()
    for document in documents:
        validate_document(document)
    produced = {d["type"] for d in documents}
    described = {name.removesuffix(".schema.json") for name in SCHEMAS} - {"money"}
    assert produced == described


def test_a_document_that_breaks_its_schema_is_caught():
    with commerce.open({"path": ":memory:", "password_hashing": HASHING}) as engine:
        engine.bootstrap_admin("admin@example.com", PASSWORD)
        admin = engine.login("admin@example.com", PASSWORD)["token"].encode()
        product = json.loads(engine._native.create_product(
            admin, b'{"sku": "S1", "title": "Soap", "prices": [{"amount": "2.50", "currency": "EUR"}]}').json())
    validate_document(product)
    product["variants"][0]["prices"][0]["amount"] = 2.5  # money is never a JSON number
    with pytest.raises(jsonschema.ValidationError):
        validate_document(product)
