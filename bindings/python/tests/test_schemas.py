"""The schema contract itself: every schema is well formed and describes documents the engine really produces."""

import json

import jsonschema
import pytest

import commerce
from conftest import SCHEMAS, validate_document

HASHING = {"memory_kib": 64, "iterations": 1, "parallelism": 1}
PASSWORD = "correct horse battery"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_a_valid_draft_2020_12_schema(name):
    schema = SCHEMAS[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.validators.validator_for(schema).check_schema(schema)


def _every_document_type():
    """One document of every type the engine produces, from one purchase story."""
    with commerce.open(path=":memory:", password_hashing=HASHING) as engine:
        raw = engine._native
        docs = [json.loads(raw.info().json())]
        engine.bootstrap_admin("admin@example.com", PASSWORD)
        admin = engine.login("admin@example.com", PASSWORD)
        docs.append(json.loads(raw.login(b"admin@example.com", PASSWORD.encode()).json()))
        docs.append(json.loads(raw.me(admin["token"].encode()).json()))
        product = engine.create_product(admin, {"sku": "S1", "title": "Soap", "stock": 5,
                                                "prices": [{"amount": "2.50", "currency": "EUR"}]})
        docs.append(json.loads(raw.get_product(product["id"].encode()).json()))
        docs.append(json.loads(raw.list_products(b"").json()))
        cart = engine.create_cart(admin, "EUR")
        docs.append(json.loads(raw.add_item(admin["token"].encode(), cart["id"].encode(),
                                            product["id"].encode(), 2).json()))
        order = engine.place_order(admin, cart["id"], {"payment": {"method": "manual", "kind": "cash",
                                                                   "tendered": "10.00"}})
        docs.append(json.loads(raw.get_order(admin["token"].encode(), order["id"].encode()).json()))
        docs.append(json.loads(raw.list_orders(admin["token"].encode(), b"").json()))
        return docs


def test_every_schema_describes_a_document_the_engine_produces():
    documents = _every_document_type()
    for document in documents:
        validate_document(document)
    produced = {d["type"] for d in documents}
    described = {name.removesuffix(".schema.json") for name in SCHEMAS} - {"money"}
    assert produced == described


def test_a_document_that_breaks_its_schema_is_caught():
    bad_money = {"type": "product", "schema_version": 1, "id": "p", "sku": "S", "title": "T",
                 "description": "", "prices": [{"amount": 2.5, "currency": "EUR"}], "stock": 1, "version": 1,
                 "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}
    with pytest.raises(jsonschema.ValidationError):
        validate_document(bad_money)
