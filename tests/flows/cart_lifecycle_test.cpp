// Carts over time and across logins: the guest cart joins the user's by each merge policy, quantity limits,
// abandonment reported once per idle spell with a recovery token, and the cleanup of long-idle carts.
#include "flows/cart_lifecycle.h"
#include "flows/carts.h"
#include "flows/currencies.h"
#include "flows/inventory.h"
#include "flows/promotions.h"
#include "shop_fixture.h"

using namespace commerce;
using shop::Account;
using shop::Shop;
using json = nlohmann::json;

namespace {

constexpr int64_t kMinute = 60'000;

std::map<std::string, int64_t> quantities(const json& cart) {
    std::map<std::string, int64_t> by_sku;
    for (const auto& item : cart["items"]) by_sku[item["sku"]] = item["quantity"];
    return by_sku;
}

struct TwoCarts {
    Account ana;
    std::string guest, mine, mug, tea;
};

// Ana has a cart with 2 mugs; as a guest she put 1 mug and 3 teas in another.
TwoCarts two_carts(Shop& s) {
    TwoCarts carts{s.customer("ana@lifecycle.test"), "", "", s.product("MUG"), s.product("TEA")};
    carts.mine = flows::create_cart(*s.engine, carts.ana.session.c_str(), "EUR")["id"];
    flows::add_item(*s.engine, carts.ana.session.c_str(), carts.mine.c_str(), carts.mug.c_str(), 2);
    carts.guest = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    flows::add_item(*s.engine, nullptr, carts.guest.c_str(), carts.mug.c_str(), 1);
    flows::add_item(*s.engine, nullptr, carts.guest.c_str(), carts.tea.c_str(), 3);
    return carts;
}

json merge(Shop& s, const TwoCarts& carts) {
    return flows::merge_cart(*s.engine, carts.ana.session.c_str(), carts.guest.c_str());
}

json place_guest_order(Shop& s, const std::string& cart) {
    return flows::place_order(*s.engine, nullptr, cart.c_str(),
                              R"({"payment": {"method": "manual", "kind": "cash"}, "email": "g@lifecycle.test"})");
}

}  // namespace

