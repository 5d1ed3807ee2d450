"""Tests of the Python binding's catalog, inventory, search and review calls (catalog.h, inventory.h, search.h,
review.h) and of carts holding variants.

Every engine runs on a manual clock. The conftest validates every document against docs/schema/.
"""

from decimal import Decimal

import pytest

import commerce
from commerce import Money

HASHING = {"memory_kib": 64, "iterations": 1, "parallelism": 1}
START_MS = 1794000000000  # 2026-11-06T21:20:00Z
CONFIG = {"path": ":memory:", "password_hashing": HASHING, "clock": "manual", "clock_start_ms": START_MS,
          "catalog": {"default_locale": "en"}}
PASSWORD = "correct horse battery"
EAN13 = "4006381333931"
UPC_A = "036000291452"  # its EAN-13 form is 0036000291452


def eur(text):
    return Money(Decimal(text), "EUR")


def expect_error(cls, fn, *args, **kwargs):
    with pytest.raises(cls) as info:
        fn(*args, **kwargs)
    err = info.value
    assert err.code == cls.code and err.name == commerce.status_name(cls.code)
    assert isinstance(err.details, dict)
    return err


def elden_ring(**extra):
    """A published physical product with one option and two variants."""
    product = {
        "slug": "elden-ring", "title": "Elden Ring", "description": "An action RPG.", "kind": "physical",
        "status": "published", "tags": ["rpg", "souls"], "attributes": {"genre": "rpg", "platform": ["pc", "ps5"]},
        "seo": {"title": "Elden Ring (PC, PS5)", "description": "Buy Elden Ring"},
        "images": [{"url": "https://example.com/er.png", "alt": "Box art"}],
        "options": [{"name": "Edition", "values": ["Standard", "Deluxe"]}],
        "variants": [
            {"sku": "ER-STD", "options": {"Edition": "Standard"}, "barcode": EAN13, "prices": [eur("59.99")],
             "weight_grams": 120, "dimensions_mm": {"length": 190, "width": 135, "height": 15},
             "low_stock_threshold": 2, "stock": 10},
            {"sku": "ER-DLX", "options": {"Edition": "Deluxe"}, "barcode": UPC_A,
             "prices": [{"amount": "79.99", "currency": "EUR"}, Money("89.99", "CHF")], "stock": 3}],
        "translations": {"pt-BR": {"title": "Elden Ring: Edição Brasileira", "description": "Um RPG de ação.",
                                   "options": {"Edition": "Edição"}}},
    }
    product.update(extra)
    return product


class Shop:
    def __init__(self):
        self.engine = commerce.open(CONFIG)
        e = self.engine
        e.bootstrap_admin("admin@example.com", PASSWORD)
        self.admin = e.login("admin@example.com", PASSWORD)
        e.register_user("alice@example.com", PASSWORD)
        self.alice = e.login("alice@example.com", PASSWORD)
        e.register_user("bob@example.com", PASSWORD)
        self.bob = e.login("bob@example.com", PASSWORD)
        e.fetch_outbox({"limit": 100})  # the registration mails

    def variant(self, product, sku):
        return next(v for v in product["variants"] if v["sku"] == sku)

    def events(self, prefix):
        batch = self.engine.fetch_outbox({"topics": [prefix], "limit": 100})
        for event in batch["events"]:
            self.engine.ack_event(event)
        return batch["events"]


@pytest.fixture
def shop():
    s = Shop()
    yield s
    s.engine.close()


# ---------------------------------------------------------------------------------------------------------
# products, options, variants
# ---------------------------------------------------------------------------------------------------------


