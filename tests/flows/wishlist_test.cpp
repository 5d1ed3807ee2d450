// Wishlists through the flows on a manual clock: named lists with bounds, items read from the catalog at read
// time, moving an item to a cart in one transaction, read-only share tokens, the price-drop and back-in-stock
// events (each exactly once), erasure and export, and bad input that changes nothing.
#include "flows/data_rights.h"
#include "flows/inventory.h"
#include "flows/licence_keys.h"
#include "flows/wishlists.h"
#include "shop_fixture.h"

using namespace commerce;
using shop::Account;
using shop::Shop;
using json = nlohmann::json;

namespace {

json money(const char* amount, const char* currency) { return {{"amount", amount}, {"currency", currency}}; }

json prices(const std::string& eur, const std::string& usd) {
    return json::array({money(eur.c_str(), "EUR"), money(usd.c_str(), "USD")});
}

// A shop with two shoppers and a catalog the tests change prices and stock of.
struct Wishes : Shop {
    using Shop::Shop;
    Account ann = customer("ann@wish.test");
    Account bob = customer("bob@wish.test");

    // A product of one variant priced in EUR and USD, with stock unless it is negative; returns the variant's id.
    std::string variant(const std::string& sku, int64_t stock = 10, const json& extra = json::object()) {
        json input = {{"sku", sku}, {"title", "Item " + sku}, {"prices", prices("20.00", "22.00")}};
        if (stock >= 0) input["stock"] = stock;
        input.update(extra);
        return flows::create_product(*engine, admin.session.c_str(), input.dump().c_str())["variants"][0]["id"];
    }
    std::string product_of(const std::string& variant_id) {
        return flows::stock_level(*engine, variant_id.c_str())["product_id"];
    }
    json update(const std::string& variant_id, const json& patch) {
        const std::string product = product_of(variant_id);
        return flows::update_product(*engine, admin.session.c_str(), product.c_str(), patch.dump().c_str());
    }
    json reprice(const std::string& variant_id, const std::string& eur, const std::string& usd = "22.00") {
        return update(variant_id, {{"prices", prices(eur, usd)}});
    }
    json adjust(const std::string& variant_id, int64_t quantity) {
        const json movement = {{"variant_id", variant_id}, {"kind", quantity > 0 ? "receipt" : "adjustment"},
                               {"quantity", quantity}};
        return flows::adjust_stock(*engine, admin.session.c_str(), movement.dump().c_str());
    }

    json create(const Account& who, const char* name) {
        return flows::create_wishlist(*engine, who.session.c_str(), name);
    }
    json get(const Account& who, const std::string& id, const char* currency = nullptr) {
        return flows::get_wishlist(*engine, who.session.c_str(), id.c_str(), currency);
    }
    json add(const Account& who, const std::string& id, const std::string& item, const char* note = nullptr) {
        return flows::add_wishlist_item(*engine, who.session.c_str(), id.c_str(), item.c_str(), note);
    }
    json lists(const Account& who) { return flows::list_wishlists(*engine, who.session.c_str()); }
    json shared(const std::string& token, const char* currency = nullptr) {
        return flows::shared_wishlist(*engine, token.c_str(), currency);
    }
    std::string share(const Account& who, const std::string& id) {
        return flows::share_wishlist(*engine, who.session.c_str(), id.c_str())["token"];
    }
};

json details_of(const std::function<void()>& call) { return failure_of(call).details(); }

std::vector<std::string> variants_of(const json& wishlist) {
    std::vector<std::string> ids;
    for (const auto& item : wishlist["items"]) ids.push_back(item["variant_id"]);
    return ids;
}

}  // namespace

