"""Tests of the Python binding's wishlist calls (wishlist.h): lists with items read from the catalog, an item
moved to a cart, a share token rotated and revoked, the price-drop and back-in-stock events, and bad input
refused with a stable code.

The conftest validates every document against docs/schema/.
"""

from decimal import Decimal

import pytest

import commerce
from commerce import Money

PASSWORD = "correct horse battery"


def eur(text):
    return Money(Decimal(text), "EUR")


@pytest.fixture
def shop(admin_engine):
    engine, admin = admin_engine
    engine.register_user("ann@example.com", PASSWORD)
    return engine, admin, engine.login("ann@example.com", PASSWORD)


def product(engine, admin, sku, price, stock=10):
    return engine.create_product(admin, {"sku": sku, "title": sku.title(), "prices": [eur(price)], "stock": stock})


def topics(engine, prefix):
    batch = engine.fetch_outbox({"topics": [prefix], "limit": 100})
    for event in batch["events"]:
        engine.ack_event(event)
    return [event for event in batch["events"]]


def test_a_list_with_items_shown_as_the_catalog_has_them(shop):
    engine, admin, ann = shop
    mug = product(engine, admin, "MUG", "12.50")
    wishlist = engine.create_wishlist(ann, "  Kitchen ")
    assert wishlist["type"] == "wishlist" and wishlist["name"] == "Kitchen" and wishlist["items"] == []
    wishlist = engine.add_wishlist_item(ann, wishlist, mug, note="blue")
    wishlist = engine.add_wishlist_item(ann, wishlist, mug["variants"][0])  # again: still one, note kept
    [item] = wishlist["items"]
    assert item["variant_id"] == mug["variants"][0]["id"] and item["note"] == "blue"
    assert item["prices"] == [eur("12.50")] and item["in_stock"] and item["on_sale"]
    assert engine.get_wishlist(ann, wishlist, currency="USD")["items"][0]["prices"] == []
    assert [w["name"] for w in engine.list_wishlists(ann)["items"]] == ["Kitchen"]
    assert engine.rename_wishlist(ann, wishlist, "Home")["name"] == "Home"
    assert engine.remove_wishlist_item(ann, wishlist, item)["items"] == []
    engine.delete_wishlist(ann, wishlist)
    assert engine.list_wishlists(ann)["items"] == []


def test_an_item_moves_to_a_cart_in_one_step(shop):
    engine, admin, ann = shop
    mug = product(engine, admin, "MUG", "12.50")
    wishlist = engine.add_wishlist_item(ann, engine.create_wishlist(ann, "Later"), mug)
    cart = engine.create_cart(ann, "EUR")
    with pytest.raises(commerce.InvalidArgument) as info:
        engine.move_wishlist_item_to_cart(ann, wishlist, wishlist["items"][0], cart, 0)
    assert info.value.details["field"] == "quantity"
    assert len(engine.get_wishlist(ann, wishlist)["items"]) == 1
    cart = engine.move_wishlist_item_to_cart(ann, wishlist, wishlist["items"][0], cart, 3)
    assert cart["type"] == "cart" and cart["items"][0]["quantity"] == 3 and cart["total"] == eur("37.50")
    assert engine.get_wishlist(ann, wishlist)["items"] == []


def test_a_share_token_opens_the_list_until_it_is_rotated_or_revoked(shop):
    engine, admin, ann = shop
    mug = product(engine, admin, "MUG", "12.50")
    wishlist = engine.add_wishlist_item(ann, engine.create_wishlist(ann, "Wedding"), mug)
    first = engine.share_wishlist(ann, wishlist)
    assert first["type"] == "wishlist_share" and len(first["token"]) == 43
    seen = engine.shared_wishlist(first["token"], currency="EUR")
    assert seen["type"] == "shared_wishlist" and seen["name"] == "Wedding" and "shared" not in seen
    second = engine.share_wishlist(ann, wishlist)
    with pytest.raises(commerce.NotFound) as info:
        engine.shared_wishlist(first["token"])
    assert info.value.details == {"field": "token", "reason": "unknown_token"}
    assert engine.shared_wishlist(second["token"])["id"] == wishlist["id"]
    engine.unshare_wishlist(ann, wishlist)
    with pytest.raises(commerce.NotFound):
        engine.shared_wishlist(second["token"])


def test_price_drops_and_restocks_reach_the_outbox_once(shop):
    engine, admin, ann = shop
    mug = product(engine, admin, "MUG", "12.50", stock=0)
    wishlist = engine.add_wishlist_item(ann, engine.create_wishlist(ann, "Watch"), mug)
    topics(engine, "wishlist.")
    engine.update_product(admin, mug, {"prices": [eur("9.99")]})
    engine.update_product(admin, mug, {"prices": [eur("11.00")]})  # up: nothing
    [drop] = topics(engine, "wishlist.")
    assert drop["topic"] == "wishlist.price_drop"
    assert drop["payload"]["old_price"] == eur("12.50") and drop["payload"]["new_price"] == eur("9.99")
    assert drop["payload"]["wishlist_id"] == wishlist["id"] and drop["payload"]["email"] == "ann@example.com"
    variant = mug["variants"][0]["id"]
    engine.adjust_stock(admin, {"variant_id": variant, "kind": "receipt", "quantity": 2})
    engine.adjust_stock(admin, {"variant_id": variant, "kind": "receipt", "quantity": 2})
    [back] = topics(engine, "wishlist.")
    assert back["topic"] == "wishlist.back_in_stock" and back["payload"]["variant_id"] == variant


def test_bad_input_is_refused_and_changes_nothing(shop):
    engine, admin, ann = shop
    engine.register_user("bob@example.com", PASSWORD)
    bob = engine.login("bob@example.com", PASSWORD)
    wishlist = engine.create_wishlist(ann, "Mine")
    with pytest.raises(commerce.InvalidArgument) as info:
        engine.create_wishlist(ann, " ")
    assert info.value.details == {"field": "name", "reason": "empty"}
    with pytest.raises(commerce.Exists):
        engine.create_wishlist(ann, "Mine")
    with pytest.raises(commerce.Forbidden):
        engine.get_wishlist(bob, wishlist)
    with pytest.raises(commerce.Unauthorized):
        engine.list_wishlists(None)
    with pytest.raises(commerce.NotFound):
        engine.add_wishlist_item(ann, wishlist, "nope")
    with pytest.raises(commerce.InvalidArgument):
        engine.create_wishlist(ann, "a\0b")
    with pytest.raises(TypeError):
        engine.move_wishlist_item_to_cart(ann, wishlist, "x", "y", 1.0)
    assert engine.get_wishlist(ann, wishlist)["items"] == []
    assert [w["name"] for w in engine.list_wishlists(ann)["items"]] == ["Mine"]