def test_a_product_with_options_and_variants(shop):
    e = shop.engine
    product = e.create_product(shop.admin, elden_ring())
    assert product["type"] == "product" and product["slug"] == "elden-ring" and product["status"] == "published"
    assert product["options"] == [{"name": "Edition", "values": ["Standard", "Deluxe"]}]
    assert [v["sku"] for v in product["variants"]] == ["ER-STD", "ER-DLX"]
    std, dlx = shop.variant(product, "ER-STD"), shop.variant(product, "ER-DLX")
    assert std["options"] == {"Edition": "Standard"} and std["barcode"] == EAN13
    assert std["prices"] == [eur("59.99")] and isinstance(std["prices"][0].amount, Decimal)
    assert set(dlx["prices"]) == {eur("79.99"), Money("89.99", "CHF")}
    assert std["stock"]["on_hand"] == 10 and std["stock"]["available"] == 10 and dlx["stock"]["on_hand"] == 3
    assert std["dimensions_mm"] == {"length": 190, "width": 135, "height": 15}
    assert product["attributes"] == {"genre": "rpg", "platform": ["pc", "ps5"]}
    assert product["rating"] == {"average": "0.00", "count": 0}

    # ids or documents are accepted; get returns every translation
    assert e.get_product(product) == e.get_product(product["id"])
    assert "pt-BR" in e.get_product(product)["translations"]

    # a variant with an id is updated, one without is added; a stale version conflicts
    patch = {"variants": [{"id": std["id"], "sku": "ER-STD", "options": {"Edition": "Standard"},
                           "prices": [eur("49.99")]},
                          {"id": dlx["id"], "sku": "ER-DLX", "options": {"Edition": "Deluxe"},
                           "prices": [eur("79.99")]},
                          {"sku": "ER-COL", "options": {"Edition": "Collector"}, "prices": [eur("199.00")]}],
             "options": [{"name": "Edition", "values": ["Standard", "Deluxe", "Collector"]}],
             "expected_version": product["version"]}
    updated = e.update_product(shop.admin, product, patch)
    assert updated["version"] > product["version"]
    assert shop.variant(updated, "ER-STD")["prices"] == [eur("49.99")]
    assert shop.variant(updated, "ER-STD")["id"] == std["id"]
    assert shop.variant(updated, "ER-COL")["stock"]["on_hand"] == 0
    expect_error(commerce.Conflict, e.update_product, shop.admin, product["id"],
                 {"title": "Stale", "expected_version": product["version"]})

    # admin lists include drafts and filter by tag and search text
    e.create_product(shop.admin, {"title": "Draft Soap", "sku": "SOAP", "status": "draft",
                                  "prices": [eur("2.50")]})
    listed = e.list_products({"tag": "rpg"})
    assert [p["id"] for p in listed["items"]] == [product["id"]]
    assert {p["slug"] for p in e.list_products()["items"]} == {"elden-ring", "draft-soap"}
    page = e.list_products({"page": 1, "limit": 1})
    assert len(page["items"]) == 1 and page["total"] == 2
    assert [p["title"] for p in e.list_products({"search": "soap"})["items"]] == ["Draft Soap"]

    e.delete_product(shop.admin, product)
    expect_error(commerce.NotFound, e.get_product, product["id"])


def test_a_single_variant_product_goes_into_a_cart_by_product_or_variant(shop):
    e = shop.engine
    soap = e.create_product(shop.admin, {"title": "Soap", "sku": "SOAP", "status": "published",
                                          "prices": [eur("2.50")], "stock": 5})
    assert soap["slug"] == "soap" and len(soap["variants"]) == 1
    game = e.create_product(shop.admin, elden_ring())
    cart = e.create_cart(shop.alice, "EUR")
    cart = e.add_item(shop.alice, cart["id"], soap, 2)  # a single-variant product by its document
    cart = e.add_item(shop.alice, cart["id"], shop.variant(game, "ER-DLX")["id"], 1)
    cart = e.update_item(shop.alice, cart["id"], shop.variant(game, "ER-DLX"), 2)
    assert cart["item_count"] == 4 and cart["total"] == eur("164.98")
    cart = e.remove_item(shop.alice, cart["id"], soap["variants"][0]["id"])
    assert cart["item_count"] == 2
    # a product with two variants is not an item
    expect_error(commerce.InvalidArgument, e.add_item, shop.alice, cart["id"], game, 1)