TEST_CASE("wishlists: a user's named lists are created, listed, renamed and deleted") {
    Wishes s;
    const json birthday = s.create(s.ann, "  Birthday  ");
    CHECK(birthday["type"] == "wishlist");
    CHECK(birthday["schema_version"] == 1);
    CHECK(birthday["name"] == "Birthday");  // trimmed
    CHECK(birthday["items"].empty());
    CHECK(birthday["shared"] == false);
    CHECK(birthday["shared_at"].is_null());
    CHECK(birthday["currency"].is_null());
    s.engine->manual_clock().advance(1);
    const std::string kitchen = s.create(s.ann, "Kitchen")["id"];
    s.create(s.bob, "Birthday");  // names are unique per user only

    json mine = s.lists(s.ann);
    CHECK(mine["type"] == "wishlist_list");
    REQUIRE(mine["items"].size() == 2);
    CHECK(mine["items"][0]["id"] == birthday["id"]);  // oldest first
    CHECK(mine["items"][1]["name"] == "Kitchen");
    CHECK(mine["items"][1]["item_count"] == 0);
    CHECK(s.lists(s.bob)["items"].size() == 1);

    const std::string id = birthday["id"];
    const json renamed = flows::rename_wishlist(*s.engine, s.ann.session.c_str(), id.c_str(), "Birthday 2027");
    CHECK(renamed["name"] == "Birthday 2027");
    CHECK(flows::rename_wishlist(*s.engine, s.ann.session.c_str(), id.c_str(), "Birthday 2027")["name"] ==
          "Birthday 2027");  // to its own name: nothing to do
    flows::delete_wishlist(*s.engine, s.ann.session.c_str(), kitchen.c_str());
    mine = s.lists(s.ann);
    REQUIRE(mine["items"].size() == 1);
    CHECK(mine["items"][0]["name"] == "Birthday 2027");
    CHECK(code_of([&] { s.get(s.ann, kitchen); }) == COMMERCE_ERR_NOT_FOUND);
}

