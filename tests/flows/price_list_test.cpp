// Price lists and customer groups end to end: groups and their members, lists by group, channel, date window and
// quantity priced into stored carts and orders, group-only promotions, tax-exempt groups, and bad input that
// changes nothing.
#include "flows/customer_groups.h"
#include "flows/price_lists.h"
#include "flows/promotions.h"
#include "flows/taxes.h"
#include "shop_fixture.h"

using namespace commerce;
using shop::Account;
using shop::Shop;
using json = nlohmann::json;

namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;

struct PricedShop : Shop {
    std::string mug = variant_of(product("MUG"));  // 10.00 EUR
    std::string pen = variant_of(product("PEN"));  // 10.00 EUR

    std::string variant_of(const std::string& product_id) {
        return flows::get_product(*engine, product_id.c_str())["variants"][0]["id"];
    }
    json group(const json& definition) {
        return flows::create_customer_group(*engine, admin.session.c_str(), definition.dump().c_str());
    }
    void join(const std::string& group_id, const Account& user) {
        const json change = {{"add", {user.id}}};
        flows::change_customer_group_members(*engine, admin.session.c_str(), group_id.c_str(), change.dump().c_str());
    }
    json price_list(const json& definition) {
        return flows::create_price_list(*engine, admin.session.c_str(), definition.dump().c_str());
    }
    json cart_of(const std::string& item, int64_t quantity, const char* session = nullptr) {
        const std::string id = flows::create_cart(*engine, session, "EUR")["id"];
        flows::add_item(*engine, session, id.c_str(), item.c_str(), quantity);
        return flows::get_cart(*engine, session, id.c_str());
    }
};

json price(const std::string& variant, const char* amount, int64_t min_quantity = 1) {
    return {{"variant_id", variant}, {"price", {{"amount", amount}, {"currency", "EUR"}}},
            {"min_quantity", min_quantity}};
}

std::string unit_price(const json& cart) { return cart["items"][0]["unit_price"]["amount"]; }

}  // namespace