def test_translations_and_the_localized_view(shop):
    e = shop.engine
    product = e.create_product(shop.admin, elden_ring())
    view = e.view_product("elden-ring", "pt-BR")
    assert view["type"] == "product_view" and view["locale"] == "pt-BR"
    assert view["title"] == "Elden Ring: Edição Brasileira" and view["description"] == "Um RPG de ação."
    assert view["options"][0]["name"] == "Edition" and view["options"][0]["label"] == "Edição"
    default = e.view_product(product)  # the store's default locale
    assert default["title"] == "Elden Ring" and default["options"][0]["label"] == "Edition"
    # no German text: the default locale's
    assert e.view_product(product["id"], "de-CH")["title"] == "Elden Ring"

    # a patch merges per locale; a None locale removes it
    e.update_product(shop.admin, product, {"translations": {"de": {"title": "Elden Ring (DE)"}}})
    assert e.view_product(product, "de-CH")["title"] == "Elden Ring (DE)"
    e.update_product(shop.admin, product, {"translations": {"de": None}})
    assert set(e.get_product(product)["translations"]) == {"pt-BR"}

    # drafts are not visible to shoppers until they are scheduled
    draft = e.create_product(shop.admin, {"title": "Later", "sku": "LATER", "status": "draft",
                                           "prices": [eur("1.00")], "publish_at": "2026-11-07T00:00:00Z"})
    expect_error(commerce.NotFound, e.view_product, draft["slug"])
    e.advance_time(3 * 3600 * 1000)
    assert e.view_product(draft["slug"])["id"] == draft["id"]
    err = expect_error(commerce.InvalidArgument, e.create_product, shop.admin,
                       elden_ring(slug="x", variants=None, options=None, sku="X", prices=[eur("1")],
                                  translations={"xx-INVALID-1": {"title": "?"}}))
    assert err.details.get("field")


def test_barcode_lookup(shop):
    e = shop.engine
    product = e.create_product(shop.admin, elden_ring())
    match = e.variant_by_barcode(EAN13)
    assert match["type"] == "variant_match"
    assert match["product"]["id"] == product["id"] and match["variant"]["sku"] == "ER-STD"
    assert match["variant"]["prices"] == [eur("59.99")]
    # a UPC-A and its EAN-13 form find the same variant
    assert e.variant_by_barcode(UPC_A)["variant"]["sku"] == "ER-DLX"
    assert e.variant_by_barcode("0" + UPC_A)["variant"]["sku"] == "ER-DLX"
    expect_error(commerce.NotFound, e.variant_by_barcode, "4006381333948")
    # a bad check digit is refused and nothing is written
    before = len(e.list_products()["items"])
    err = expect_error(commerce.InvalidArgument, e.create_product, shop.admin,
                       {"title": "Bad", "sku": "BAD", "barcode": "4006381333932", "prices": [eur("1.00")]})
    assert err.details["field"].endswith("barcode")
    # a duplicate barcode or SKU exists already
    expect_error(commerce.Exists, e.create_product, shop.admin,
                 {"title": "Dup", "sku": "DUP", "barcode": EAN13, "prices": [eur("1.00")]})
    expect_error(commerce.Exists, e.create_product, shop.admin,
                 {"title": "Dup", "sku": "ER-STD", "prices": [eur("1.00")]})
    assert len(e.list_products()["items"]) == before


# ---------------------------------------------------------------------------------------------------------
# categories and collections
# ---------------------------------------------------------------------------------------------------------


