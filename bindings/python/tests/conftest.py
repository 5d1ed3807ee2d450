"""Every document any Python test receives is validated against its schema in docs/schema/.

docs/schema/<type>.schema.json is the contract of the document whose "type" is <type>. The hook wraps the
binding's single decoding point, so a new capability's documents are checked by its tests without extra code,
and a document type without a schema fails the test that produced it.
"""

import json
import pathlib

import jsonschema
import pytest

import commerce

SCHEMA_DIR = pathlib.Path(__file__).resolve().parents[3] / "docs" / "schema"


def _load_schemas():
    return {path.name: json.loads(path.read_text()) for path in SCHEMA_DIR.glob("*.schema.json")}


SCHEMAS = _load_schemas()
SEEN_TYPES = set()


def _validator(schema):
    # jsonschema 4.10 (Debian bookworm) resolves "money.schema.json" through RefResolver's store of $ids.
    store = {s["$id"]: s for s in SCHEMAS.values()}
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())


VALIDATORS = {}


def validate_document(document):
    doc_type = document.get("type")
    name = f"{doc_type}.schema.json"
    assert name in SCHEMAS, f"document type {doc_type!r} has no schema in docs/schema/"
    if name not in VALIDATORS:
        VALIDATORS[name] = _validator(SCHEMAS[name])
    VALIDATORS[name].validate(document)
    SEEN_TYPES.add(doc_type)


ADMIN_PASSWORD = "correct horse battery"
MANUAL_CLOCK = {"path": ":memory:", "password_hashing": {"memory_kib": 64, "iterations": 1, "parallelism": 1},
                "clock": "manual", "clock_start_ms": 1794000000000}  # 2026-11-06T21:20:00Z
# A tax definition: German VAT, 19% on the standard class and 7% on books.
GERMANY = {"origin": {"country": "DE"}, "tax_classes": ["books"],
           "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "19"}],
                                                             "books": [{"name": "VAT", "rate": "7"}]}}]}


@pytest.fixture
def engine_config():
    """The config admin_engine opens; a test module or test overrides this fixture to add members."""
    return MANUAL_CLOCK


@pytest.fixture
def admin_engine(engine_config):
    """An in-memory engine (on a manual clock, unless engine_config says otherwise) and its administrator's
    session: (engine, admin)."""
    engine = commerce.open(engine_config)
    engine.bootstrap_admin("admin@example.com", ADMIN_PASSWORD)
    yield engine, engine.login("admin@example.com", ADMIN_PASSWORD)
    engine.close()


@pytest.fixture(autouse=True)
def validate_every_document(monkeypatch):
    decode = commerce._result

    def checked(outcome):
        if outcome.ok() and outcome.has_document():
            validate_document(json.loads(outcome.json()))
        return decode(outcome)

    monkeypatch.setattr(commerce, "_result", checked)