TEST_CASE("customer groups are created, joined, listed by member and removed") {
    PricedShop s;
    const Account ann = s.customer("ann@shop.test");
    const json created = s.group({{"id", "trade"}, {"name", "Trade customers"}, {"tax_exempt", true}});
    CHECK(created["type"] == "customer_group");
    CHECK(created["member_count"] == 0);
    CHECK(created["tax_exempt"] == true);
    s.join("trade", ann);
    s.join("trade", ann);  // joining twice changes nothing
    const char* admin = s.admin.session.c_str();
    CHECK(flows::get_customer_group(*s.engine, admin, "trade")["member_count"] == 1);
    const json members = flows::list_customer_group_members(*s.engine, admin, "trade", nullptr);
    REQUIRE(members["items"].size() == 1);
    CHECK(members["items"][0]["user_id"] == ann.id);
    const json query = {{"member", ann.id}};
    CHECK(flows::list_customer_groups(*s.engine, admin, query.dump().c_str())["items"][0]["id"] == "trade");

    const json renamed = flows::update_customer_group(*s.engine, admin, "trade", R"({"name": "Trade"})", 1);
    CHECK(renamed["version"] == 2);
    CHECK(renamed["tax_exempt"] == false);
    CHECK(code_of([&] { flows::update_customer_group(*s.engine, admin, "trade", R"({"name": "Late"})", 1); }) ==
          COMMERCE_ERR_CONFLICT);
    CHECK(code_of([&] { s.group({{"id", "trade"}, {"name", "Again"}}); }) == COMMERCE_ERR_EXISTS);
    CHECK(shop::field_of([&] { s.group({{"id", "Trade Customers"}, {"name", "x"}}); }) == "id");
    CHECK(code_of([&] {
              flows::change_customer_group_members(*s.engine, admin, "trade", R"({"add": ["no-such-user"]})");
          }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { s.group({{"id", "x"}, {"name", "x"}}); }) == COMMERCE_OK);
    CHECK(code_of([&] {
              flows::create_customer_group(*s.engine, ann.session.c_str(), R"({"id": "mine", "name": "Mine"})");
          }) == COMMERCE_ERR_FORBIDDEN);

    flows::delete_customer_group(*s.engine, admin, "trade");
    CHECK(code_of([&] { flows::get_customer_group(*s.engine, admin, "trade"); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(flows::list_customer_groups(*s.engine, admin, query.dump().c_str())["items"].empty());
}

TEST_CASE("a group's override price reaches its members' carts and orders, not guests'") {
    PricedShop s;
    const Account buyer = s.customer("buyer@shop.test");
    s.group({{"id", "wholesale"}, {"name", "Wholesale"}});
    s.join("wholesale", buyer);
    const json created = s.price_list({{"id", "wholesale-2026"}, {"name", "Wholesale"}, {"type", "override"},
                                       {"customer_groups", {"wholesale"}},
                                       {"prices", {price(s.mug, "7.00"), price(s.mug, "6.50", 24)}}});
    CHECK(created["type"] == "price_list");
    CHECK(created["price_count"] == 2);
    CHECK(created["prices"].size() == 2);

    const json guest = s.cart_of(s.mug, 2);
    CHECK(unit_price(guest) == "10.00");
    CHECK(guest["items"][0]["price_list_id"].is_null());

    const json member = s.cart_of(s.mug, 2, buyer.session.c_str());
    CHECK(unit_price(member) == "7.00");
    CHECK(member["items"][0]["catalog_unit_price"]["amount"] == "10.00");
    CHECK(member["items"][0]["price_list_id"] == "wholesale-2026");
    CHECK(member["subtotal"]["amount"] == "14.00");

    // The tier follows the quantity as the cart changes.
    const std::string id = member["id"];
    flows::update_item(*s.engine, buyer.session.c_str(), id.c_str(), s.mug.c_str(), 24);
    const json bulk = flows::get_cart(*s.engine, buyer.session.c_str(), id.c_str());
    CHECK(unit_price(bulk) == "6.50");
    CHECK(bulk["subtotal"]["amount"] == "156.00");

    const json order = flows::place_order(*s.engine, buyer.session.c_str(), id.c_str(),
                                          R"({"payment": {"method": "manual", "kind": "cash"}})");
    CHECK(order["lines"][0]["unit_price"]["amount"] == "6.50");
    CHECK(order["total"]["amount"] == "156.00");
}

TEST_CASE("a festive sale starts and ends on the clock, and only where cheaper") {
    PricedShop s;
    const int64_t now = s.engine->now_ms();
    s.price_list({{"id", "festive"}, {"name", "Festive"}, {"starts_at", now + kDay}, {"ends_at", now + 3 * kDay},
                  {"prices", {price(s.mug, "8.00"), price(s.pen, "12.00")}}});
    CHECK(unit_price(s.cart_of(s.mug, 1)) == "10.00");
    s.engine->manual_clock().advance(kDay);
    CHECK(unit_price(s.cart_of(s.mug, 1)) == "8.00");
    CHECK(unit_price(s.cart_of(s.pen, 1)) == "10.00");  // a sale dearer than the catalog is no sale
    s.engine->manual_clock().advance(2 * kDay);
    CHECK(unit_price(s.cart_of(s.mug, 1)) == "10.00");
}

TEST_CASE("a channel's list prices POS carts only, and archiving a list stops it") {
    PricedShop s;
    s.price_list({{"id", "kiosk"}, {"name", "Kiosk"}, {"channels", {"pos"}}, {"prices", {price(s.mug, "9.00")}}});
    const char* staff = s.admin.session.c_str();
    const std::string id = flows::create_cart(*s.engine, staff, "EUR")["id"];
    flows::add_item(*s.engine, staff, id.c_str(), s.mug.c_str(), 1);
    CHECK(unit_price(flows::get_cart(*s.engine, staff, id.c_str())) == "10.00");
    flows::update_cart(*s.engine, staff, id.c_str(), R"({"channel": "pos"})");
    CHECK(unit_price(flows::get_cart(*s.engine, staff, id.c_str())) == "9.00");
    const json archived = flows::set_price_list_status(*s.engine, staff, "kiosk", "archived");
    CHECK(archived["status"] == "archived");
    CHECK(unit_price(flows::get_cart(*s.engine, staff, id.c_str())) == "10.00");
}

TEST_CASE("promotions for a customer group and tax exemption follow the cart's user") {
    PricedShop s;
    const Account member = s.customer("member@shop.test");
    const Account other = s.customer("other@shop.test");
    s.group({{"id", "charity"}, {"name", "Charities"}, {"tax_exempt", true}});
    s.join("charity", member);
    const int64_t version = flows::get_tax_definitions(*s.engine, s.admin.session.c_str())["version"];
    flows::set_tax_definitions(*s.engine, s.admin.session.c_str(), R"({"origin": {"country": "DE"},
        "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "19"}]}}]})",
                               version);
    const json promotion = {{"id", "charity-5"}, {"name", "5% for charities"},
                            {"conditions", {{"customer_groups", {"charity"}}}},
                            {"action", {{"type", "percentage_off_order"}, {"percent", "5"}}}};
    flows::create_promotion(*s.engine, s.admin.session.c_str(), promotion.dump().c_str());

    const json theirs = s.cart_of(s.mug, 2, member.session.c_str());
    CHECK(theirs["discount_total"]["amount"] == "1.00");
    CHECK(theirs["tax_total"]["amount"] == "0.00");
    CHECK(theirs["total"]["amount"] == "19.00");

    const json others = s.cart_of(s.mug, 2, other.session.c_str());
    CHECK(others["discount_total"]["amount"] == "0.00");
    CHECK(others["promotions_not_applied"][0]["reason"] == "customer_group_not_eligible");
    CHECK(others["tax_total"]["amount"] == "3.80");
}

TEST_CASE("a tax-exempt member pays the net of tax-inclusive prices, and the totals still add up") {
    PricedShop s;
    const Account reseller = s.customer("reseller@shop.test");
    s.group({{"id", "resale"}, {"name", "Resellers"}, {"tax_exempt", true}});
    s.join("resale", reseller);
    const int64_t version = flows::get_tax_definitions(*s.engine, s.admin.session.c_str())["version"];
    flows::set_tax_definitions(*s.engine, s.admin.session.c_str(), R"({"origin": {"country": "DE"},
        "prices_include_tax": true,
        "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "25"}]}}]})",
                               version);
    const json cart = s.cart_of(s.mug, 3, reseller.session.c_str());  // 30.00 shown, 6.00 of it VAT
    CHECK(cart["tax_exempt"] == true);
    CHECK(cart["taxes"].empty());
    CHECK(cart["subtotal"]["amount"] == "30.00");
    CHECK(cart["tax_exemption"]["amount"] == "6.00");
    CHECK(cart["total"]["amount"] == "24.00");
    const json guest = s.cart_of(s.mug, 3);
    CHECK(guest["tax_exempt"] == false);
    CHECK(guest["tax_exemption"]["amount"] == "0.00");
    CHECK(guest["total"]["amount"] == "30.00");
}

TEST_CASE("bad price lists are refused with a stable code and change nothing") {
    PricedShop s;
    const char* admin = s.admin.session.c_str();
    const json good = {{"id", "l"}, {"name", "L"}, {"prices", {price(s.mug, "9.00")}}};
    auto refused = [&](json patch) {
        json definition = good;
        definition.merge_patch(patch);
        return failure_of([&] { s.price_list(definition); });
    };
    CHECK(refused({{"prices", {price("no-such-variant", "1.00")}}}).code() == COMMERCE_ERR_NOT_FOUND);
    CHECK(refused({{"customer_groups", {"nobody"}}}).details()["field"] == "customer_groups");
    CHECK(refused({{"channels", {"Web Shop"}}}).details()["field"] == "channel");
    CHECK(refused({{"prices", {price(s.mug, "-1.00")}}}).details()["reason"] == "negative");
    CHECK(refused({{"type", "discount"}}).details()["field"] == "type");
    CHECK(flows::list_price_lists(*s.engine, admin, nullptr)["items"].empty());

    s.price_list(good);
    CHECK(code_of([&] { s.price_list(good); }) == COMMERCE_ERR_EXISTS);
    const json cheaper = {{"name", "L"}, {"prices", {price(s.mug, "5.00")}}};
    CHECK(code_of([&] { flows::update_price_list(*s.engine, admin, "l", cheaper.dump().c_str(), 7); }) ==
          COMMERCE_ERR_CONFLICT);
    CHECK(code_of([&] { flows::set_price_list_status(*s.engine, admin, "l", "paused"); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    const json kept = flows::get_price_list(*s.engine, admin, "l");
    CHECK(kept["version"] == 1);
    CHECK(kept["prices"][0]["price"]["amount"] == "9.00");
    CHECK(unit_price(s.cart_of(s.mug, 1)) == "9.00");

    const json updated = flows::update_price_list(*s.engine, admin, "l", cheaper.dump().c_str(), 1);
    CHECK(updated["version"] == 2);
    CHECK(unit_price(s.cart_of(s.mug, 1)) == "5.00");
    const json listed = flows::list_price_lists(*s.engine, admin, R"({"status": "active"})");
    REQUIRE(listed["items"].size() == 1);
    CHECK(listed["items"][0]["price_count"] == 1);
    CHECK_FALSE(listed["items"][0].contains("prices"));
}