def test_the_category_tree(shop):
    e = shop.engine
    games = e.create_category(shop.admin, {"slug": "games", "name": "Games"})
    rpg = e.create_category(shop.admin, {"slug": "rpg", "name": "RPG", "parent_id": games["id"]})
    action = e.create_category(shop.admin, {"slug": "action", "name": "Action", "parent_id": games["id"],
                                            "position": 0})
    assert games["type"] == "category" and rpg["parent_id"] == games["id"]
    e.create_product(shop.admin, elden_ring(category_ids=[rpg["id"]]))

    tree = e.category_tree()
    assert tree["type"] == "category_tree"
    (root,) = tree["roots"]
    assert root["slug"] == "games" and root["product_count"] == 1
    assert [c["slug"] for c in root["children"]] == ["action", "rpg"]
    assert [c["product_count"] for c in root["children"]] == [0, 1]

    # moving RPG first, then to the top level
    e.move_category(shop.admin, rpg, games, 0)
    assert [c["slug"] for c in e.category_tree(games)["roots"][0]["children"]] == ["rpg", "action"]
    moved = e.move_category(shop.admin, rpg["id"], None, 1)
    assert moved["parent_id"] is None
    assert [r["slug"] for r in e.category_tree()["roots"]] == ["games", "rpg"]
    e.update_category(shop.admin, action, {"name": "Action games"})
    assert e.category_tree(games)["roots"][0]["children"][0]["name"] == "Action games"

    # a category cannot move under itself or its descendants; one with children cannot be deleted
    err = expect_error(commerce.InvalidArgument, e.move_category, shop.admin, games, action, 0)
    assert err.details["field"] == "parent_id"
    expect_error(commerce.IllegalState, e.delete_category, shop.admin, games)
    e.delete_category(shop.admin, action)
    e.delete_category(shop.admin, games)
    assert [r["slug"] for r in e.category_tree()["roots"]] == ["rpg"]
    # customers cannot write the catalog
    expect_error(commerce.Forbidden, e.create_category, shop.alice, {"name": "Nope"})


def test_collections(shop):
    e = shop.engine
    game = e.create_product(shop.admin, elden_ring())
    soap = e.create_product(shop.admin, {"title": "Soap", "sku": "SOAP", "prices": [eur("2.50")]})
    sale = e.create_collection(shop.admin, {"slug": "summer-sale", "title": "Summer sale",
                                            "product_ids": [game["id"], soap["id"]]})
    assert sale["type"] == "collection" and sale["product_ids"] == [game["id"], soap["id"]]
    assert e.get_collection("summer-sale")["id"] == sale["id"]
    sale = e.update_collection(shop.admin, sale, {"product_ids": [soap["id"]]})
    assert sale["product_ids"] == [soap["id"]]
    assert [p["id"] for p in e.list_products({"collection_id": sale["id"]})["items"]] == [soap["id"]]
    e.delete_collection(shop.admin, sale)
    expect_error(commerce.NotFound, e.get_collection, sale["id"])


# ---------------------------------------------------------------------------------------------------------
# inventory
# ---------------------------------------------------------------------------------------------------------