TEST_CASE("wishlists: bad names, other users' lists and missing sessions are refused and change nothing") {
    Wishes s;
    const std::string id = s.create(s.ann, "Gifts")["id"];
    const std::string other = s.create(s.ann, "Other")["id"];
    const auto before = s.lists(s.ann);

    CHECK(details_of([&] { s.create(s.ann, "   "); }) == json{{"field", "name"}, {"reason", "empty"}});
    CHECK(details_of([&] { s.create(s.ann, std::string(101, 'x').c_str()); }) ==
          json{{"field", "name"}, {"reason", "too_long"}});
    CHECK(s.create(s.ann, std::string(100, 'x').c_str())["name"].get<std::string>().size() == 100);
    const std::string longest = s.lists(s.ann)["items"][2]["id"];
    flows::delete_wishlist(*s.engine, s.ann.session.c_str(), longest.c_str());
    CHECK(code_of([&] { s.create(s.ann, nullptr); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(details_of([&] { s.create(s.ann, "Gifts"); }) == json{{"field", "name"}, {"reason", "duplicate"}});
    CHECK(code_of([&] { s.create(s.ann, "Gifts"); }) == COMMERCE_ERR_EXISTS);
    CHECK(code_of([&] { flows::rename_wishlist(*s.engine, s.ann.session.c_str(), other.c_str(), "Gifts"); }) ==
          COMMERCE_ERR_EXISTS);
    CHECK(code_of([&] { flows::create_wishlist(*s.engine, nullptr, "Mine"); }) == COMMERCE_ERR_UNAUTHORIZED);
    CHECK(code_of([&] { flows::list_wishlists(*s.engine, "not-a-session"); }) == COMMERCE_ERR_UNAUTHORIZED);

    // Someone else's list: neither readable nor changeable, however it is named.
    CHECK(details_of([&] { s.get(s.bob, id); }) == json{{"field", "wishlist_id"}, {"reason", "not_owner"}});
    CHECK(code_of([&] { s.get(s.bob, id); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::rename_wishlist(*s.engine, s.bob.session.c_str(), id.c_str(), "Mine"); }) ==
          COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::delete_wishlist(*s.engine, s.bob.session.c_str(), id.c_str()); }) ==
          COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::share_wishlist(*s.engine, s.bob.session.c_str(), id.c_str()); }) ==
          COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { s.add(s.bob, id, s.variant("PEN")); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(details_of([&] { s.get(s.ann, "nope"); }) == json{{"field", "wishlist_id"}, {"wishlist_id", "nope"}});
    CHECK(s.lists(s.ann) == before);
    CHECK(s.get(s.ann, id)["items"].empty());
}

TEST_CASE("wishlists: at most 50 lists per user") {
    Wishes s;
    for (int i = 0; i < 50; ++i) s.create(s.ann, ("List " + std::to_string(i)).c_str());
    const json refused = details_of([&] { s.create(s.ann, "One more"); });
    CHECK(refused == json{{"field", "name"}, {"reason", "limit_reached"}, {"limit", 50}});
    CHECK(s.lists(s.ann)["items"].size() == 50);
    CHECK(s.create(s.bob, "One more")["name"] == "One more");
}

TEST_CASE("wishlists: items are variants, added once, shown as the catalog has them now") {
    Wishes s;
    const std::string list = s.create(s.ann, "Desk")["id"];
    const std::string pen = s.variant("PEN");
    const std::string pad = s.variant("PAD", 0);
    const json game = flows::create_product(
        *s.engine, s.admin.session.c_str(),
        json{{"title", "Chess"},
             {"options", {{{"name", "Size"}, {"values", {"S", "L"}}}}},
             {"variants",
              {{{"sku", "CH-S"}, {"options", {{"Size", "S"}}}, {"prices", json::array({money("5.00", "EUR")})}},
               {{"sku", "CH-L"}, {"options", {{"Size", "L"}}}, {"prices", json::array({money("9.00", "EUR")})}}}}}
            .dump().c_str());
    const std::string large = game["variants"][1]["id"];

    s.add(s.ann, list, s.product_of(pen), " for work ");  // a product with one variant names that variant
    s.engine->manual_clock().advance(1000);
    s.add(s.ann, list, pad);
    json doc = s.add(s.ann, list, large);
    CHECK(variants_of(doc) == std::vector<std::string>{pen, pad, large});
    CHECK(doc["item_count"] == 3);
    const json& first = doc["items"][0];
    CHECK(first["product_id"] == s.product_of(pen));
    CHECK(first["title"] == "Item PEN");
    CHECK(first["sku"] == "PEN");
    CHECK(first["note"] == "for work");
    CHECK(first["added_at"] == "2026-11-06T21:20:00.000Z");
    CHECK(first["prices"] == prices("20.00", "22.00"));
    CHECK(first["in_stock"] == true);
    CHECK(first["on_sale"] == true);
    CHECK(doc["items"][1]["in_stock"] == false);  // PAD has no stock
    CHECK(doc["items"][1]["note"].is_null());
    CHECK(doc["items"][2]["options"] == json{{"Size", "L"}});

    SUBCASE("adding again changes nothing but a note given") {
        s.engine->manual_clock().advance(1000);
        const json again = s.add(s.ann, list, pen);
        CHECK(variants_of(again) == std::vector<std::string>{pen, pad, large});
        CHECK(again["items"][0]["note"] == "for work");
        CHECK(again["items"][0]["added_at"] == "2026-11-06T21:20:00.000Z");
        CHECK(s.add(s.ann, list, pen, "blue ink")["items"][0]["note"] == "blue ink");
        CHECK(s.lists(s.ann)["items"][0]["item_count"] == 3);
    }
    SUBCASE("a currency narrows the prices; the catalog's changes show at once") {
        CHECK(s.get(s.ann, list, "USD")["items"][0]["prices"] == json::array({money("22.00", "USD")}));
        CHECK(s.get(s.ann, list, "USD")["currency"] == "USD");
        CHECK(s.get(s.ann, list, "USD")["items"][2]["prices"].empty());  // the chess set has no USD price
        s.update(pen, {{"title", "Fountain pen"}, {"status", "archived"}});
        s.adjust(pad, 4);
        doc = s.get(s.ann, list);
        CHECK(doc["items"][0]["title"] == "Fountain pen");
        CHECK(doc["items"][0]["on_sale"] == false);
        CHECK(doc["items"][1]["in_stock"] == true);
        CHECK(details_of([&] { s.get(s.ann, list, "XYZ"); })["field"] == "currency");
    }
    SUBCASE("removing takes the item off; a deleted product's variants leave every list") {
        doc = flows::remove_wishlist_item(*s.engine, s.ann.session.c_str(), list.c_str(), pad.c_str());
        CHECK(variants_of(doc) == std::vector<std::string>{pen, large});
        auto remove_pad = [&] {
            flows::remove_wishlist_item(*s.engine, s.ann.session.c_str(), list.c_str(), pad.c_str());
        };
        CHECK(details_of(remove_pad) == json{{"field", "item_id"}, {"item_id", pad}});
        flows::delete_product(*s.engine, s.admin.session.c_str(), game["id"].get<std::string>().c_str());
        CHECK(variants_of(s.get(s.ann, list)) == std::vector<std::string>{pen});
    }
    SUBCASE("bad items are refused and change nothing") {
        const json before = s.get(s.ann, list);
        const std::string draft = s.variant("DRAFT", 5, {{"status", "draft"}});
        CHECK(details_of([&] { s.add(s.ann, list, draft); }) ==
              json{{"field", "item_id"}, {"item_id", draft}, {"reason", "not_on_sale"}});
        CHECK(details_of([&] { s.add(s.ann, list, game["id"]); }) ==
              json{{"field", "item_id"}, {"reason", "variant_required"}});
        CHECK(details_of([&] { s.add(s.ann, list, "nope"); }) == json{{"field", "item_id"}, {"item_id", "nope"}});
        CHECK(details_of([&] { s.add(s.ann, list, pen, std::string(501, 'n').c_str()); }) ==
              json{{"field", "note"}, {"reason", "too_long"}});
        CHECK(code_of([&] { s.add(s.ann, list, ""); }) == COMMERCE_ERR_NOT_FOUND);
        auto add_nothing = [&] {
            flows::add_wishlist_item(*s.engine, s.ann.session.c_str(), list.c_str(), nullptr, nullptr);
        };
        CHECK(code_of(add_nothing) == COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(s.get(s.ann, list) == before);
    }
}

TEST_CASE("wishlists: at most 500 items per list") {
    shop::TempFile file("wishlist-cap");
    Wishes s(file.path.string());
    const std::string list = s.create(s.ann, "Everything")["id"];
    const std::string product = s.product_of(s.variant("BASE"));
    // 500 variants of one product, all on the list: cheaper than 500 products through the flows.
    s.raw_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
              "INSERT INTO variants (id, product_id, position, sku) "
              "SELECT 'v' || i, '" + product + "', i, 'SKU-' || i FROM n; "
              "INSERT INTO wishlist_items (wishlist_id, variant_id, position, added_ms) "
              "SELECT '" + list + "', id, position, 0 FROM variants WHERE id LIKE 'v%';");
    const std::string pen = s.variant("PEN");
    CHECK(details_of([&] { s.add(s.ann, list, pen); }) ==
          json{{"field", "item_id"}, {"reason", "limit_reached"}, {"limit", 500}});
    CHECK(s.add(s.ann, list, "v1", "still fine")["item_count"] == 500);  // an item already there is no new one
}

TEST_CASE("wishlists: moving an item to a cart adds it there and takes it off the list in one transaction") {
    Wishes s;
    const std::string list = s.create(s.ann, "Later")["id"];
    const std::string pen = s.variant("PEN");
    const std::string ink = s.variant("INK");
    s.add(s.ann, list, pen);
    s.add(s.ann, list, ink);
    const std::string cart = flows::create_cart(*s.engine, s.ann.session.c_str(), "EUR")["id"];

    const json moved = flows::move_wishlist_item_to_cart(*s.engine, s.ann.session.c_str(), list.c_str(), pen.c_str(),
                                                         cart.c_str(), 2);
    CHECK(moved["type"] == "cart");
    REQUIRE(moved["items"].size() == 1);
    CHECK(moved["items"][0]["variant_id"] == pen);
    CHECK(moved["items"][0]["quantity"] == 2);
    CHECK(moved["total"]["amount"] == "40.00");
    CHECK(variants_of(s.get(s.ann, list)) == std::vector<std::string>{ink});

    // Whatever the cart refuses, the list keeps the item and the cart stays as it was.
    const std::string dollars = flows::create_cart(*s.engine, s.ann.session.c_str(), "JPY")["id"];
    const std::string bobs = flows::create_cart(*s.engine, s.bob.session.c_str(), "EUR")["id"];
    const json cart_before = flows::get_cart(*s.engine, s.ann.session.c_str(), cart.c_str());
    auto move = [&](const std::string& item, const std::string& to, int64_t quantity) {
        return flows::move_wishlist_item_to_cart(*s.engine, s.ann.session.c_str(), list.c_str(), item.c_str(),
                                                 to.c_str(), quantity);
    };
    CHECK(code_of([&] { move(ink, dollars, 1); }) == COMMERCE_ERR_CURRENCY_MISMATCH);
    CHECK(details_of([&] { move(ink, cart, 0); })["field"] == "quantity");
    CHECK(code_of([&] { move(ink, bobs, 1); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(details_of([&] { move(ink, "nope", 1); }) == json{{"field", "cart_id"}, {"cart_id", "nope"}});
    CHECK(details_of([&] { move(pen, cart, 1); }) == json{{"field", "item_id"}, {"item_id", pen}});  // not on it now
    s.update(ink, {{"status", "archived"}});
    CHECK(details_of([&] { move(ink, cart, 1); })["reason"] == "not_on_sale");
    CHECK(variants_of(s.get(s.ann, list)) == std::vector<std::string>{ink});
    CHECK(flows::get_cart(*s.engine, s.ann.session.c_str(), cart.c_str()) == cart_before);

    // A guest cart is open to whoever holds its id.
    s.update(ink, {{"status", "published"}});
    const std::string guest = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    CHECK(move(ink, guest, 1)["items"][0]["variant_id"] == ink);
    CHECK(s.get(s.ann, list)["items"].empty());
}

TEST_CASE("wishlists: a share token opens one list read-only until it is rotated or revoked") {
    Wishes s;
    const std::string list = s.create(s.ann, "Wedding")["id"];
    const std::string pen = s.variant("PEN");
    s.add(s.ann, list, pen, "two please");

    const json share = flows::share_wishlist(*s.engine, s.ann.session.c_str(), list.c_str());
    CHECK(share["type"] == "wishlist_share");
    CHECK(share["wishlist_id"] == list);
    const std::string token = share["token"];
    CHECK(token.size() == 43);  // 256 bits in base64url without padding
    CHECK(s.get(s.ann, list)["shared"] == true);
    CHECK(s.get(s.ann, list)["shared_at"] == share["shared_at"]);

    const json seen = s.shared(token, "EUR");
    CHECK(seen["type"] == "shared_wishlist");
    CHECK(seen["name"] == "Wedding");
    CHECK(seen["items"][0]["note"] == "two please");
    CHECK(seen["items"][0]["prices"] == json::array({money("20.00", "EUR")}));
    CHECK_FALSE(seen.contains("shared"));
    CHECK(seen.dump().find(s.ann.id) == std::string::npos);  // nothing of the owner

    const std::string rotated = s.share(s.ann, list);
    CHECK(rotated != token);
    CHECK(details_of([&] { s.shared(token); }) == json{{"field", "token"}, {"reason", "unknown_token"}});
    CHECK(s.shared(rotated)["id"] == list);

    flows::unshare_wishlist(*s.engine, s.ann.session.c_str(), list.c_str());
    flows::unshare_wishlist(*s.engine, s.ann.session.c_str(), list.c_str());  // revoking twice is fine
    CHECK(code_of([&] { s.shared(rotated); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(s.get(s.ann, list)["shared"] == false);

    const std::string again = s.share(s.ann, list);
    flows::delete_wishlist(*s.engine, s.ann.session.c_str(), list.c_str());
    CHECK(code_of([&] { s.shared(again); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(details_of([&] { s.shared(""); }) == json{{"field", "token"}, {"reason", "unknown_token"}});
    CHECK(code_of([&] { flows::shared_wishlist(*s.engine, nullptr, nullptr); }) == COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("wishlists: a price drop is announced once per owner, variant and currency") {
    Wishes s;
    const std::string pen = s.variant("PEN");
    const std::string ink = s.variant("INK");
    const std::string ann_first = s.create(s.ann, "One")["id"];
    s.engine->manual_clock().advance(1);
    const std::string ann_second = s.create(s.ann, "Two")["id"];
    const std::string bobs = s.create(s.bob, "Bob's")["id"];
    s.add(s.ann, ann_first, pen);
    s.add(s.ann, ann_second, pen);
    s.add(s.bob, bobs, pen);
    s.take_events("wishlist.price_drop");

    s.reprice(pen, "15.50");  // EUR down, USD unchanged
    auto events = s.take_events("wishlist.price_drop");
    REQUIRE(events.size() == 2);
    std::sort(events.begin(), events.end(), [](const json& a, const json& b) { return a["email"] < b["email"]; });
    CHECK(events[0] == json{{"user_id", s.ann.id}, {"email", "ann@wish.test"}, {"wishlist_id", ann_first},
                            {"wishlist_ids", {ann_first, ann_second}}, {"product_id", s.product_of(pen)},
                            {"variant_id", pen}, {"sku", "PEN"}, {"title", "Item PEN"},
                            {"old_price", money("20.00", "EUR")},
                            {"new_price", money("15.50", "EUR")}});
    CHECK(events[1]["user_id"] == s.bob.id);
    CHECK(events[1]["wishlist_ids"] == json::array({bobs}));

    s.reprice(pen, "15.50");           // no change
    s.reprice(pen, "18.00");           // up
    s.reprice(ink, "1.00", "1.00");    // on no list
    CHECK(s.take_events("wishlist.price_drop").empty());

    s.reprice(pen, "17.00", "21.99");  // down in both currencies: one event each, for each owner
    events = s.take_events("wishlist.price_drop");
    CHECK(events.size() == 4);

    s.update(pen, {{"status", "draft"}});
    s.reprice(pen, "1.00");  // not on sale: nobody can buy it at that price
    CHECK(s.take_events("wishlist.price_drop").empty());
}

TEST_CASE("wishlists: back in stock is announced once per crossing from out of stock") {
    Wishes s;
    const std::string pen = s.variant("PEN", 0);
    const std::string ink = s.variant("INK", 0);
    const std::string ann = s.create(s.ann, "Soon")["id"];
    const std::string bob = s.create(s.bob, "Soon")["id"];
    s.add(s.ann, ann, pen);
    s.add(s.bob, bob, pen);
    s.take_events("wishlist.back_in_stock");

    s.adjust(pen, 3);
    auto events = s.take_events("wishlist.back_in_stock");
    REQUIRE(events.size() == 2);
    CHECK(events[0]["variant_id"] == pen);
    CHECK(events[0]["sku"] == "PEN");
    CHECK((events[0]["email"] == "ann@wish.test" || events[0]["email"] == "bob@wish.test"));
    CHECK(events[0]["email"] != events[1]["email"]);

    s.adjust(pen, 2);  // more of what is there already
    s.adjust(ink, 2);  // on no list
    CHECK(s.take_events("wishlist.back_in_stock").empty());

    s.adjust(pen, -5);  // sold out
    CHECK(s.take_events("wishlist.back_in_stock").empty());
    s.adjust(pen, 1);  // the next crossing is announced again
    CHECK(s.take_events("wishlist.back_in_stock").size() == 2);

    SUBCASE("a released reservation can bring it back") {
        const json hold = flows::reserve_stock(*s.engine, s.admin.session.c_str(),
                                               json{{"variant_id", pen}, {"quantity", 1}}.dump().c_str());
        CHECK(s.take_events("wishlist.back_in_stock").empty());
        flows::release_reservation(*s.engine, s.admin.session.c_str(), hold["id"].get<std::string>().c_str());
        CHECK(s.take_events("wishlist.back_in_stock").size() == 2);
    }
    SUBCASE("a product off sale is not announced, nor is a failed movement") {
        s.adjust(pen, -1);
        CHECK(code_of([&] { s.adjust(pen, 2'000'000'000'000); }) == COMMERCE_ERR_INVALID_ARGUMENT);
        s.update(pen, {{"status", "archived"}});
        s.adjust(pen, 1);
        CHECK(s.take_events("wishlist.back_in_stock").empty());
    }
    SUBCASE("a digital variant comes back with new licence keys") {
        const std::string game = s.variant("GAME", -1, {{"kind", "digital"}});
        flows::import_licence_keys(*s.engine, s.admin.session.c_str(), game.c_str(), R"(["AAAA-0001"])");
        s.add(s.ann, ann, game);
        s.engine->storage().write([&](Transaction& tx) { tx.licence_keys().assign(game, "order-1", 1, 1, 0); });
        CHECK(s.get(s.ann, ann)["items"][1]["in_stock"] == false);
        flows::import_licence_keys(*s.engine, s.admin.session.c_str(), game.c_str(), R"(["AAAA-0002"])");
        const auto restocked = s.take_events("wishlist.back_in_stock");
        REQUIRE(restocked.size() == 1);
        CHECK(restocked[0]["variant_id"] == game);
    }
}

TEST_CASE("wishlists: erasing a user deletes their lists; their export holds them") {
    Wishes s;
    const std::string pen = s.variant("PEN");
    const std::string list = s.create(s.ann, "Mine")["id"];
    s.add(s.ann, list, pen, "a note");
    const std::string token = s.share(s.ann, list);

    const json exported = flows::export_user(*s.engine, s.ann.session.c_str(), nullptr);
    REQUIRE(exported["wishlists"].size() == 1);
    CHECK(exported["wishlists"][0]["name"] == "Mine");
    CHECK(exported["wishlists"][0]["shared"] == true);
    CHECK(exported["wishlists"][0]["items"] ==
          json::array({{{"variant_id", pen}, {"product_id", s.product_of(pen)}, {"note", "a note"},
                        {"added_at", "2026-11-06T21:20:00.000Z"}}}));
    CHECK(exported.dump().find(token) == std::string::npos);

    flows::erase_user(*s.engine, s.ann.session.c_str(), nullptr);
    CHECK(code_of([&] { s.shared(token); }) == COMMERCE_ERR_NOT_FOUND);
    s.engine->storage().read([&](Transaction& tx) { CHECK(tx.wishlists().for_user(s.ann.id).empty()); });
    s.reprice(pen, "1.00");
    CHECK(s.take_events("wishlist.price_drop").empty());
}