TEST_CASE("a guest cart merges into the user's cart by the configured policy") {
    SUBCASE("merge quantities (the default)") {
        Shop s;
        const TwoCarts carts = two_carts(s);
        const json merged = merge(s, carts);
        CHECK(merged["id"] == carts.mine);
        CHECK(quantities(merged) == std::map<std::string, int64_t>{{"MUG", 3}, {"TEA", 3}});
        CHECK(flows::get_cart(*s.engine, nullptr, carts.guest.c_str())["status"] == "merged");
        CHECK(code_of([&] { flows::add_item(*s.engine, nullptr, carts.guest.c_str(), carts.mug.c_str(), 1); }) ==
              COMMERCE_ERR_ILLEGAL_STATE);
        CHECK(code_of([&] { merge(s, carts); }) == COMMERCE_ERR_ILLEGAL_STATE);
    }
    SUBCASE("keep the user's cart") {
        Shop s(":memory:", {{"carts", {{"merge_policy", "keep_user"}}}});
        const TwoCarts carts = two_carts(s);
        CHECK(quantities(merge(s, carts)) == std::map<std::string, int64_t>{{"MUG", 2}});
    }
    SUBCASE("keep the guest's cart, with its display currency") {
        Shop s(":memory:", {{"carts", {{"merge_policy", "keep_guest"}}}});
        const TwoCarts carts = two_carts(s);
        flows::set_exchange_rate(*s.engine, s.admin.session.c_str(), R"({"base": "EUR", "quote": "USD", "rate": "1.08"})");
        flows::update_cart(*s.engine, nullptr, carts.guest.c_str(), R"({"display_currency": "USD"})");
        const json merged = merge(s, carts);
        CHECK(quantities(merged) == std::map<std::string, int64_t>{{"MUG", 1}, {"TEA", 3}});
        CHECK(merged["display"]["currency"] == "USD");
    }
    SUBCASE("a user without a cart in that currency takes the guest cart over") {
        Shop s;
        const Account bo = s.customer("bo@lifecycle.test");
        const std::string guest = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
        flows::add_item(*s.engine, nullptr, guest.c_str(), s.product("MUG").c_str(), 1);
        const json taken = flows::merge_cart(*s.engine, bo.session.c_str(), guest.c_str());
        CHECK(taken["id"] == guest);
        CHECK(taken["user_id"] == bo.id);
        CHECK(code_of([&] { flows::get_cart(*s.engine, nullptr, guest.c_str()); }) == COMMERCE_ERR_UNAUTHORIZED);
    }
    SUBCASE("only an open guest cart merges, and only for a session") {
        Shop s;
        const TwoCarts carts = two_carts(s);
        CHECK(code_of([&] { flows::merge_cart(*s.engine, nullptr, carts.guest.c_str()); }) == COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(code_of([&] { flows::merge_cart(*s.engine, carts.ana.session.c_str(), carts.mine.c_str()); }) ==
              COMMERCE_ERR_ILLEGAL_STATE);
        CHECK(code_of([&] { flows::merge_cart(*s.engine, carts.ana.session.c_str(), "nope"); }) == COMMERCE_ERR_NOT_FOUND);
    }
}

TEST_CASE("a store's quantity limit holds in every path, merges included") {
    Shop s(":memory:", {{"carts", {{"max_line_quantity", 4}}}});
    const TwoCarts carts = two_carts(s);
    const json before = flows::get_cart(*s.engine, nullptr, carts.guest.c_str());
    const Error refused = failure_of([&] { flows::add_item(*s.engine, nullptr, carts.guest.c_str(), carts.tea.c_str(), 2); });
    CHECK(refused.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(refused.details()["max"] == 4);
    CHECK(flows::get_cart(*s.engine, nullptr, carts.guest.c_str()) == before);
    flows::update_item(*s.engine, carts.ana.session.c_str(), carts.mine.c_str(), carts.mug.c_str(), 4);
    CHECK(quantities(merge(s, carts))["MUG"] == 4);  // 4 + 1, capped
    CHECK(code_of([] { commerce::Engine::open(R"({"path": ":memory:", "carts": {"max_line_quantity": 0}})"); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("an idle cart is reported abandoned once, with a token that recovers it") {
    Shop s;
    const Account ana = s.customer("ana@lifecycle.test");
    s.take_events("user.");
    const std::string cart = flows::create_cart(*s.engine, ana.session.c_str(), "EUR")["id"];
    flows::add_item(*s.engine, ana.session.c_str(), cart.c_str(), s.product("MUG").c_str(), 2);
    flows::create_cart(*s.engine, nullptr, "EUR");  // an empty cart is never "abandoned"

    s.engine->manual_clock().advance(59 * kMinute);
    CHECK(flows::sweep_carts(*s.engine, 100)["abandoned"] == 0);
    s.engine->manual_clock().advance(2 * kMinute);
    CHECK(flows::sweep_carts(*s.engine, 100)["abandoned"] == 1);
    CHECK(flows::sweep_carts(*s.engine, 100)["abandoned"] == 0);  // once per idle spell
    auto events = s.take_events("cart.abandoned");
    REQUIRE(events.size() == 1);
    CHECK(events[0]["cart_id"] == cart);
    CHECK(events[0]["email"] == "ana@lifecycle.test");
    CHECK(events[0]["item_count"] == 2);  // units, as the cart document counts them
    CHECK(events[0]["total"]["amount"] == "20.00");
    const std::string token = events[0]["recovery_token"];
    CHECK(flows::recover_cart(*s.engine, token.c_str())["id"] == cart);
    CHECK(code_of([&] { flows::recover_cart(*s.engine, "not-a-token"); }) == COMMERCE_ERR_NOT_FOUND);

    // Coming back ends the spell: the token is spent, and a new idle spell is reported again.
    flows::add_item(*s.engine, ana.session.c_str(), cart.c_str(), s.product("TEA").c_str(), 1);
    CHECK(code_of([&] { flows::recover_cart(*s.engine, token.c_str()); }) == COMMERCE_ERR_NOT_FOUND);
    s.engine->manual_clock().advance(61 * kMinute);
    CHECK(flows::sweep_carts(*s.engine, 100)["abandoned"] == 1);
    CHECK(code_of([&] { flows::sweep_carts(*s.engine, 0); }) == COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("long-idle carts are cleaned up, completed ones are kept") {
    Shop s(":memory:", {{"carts", {{"abandon_after_minutes", 30}, {"expire_after_days", 2}}}});
    const std::string mug = s.product("MUG");
    const std::string idle = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    const std::string ordered = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    flows::add_item(*s.engine, nullptr, ordered.c_str(), mug.c_str(), 1);
    place_guest_order(s, ordered);
    s.engine->manual_clock().advance(2LL * 24 * 60 * kMinute + kMinute);
    CHECK(flows::sweep_carts(*s.engine, 100)["deleted"] == 1);
    CHECK(code_of([&] { flows::get_cart(*s.engine, nullptr, idle.c_str()); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(flows::get_cart(*s.engine, nullptr, ordered.c_str())["status"] == "completed");
    CHECK(code_of([] { commerce::Engine::open(R"({"path": ":memory:", "carts": {"abandon_after_minutes": 5000, "expire_after_days": 1}})"); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("a line's note and attributes travel from the cart to the order") {
    Shop s;
    const std::string mug = s.product("MUG");
    const std::string cart = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    flows::add_item(*s.engine, nullptr, cart.c_str(), mug.c_str(), 1);
    const auto details = [&](const char* json_text) {
        return flows::set_item_details(*s.engine, nullptr, cart.c_str(), mug.c_str(), json_text);
    };
    json doc = details(R"({"note": "gift wrap, please", "attributes": {"engraving": "A & B"}})");
    CHECK(doc["items"][0]["note"] == "gift wrap, please");
    CHECK(doc["items"][0]["attributes"] == json{{"engraving", "A & B"}});
    doc = details(R"({"note": null})");
    CHECK(doc["items"][0]["note"].is_null());
    CHECK(doc["items"][0]["attributes"] == json{{"engraving", "A & B"}});  // left as it was

    const json before = flows::get_cart(*s.engine, nullptr, cart.c_str());
    CHECK(shop::field_of([&] { details(R"({"note": 7})"); }) == "note");
    CHECK(shop::field_of([&] { details((R"({"note": ")" + std::string(501, 'x') + R"("})").c_str()); }) == "note");
    CHECK(shop::field_of([&] { details(R"({"attributes": {"a": 1}})"); }) == "attributes.a");
    CHECK(shop::field_of([&] { details(R"({"colour": "red"})"); }) == "colour");
    json many = json::object();
    for (int i = 0; i < 21; ++i) many["k" + std::to_string(i)] = "v";
    CHECK(shop::field_of([&] { details(json{{"attributes", many}}.dump().c_str()); }) == "attributes");
    CHECK(code_of([&] { flows::set_item_details(*s.engine, nullptr, cart.c_str(), s.product("TEA").c_str(), "{}"); }) ==
          COMMERCE_ERR_NOT_FOUND);
    CHECK(flows::get_cart(*s.engine, nullptr, cart.c_str()) == before);

    details(R"({"note": "to Bea"})");
    const json order = place_guest_order(s, cart);
    CHECK(order["lines"][0]["note"] == "to Bea");
    CHECK(order["lines"][0]["attributes"] == json{{"engraving", "A & B"}});
}

TEST_CASE("adding or raising a line needs the units in stock, counting other carts' reservations") {
    Shop s;
    const std::string lamp = flows::create_product(*s.engine, s.admin.session.c_str(),
        R"({"sku": "LAMP", "title": "Lamp", "prices": [{"amount": "30.00", "currency": "EUR"}], "stock": 5})")["id"];
    const std::string variant = flows::get_product(*s.engine, lamp.c_str())["variants"][0]["id"];
    const std::string id = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    flows::add_item(*s.engine, nullptr, id.c_str(), lamp.c_str(), 3);

    // Another checkout holds 2 of the 5: this cart may still have the other 3, not a fourth.
    const json hold = {{"variant_id", variant}, {"quantity", 2}, {"ttl_seconds", 600}, {"reference", "other-cart"}};
    flows::reserve_stock(*s.engine, s.admin.session.c_str(), hold.dump().c_str());
    const Error short_add = failure_of([&] { flows::add_item(*s.engine, nullptr, id.c_str(), lamp.c_str(), 1); });
    CHECK(short_add.code() == COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(short_add.details()["items"][0]["available"] == 3);
    CHECK(short_add.details()["items"][0]["requested"] == 4);
    CHECK(code_of([&] { flows::update_item(*s.engine, nullptr, id.c_str(), lamp.c_str(), 4); }) ==
          COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(flows::get_cart(*s.engine, nullptr, id.c_str())["items"][0]["quantity"] == 3);

    // Lowering a line always works, and a hold that expires frees its units.
    CHECK(flows::update_item(*s.engine, nullptr, id.c_str(), lamp.c_str(), 2)["items"][0]["quantity"] == 2);
    s.engine->manual_clock().advance(601'000);
    CHECK(flows::update_item(*s.engine, nullptr, id.c_str(), lamp.c_str(), 5)["items"][0]["quantity"] == 5);
}

TEST_CASE("a completed cart is frozen: every change is refused with ILLEGAL_STATE and changes nothing") {
    Shop s;
    const std::string mug = s.product("MUG"), tea = s.product("TEA");
    for (const char* code : {"TEN", "FIVE"})
        flows::create_promotion(*s.engine, s.admin.session.c_str(),
                                json{{"id", code}, {"name", code}, {"code", code},
                                     {"action", {{"type", "percentage_off_order"}, {"percent", "5"}}}}.dump().c_str());
    const std::string cart = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    flows::add_item(*s.engine, nullptr, cart.c_str(), mug.c_str(), 2);
    flows::apply_coupon(*s.engine, nullptr, cart.c_str(), "TEN");
    place_guest_order(s, cart);
    const json before = flows::get_cart(*s.engine, nullptr, cart.c_str());
    REQUIRE(before["status"] == "completed");
    REQUIRE(before["coupons"].size() == 1);
    s.engine->manual_clock().advance(kMinute);  // so that a save of the cart would show in its updated_at too

    // Each change alone would succeed on the cart as it was while open: only its status can refuse it.
    const std::vector<std::pair<std::string, std::function<void()>>> changes = {
        {"add_item", [&] { flows::add_item(*s.engine, nullptr, cart.c_str(), tea.c_str(), 1); }},
        {"update_item", [&] { flows::update_item(*s.engine, nullptr, cart.c_str(), mug.c_str(), 3); }},
        {"remove_item", [&] { flows::remove_item(*s.engine, nullptr, cart.c_str(), mug.c_str()); }},
        {"apply_coupon", [&] { flows::apply_coupon(*s.engine, nullptr, cart.c_str(), "FIVE"); }},
        {"remove_coupon", [&] { flows::remove_coupon(*s.engine, nullptr, cart.c_str(), "TEN"); }},
        {"update_cart", [&] {
             flows::update_cart(*s.engine, nullptr, cart.c_str(), R"({"shipping_address": {"country": "DE"}})");
         }},
        {"set_item_details", [&] {
             flows::set_item_details(*s.engine, nullptr, cart.c_str(), mug.c_str(), R"({"note": "late"})");
         }},
    };
    for (const auto& change : changes) {
        CAPTURE(change.first);
        CHECK(code_of(change.second) == COMMERCE_ERR_ILLEGAL_STATE);
        // The whole document: its items and status, and also its coupons, address and updated_at.
        CHECK(flows::get_cart(*s.engine, nullptr, cart.c_str()) == before);
    }
}

TEST_CASE("a line that lost its price in the cart's currency stops the pricing, and removing the line mends it") {
    Shop s;
    const std::string mug = s.product("MUG"), tea = s.product("TEA");
    const std::string cart = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    for (const auto& item : {mug, tea}) flows::add_item(*s.engine, nullptr, cart.c_str(), item.c_str(), 1);
    flows::update_product(*s.engine, s.admin.session.c_str(), tea.c_str(),
                          R"({"prices": [{"amount": "3.00", "currency": "USD"}]})");  // tea is now sold in USD only

    // A cart is never priced without one of its lines: the refusal names the line the shopper must remove.
    const Error refused = failure_of([&] { flows::get_cart(*s.engine, nullptr, cart.c_str()); });
    CHECK(refused.code() == COMMERCE_ERR_CURRENCY_MISMATCH);
    CHECK(refused.details()["product_id"] == tea);
    CHECK(code_of([&] { flows::update_item(*s.engine, nullptr, cart.c_str(), mug.c_str(), 2); }) ==
          COMMERCE_ERR_CURRENCY_MISMATCH);
    const json mended = flows::remove_item(*s.engine, nullptr, cart.c_str(), tea.c_str());
    REQUIRE(mended["items"].size() == 1);
    CHECK(mended["items"][0]["quantity"] == 1);  // the refused update wrote nothing
    CHECK(mended["total"]["amount"] == "10.00");
}

TEST_CASE("a user finds their open cart from another session: the latest changed, never a completed one") {
    Shop s;
    const Account ana = s.customer("ana@lifecycle.test");
    const std::string mug = s.product("MUG"), tea = s.product("TEA");
    const auto find = [&](const Account& who, const char* currency) {
        return flows::find_open_cart(*s.engine, who.session.c_str(), currency);
    };
    const std::string first = flows::create_cart(*s.engine, ana.session.c_str(), "EUR")["id"];
    flows::add_item(*s.engine, ana.session.c_str(), first.c_str(), mug.c_str(), 1);
    s.engine->manual_clock().advance(kMinute);
    const std::string second = flows::create_cart(*s.engine, ana.session.c_str(), "EUR")["id"];
    flows::add_item(*s.engine, ana.session.c_str(), second.c_str(), tea.c_str(), 1);

    const Account later{ana.id, flows::login(*s.engine, "ana@lifecycle.test", shop::kPassword, nullptr)["token"]};
    CHECK(find(later, "EUR")["id"] == second);
    s.engine->manual_clock().advance(kMinute);
    flows::update_item(*s.engine, later.session.c_str(), first.c_str(), mug.c_str(), 2);
    CHECK(find(later, "EUR")["id"] == first);
    CHECK(shop::field_of([&] { find(later, "USD"); }) == "currency");
    CHECK(code_of([&] { find(s.customer("bo@lifecycle.test"), "EUR"); }) == COMMERCE_ERR_NOT_FOUND);

    // A cart that cannot be priced is refused with its id, so the user can mend it.
    flows::update_product(*s.engine, s.admin.session.c_str(), mug.c_str(),
                          R"({"prices": [{"amount": "3.00", "currency": "USD"}]})");
    const Error refused = failure_of([&] { find(later, "EUR"); });
    CHECK(refused.code() == COMMERCE_ERR_CURRENCY_MISMATCH);
    CHECK(refused.details()["cart_id"] == first);
    flows::remove_item(*s.engine, later.session.c_str(), first.c_str(), mug.c_str());

    // Once ordered, a cart is no longer open: the next one is found.
    flows::add_item(*s.engine, later.session.c_str(), first.c_str(), tea.c_str(), 1);
    flows::place_order(*s.engine, later.session.c_str(), first.c_str(),
                       R"({"payment": {"method": "manual", "kind": "cash"}})");
    CHECK(find(later, "EUR")["id"] == second);
}