def test_inventory_receipt_transfer_level_and_reservations(shop):
    e = shop.engine
    product = e.create_product(shop.admin, elden_ring())
    std = shop.variant(product, "ER-STD")
    kiosk = e.create_location(shop.admin, {"code": "kiosk-3", "name": "Kiosk 3, Main St", "kind": "kiosk"})
    assert kiosk["type"] == "location"
    assert {loc["code"] for loc in e.list_locations()["items"]} == {"default", "kiosk-3"}

    level = e.adjust_stock(shop.admin, {"variant_id": std["id"], "kind": "receipt", "quantity": 12,
                                        "reason": "supplier delivery 4411", "reference": "PO-4411"})
    assert level["type"] == "stock_level" and level["on_hand"] == 22 and level["available"] == 22
    level = e.transfer_stock(shop.admin, {"variant_id": std["id"], "from": "default", "to": kiosk["id"],
                                          "quantity": 5, "reason": "restock the kiosk"})
    assert level["on_hand"] == 22
    by_location = {s["location_id"]: s for s in level["locations"]}
    assert by_location[kiosk["id"]]["on_hand"] == 5
    assert sum(s["on_hand"] for s in level["locations"]) == 22

    reservation = e.reserve_stock(shop.admin, {"variant_id": std["id"], "location_id": kiosk["id"],
                                               "quantity": 2, "ttl_seconds": 900, "reference": "cart-1"})
    assert reservation["type"] == "stock_reservation" and reservation["quantity"] == 2
    level = e.stock_level(std)
    assert level["reserved"] == 2 and level["available"] == 20
    e.release_reservation(shop.admin, reservation)
    assert e.stock_level(std["id"])["available"] == 22
    expect_error(commerce.NotFound, e.release_reservation, shop.admin, reservation["id"])

    # a reservation expires on the engine's clock
    e.reserve_stock(shop.admin, {"variant_id": std["id"], "quantity": 4, "ttl_seconds": 60})
    assert e.stock_level(std)["reserved"] == 4
    e.advance_time(61 * 1000)
    assert e.stock_level(std)["reserved"] == 0

    # the ledger, newest first
    movements = e.list_stock_movements(shop.admin, {"variant_id": std["id"]})
    kinds = [m["kind"] for m in movements["items"]]
    assert kinds[:3] == ["transfer_in", "transfer_out", "receipt"] or kinds[:3] == ["transfer_out", "transfer_in",
                                                                                  "receipt"]
    assert sum(m["quantity"] for m in movements["items"]) == 22

    # not enough stock: nothing changes
    err = expect_error(commerce.OutOfStock, e.adjust_stock, shop.admin,
                       {"variant_id": std["id"], "location_id": kiosk["id"], "kind": "adjustment", "quantity": -6})
    assert isinstance(err.details, dict)
    expect_error(commerce.OutOfStock, e.reserve_stock, shop.admin,
                 {"variant_id": std["id"], "quantity": 23, "ttl_seconds": 60})
    assert e.stock_level(std)["on_hand"] == 22
    expect_error(commerce.InvalidArgument, e.adjust_stock, shop.admin,
                 {"variant_id": std["id"], "kind": "receipt", "quantity": 0})
    expect_error(commerce.Forbidden, e.adjust_stock, shop.alice,
                 {"variant_id": std["id"], "kind": "receipt", "quantity": 1})


def test_low_stock_is_announced_once(shop):
    e = shop.engine
    product = e.create_product(shop.admin, elden_ring())
    std = shop.variant(product, "ER-STD")  # threshold 2, 10 in stock
    shop.events("inventory.")
    e.adjust_stock(shop.admin, {"variant_id": std["id"], "kind": "adjustment", "quantity": -8})
    e.adjust_stock(shop.admin, {"variant_id": std["id"], "kind": "adjustment", "quantity": -1})
    (event,) = shop.events("inventory.low_stock")
    assert event["payload"]["variant_id"] == std["id"] and event["payload"]["available"] == 2


# ---------------------------------------------------------------------------------------------------------
# search
# ---------------------------------------------------------------------------------------------------------


def test_search_with_a_filter_and_a_facet(shop):
    e = shop.engine
    e.create_product(shop.admin, elden_ring())
    e.create_product(shop.admin, {"title": "Elden Soap", "sku": "ESOAP", "status": "published", "tags": ["soap"],
                                  "prices": [eur("4.00")], "stock": 1})
    e.create_product(shop.admin, {"title": "Elden Draft", "sku": "EDRAFT", "tags": ["rpg"], "status": "draft",
                                  "prices": [eur("4.00")]})

    result = e.search({"q": "elden", "currency": "EUR", "facets": ["tags"]})
    assert result["type"] == "search_result" and result["total"] == 2  # the draft is not found
    tags = {f["tag"]: f["count"] for f in result["facets"]["tags"]}
    assert tags["rpg"] == 1 and tags["soap"] == 1

    result = e.search({"q": "elden", "currency": "EUR", "filters": {"tags": ["rpg"]}, "facets": ["price"],
                       "price_buckets": ["10.00", "50.00"]})
    assert [hit["slug"] for hit in result["items"]] == ["elden-ring"]
    assert result["items"][0]["price"] == eur("59.99")
    assert sum(b["count"] for b in result["facets"]["price"]) == 1

    cheap = e.search({"currency": "EUR", "filters": {"price": {"min": Decimal("1"), "max": "10.00"}}})
    assert [hit["title"] for hit in cheap["items"]] == ["Elden Soap"]

    # typo tolerance, prefix matching and the localized title
    assert e.search({"q": "eldn rin"})["items"][0]["slug"] == "elden-ring"
    assert e.search({"q": "eld"})["total"] == 2
    assert e.search({"q": "brasileira", "locale": "pt-BR"})["items"][0]["slug"] == "elden-ring"
    # user text is data, never query syntax
    assert e.search({"q": '"elden" OR * NEAR -ring'})["type"] == "search_result"
    assert e.search()["total"] == 2

    # a price filter needs a currency
    err = expect_error(commerce.InvalidArgument, e.search, {"filters": {"price": {"min": "1.00"}}})
    assert err.details["field"] == "currency"


# ---------------------------------------------------------------------------------------------------------
# reviews
# ---------------------------------------------------------------------------------------------------------


def test_a_review_is_submitted_moderated_and_rated(shop):
    e = shop.engine
    product = e.create_product(shop.admin, elden_ring())
    review = e.submit_review(shop.alice, product, {"rating": 5, "title": "Great", "body": "Loved it."})
    assert review["type"] == "review" and review["status"] == "pending" and review["rating"] == 5
    assert review["verified_purchase"] is False
    assert e.list_reviews(product)["rating"] == {"average": "0.00", "count": 0}  # pending reviews do not count
    assert [r["id"] for r in e.review_queue(shop.admin, {"status": "pending"})["items"]] == [review["id"]]

    approved = e.moderate_review(shop.admin, review, "approved")
    assert approved["status"] == "approved"
    bob = e.submit_review(shop.bob, product["id"], {"rating": 4, "title": "Good", "body": "Hard."})
    e.moderate_review(shop.admin, bob["id"], "approved", None)
    listed = e.list_reviews(product["id"], {"sort": "rating_desc"})
    assert listed["type"] == "review_list" and [r["rating"] for r in listed["items"]] == [5, 4]
    assert listed["rating"] == {"average": "4.50", "count": 2}
    assert e.get_product(product)["rating"] == {"average": "4.50", "count": 2}

    # votes: once per user and kind, never on one's own review
    voted = e.vote_review(shop.bob, review, "helpful")
    assert voted["helpful_count"] == 1
    expect_error(commerce.Exists, e.vote_review, shop.bob, review, "helpful")
    expect_error(commerce.Forbidden, e.vote_review, shop.alice, review, "helpful")
    assert e.vote_review(shop.bob, review, "report", "spoilers")["report_count"] == 1

    # a rejection needs a reason; a rejected review stops counting
    expect_error(commerce.InvalidArgument, e.moderate_review, shop.admin, bob, "rejected")
    rejected = e.moderate_review(shop.admin, bob, "rejected", "off topic")
    assert rejected["status"] == "rejected" and rejected["moderation_reason"] == "off topic"
    assert e.list_reviews(product)["rating"] == {"average": "5.00", "count": 1}
    expect_error(commerce.Forbidden, e.moderate_review, shop.alice, review, "approved")

    e.delete_review(shop.alice, review)
    assert e.list_reviews(product)["rating"] == {"average": "0.00", "count": 0}
    err = expect_error(commerce.InvalidArgument, e.submit_review, shop.alice, product, {"rating": 6})
    assert err.details["field"] == "rating"
    expect_error(commerce.Unauthorized, e.submit_review, None, product, {"rating": 3})


# ---------------------------------------------------------------------------------------------------------
# product requests and licence keys
# ---------------------------------------------------------------------------------------------------------


def test_a_product_request_is_fulfilled(shop):
    e = shop.engine
    request = e.create_product_request(shop.alice, {"title": "Hollow Knight", "details": "The Switch edition"})
    assert request["type"] == "product_request" and request["status"] == "open"
    e.create_product_request(shop.bob, {"title": "Celeste"})
    assert [r["title"] for r in e.list_product_requests(shop.alice)["items"]] == ["Hollow Knight"]
    assert len(e.list_product_requests(shop.admin, {"status": "open"})["items"]) == 2

    product = e.create_product(shop.admin, {"title": "Hollow Knight", "sku": "HK", "status": "published",
                                            "prices": [eur("14.99")]})
    fulfilled = e.fulfill_product_request(shop.admin, request, product)
    assert fulfilled["status"] == "fulfilled" and fulfilled["product_id"] == product["id"]
    assert [r["id"] for r in e.list_product_requests(shop.admin, {"status": "fulfilled"})["items"]] == [request["id"]]
    (event,) = shop.events("product_request.")
    assert event["topic"] == "product_request.fulfilled"

    expect_error(commerce.Unauthorized, e.create_product_request, None, {"title": "Anonymous"})
    expect_error(commerce.Forbidden, e.fulfill_product_request, shop.alice, request, product)
    expect_error(commerce.InvalidArgument, e.create_product_request, shop.alice, {"title": ""})


def test_licence_keys_import_and_pool(shop):
    e = shop.engine
    product = e.create_product(shop.admin, {"title": "Elden Ring (key)", "sku": "ER-KEY", "kind": "digital",
                                            "status": "published", "prices": [eur("49.99")],
                                            "digital": {"licence_type": "single_user"}})
    variant = product["variants"][0]
    assert variant["stock"]["tracked"] is False and variant["stock"]["available"] is None  # unlimited, no pool

    pool = e.import_licence_keys(shop.admin, variant, ["AAAA-0001", "AAAA-0002"])
    assert pool["type"] == "licence_pool" and pool["available"] == 2 and pool["assigned"] == 0
    pool = e.import_licence_keys(shop.admin, variant["id"], '["AAAA-0002", "AAAA-0003"]')
    assert pool["available"] == 3 and pool["skipped"] == 1
    assert e.licence_pool(shop.admin, variant)["available"] == 3
    assert e.get_product(product)["variants"][0]["stock"]["available"] == 3

    expect_error(commerce.InvalidArgument, e.import_licence_keys, shop.admin, variant, [])
    expect_error(commerce.InvalidArgument, e.import_licence_keys, shop.admin, variant, ["x" * 257])
    expect_error(commerce.Forbidden, e.licence_pool, shop.alice, variant)
    with pytest.raises(TypeError):
        e.import_licence_keys(shop.admin, variant, {"not": "a list"})


def test_a_sale_hands_out_a_licence_key(shop):
    e = shop.engine
    product = e.create_product(shop.admin, {"title": "Key", "sku": "KEY", "kind": "digital", "status": "published",
                                            "prices": [eur("49.99")]})
    variant = product["variants"][0]
    e.import_licence_keys(shop.admin, variant, ["AAAA-0001", "AAAA-0002"])
    cart = e.create_cart(shop.alice, "EUR")
    e.add_item(shop.alice, cart["id"], variant, 1)
    order = e.place_order(shop.alice, cart["id"], {"payment": {"method": "manual", "kind": "cash",
                                                               "tendered": "50.00"}})
    (line,) = order["lines"]
    assert line["licence_keys"] == ["AAAA-0001"]  # oldest first, in clear for the buyer
    pool = e.licence_pool(shop.admin, variant)
    assert pool["available"] == 1 and pool["assigned"] == 1
    assert e.get_order(shop.alice, order["id"])["lines"][0]["licence_keys"] == ["AAAA-0001"]
    # a pool with fewer keys than units sold refuses the sale and takes nothing
    cart = e.create_cart(shop.alice, "EUR")
    e.add_item(shop.alice, cart["id"], variant, 2)
    expect_error(commerce.OutOfStock, e.place_order, shop.alice, cart["id"],
                 {"payment": {"method": "manual", "kind": "cash", "tendered": "100.00"}})
    assert e.licence_pool(shop.admin, variant)["available"] == 1


def test_nul_characters_in_new_arguments_are_refused(shop):
    e = shop.engine
    err = expect_error(commerce.InvalidArgument, e.view_product, "elden\0ring")
    assert err.details == {"field": "id_or_slug"}
    err = expect_error(commerce.InvalidArgument, e.move_category, shop.admin, "c", "p\0", 0)
    assert err.details == {"field": "parent_id"}
    err = expect_error(commerce.InvalidArgument, e.vote_review, shop.alice, "r", "report", "a\0b")
    assert err.details == {"field": "reason"}
