// Pricing a stored cart end to end: promotions and coupons kept by the engine, the store's tax definition, the
// totals document, redemption at order placement (also racing), and bad input that changes nothing.
#include "flows/promotions.h"
#include "flows/taxes.h"
#include "shop_fixture.h"

#include <atomic>
#include <random>
#include <thread>

using namespace commerce;
using shop::Account;
using shop::Shop;
using json = nlohmann::json;

namespace {

constexpr const char* kGermany = R"({"origin": {"country": "DE"}, "tax_classes": ["books"],
    "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "19"}],
                                                       "reduced": [{"name": "VAT", "rate": "7"}],
                                                       "books": [{"name": "VAT", "rate": "7"}]}},
              {"id": "world", "country": "*", "rates": {}}]})";

std::string product(Shop& s, const std::string& sku, const std::string& amount, const std::string& currency = "EUR",
                    const json& extra = json::object()) {
    json input = {{"sku", sku}, {"title", "Item " + sku}, {"prices", {{{"amount", amount}, {"currency", currency}}}},
                  {"stock", 100}};
    input.update(extra);
    return flows::create_product(*s.engine, s.admin.session.c_str(), input.dump().c_str())["id"];
}

json promote(Shop& s, const json& definition) {
    return flows::create_promotion(*s.engine, s.admin.session.c_str(), definition.dump().c_str());
}

void define_taxes(Shop& s, const char* definition) {
    const int64_t version = flows::get_tax_definitions(*s.engine, s.admin.session.c_str())["version"];
    flows::set_tax_definitions(*s.engine, s.admin.session.c_str(), definition, version);
}

std::string cart_with(Shop& s, const std::vector<std::pair<std::string, int64_t>>& items,
                      const char* currency = "EUR", const char* session = nullptr) {
    const std::string cart = flows::create_cart(*s.engine, session, currency)["id"];
    for (const auto& [item, quantity] : items) flows::add_item(*s.engine, session, cart.c_str(), item.c_str(), quantity);
    return cart;
}

json cart(Shop& s, const std::string& id, const char* session = nullptr) {
    return flows::get_cart(*s.engine, session, id.c_str());
}

std::string amount(const json& money) { return money["amount"]; }

// The identity every cart document promises, recomputed from its parts in minor units.
void check_reconciles(const json& doc) {
    const auto minor = [&](const json& money) { return Money::from_json(money).minor(); };
    int64_t lines = 0, line_totals = 0, discounts = 0, taxes = 0;
    for (const auto& item : doc["items"]) {
        lines += minor(item["line_total"]);
        line_totals += minor(item["total"]);
        int64_t item_taxes = 0;
        for (const auto& tax : item["taxes"]) item_taxes += minor(tax["amount"]);
        CHECK(item_taxes == minor(item["tax_total"]));
    }
    for (const auto& discount : doc["discounts"]) discounts += minor(discount["amount"]);
    for (const auto& tax : doc["taxes"]) taxes += minor(tax["amount"]);
    CHECK(lines == minor(doc["subtotal"]));
    CHECK(discounts == minor(doc["discount_total"]));
    CHECK(taxes == minor(doc["tax_total"]));
    const int64_t added_tax = doc["prices_include_tax"] ? 0 : taxes;
    CHECK(minor(doc["total"]) == lines - discounts + minor(doc["shipping_total"]) + added_tax);
    CHECK(minor(doc["total"]) == line_totals + minor(doc["shipping_total"]));
}

json place(Shop& s, const std::string& cart_id, const char* session = nullptr) {
    return flows::place_order(*s.engine, session, cart_id.c_str(),
                              R"({"payment": {"method": "manual", "kind": "cash"}, "email": "g@pricing.test"})");
}

}  // namespace

TEST_CASE("an automatic promotion and exclusive tax make a reconciled cart and order") {
    Shop s;
    define_taxes(s, kGermany);
    const std::string lamp = product(s, "LAMP", "33.33");
    const std::string book = product(s, "BOOK", "10.00", "EUR", {{"tax_class", "books"}});
    promote(s, {{"id", "autumn"}, {"name", "Autumn 10%"}, {"action", {{"type", "percentage_off_order"}, {"percent", "10"}}}});
    const std::string id = cart_with(s, {{lamp, 3}, {book, 1}});
    flows::update_cart(*s.engine, nullptr, id.c_str(), R"({"shipping_address": {"country": "de", "postal_code": "80331"}})");
    const json doc = cart(s, id);
    CHECK(amount(doc["subtotal"]) == "109.99");
    REQUIRE(doc["discounts"].size() == 1);
    CHECK(doc["discounts"][0]["promotion_id"] == "autumn");
    CHECK(doc["discounts"][0]["name"] == "Autumn 10%");
    CHECK(amount(doc["discount_total"]) == "11.00");
    CHECK(doc["tax_zone"] == "de");
    CHECK(doc["tax_estimated"] == false);
    CHECK(doc["shipping_address"]["country"] == "DE");
    check_reconciles(doc);
    // 109.99 - 11.00 = 98.99 net; the lamp line keeps 89.99 - its share, the book 10.00 - its share.
    CHECK(doc["taxes"].size() == 2);

    const json order = place(s, id);
    CHECK(order["total"] == doc["total"]);
    CHECK(order["totals"]["discount_total"] == doc["discount_total"]);
    CHECK(order["totals"]["taxes"] == doc["taxes"]);
    CHECK(order["payment"]["amount"] == doc["total"]);
    CHECK(flows::get_promotion(*s.engine, s.admin.session.c_str(), "autumn")["usage_count"] == 1);
}

TEST_CASE("a percentage promotion on tax-inclusive prices takes its share of the gross (medusa#12226)") {
    Shop s;
    define_taxes(s, R"({"origin": {"country": "GB"}, "prices_include_tax": true,
        "zones": [{"id": "uk", "country": "GB", "rates": {"standard": [{"name": "VAT", "rate": "25"}]}}]})");
    const std::string coat = product(s, "COAT", "100.00");
    promote(s, {{"id", "ten"}, {"name", "10%"}, {"action", {{"type", "percentage_off_items"}, {"percent", "10"}}}});
    const json doc = cart(s, cart_with(s, {{coat, 1}}));
    CHECK(doc["prices_include_tax"] == true);
    CHECK(doc["tax_estimated"] == true);  // no address yet: taxed as a sale at the origin
    CHECK(amount(doc["total"]) == "90.00");
    CHECK(amount(doc["tax_total"]) == "18.00");
    check_reconciles(doc);
}

TEST_CASE("without a tax definition nothing is taxed") {
    Shop s;
    const json doc = cart(s, cart_with(s, {{product(s, "MUG", "7.50"), 2}}));
    CHECK(doc["taxes"].empty());
    CHECK(doc["tax_zone"].is_null());
    CHECK(amount(doc["total"]) == "15.00");
    check_reconciles(doc);
}

TEST_CASE("coupons: applied, refused with the engine's reason, removed; the cart is unchanged on refusal") {
    Shop s;
    const std::string mug = product(s, "MUG", "8.00");
    promote(s, {{"id", "big-spender"}, {"name", "5 off 50"}, {"code", "big5"},
                {"conditions", {{"min_subtotal", {{"amount", "50.00"}, {"currency", "EUR"}}}}},
                {"action", {{"type", "fixed_off_order"}, {"amount", {{"amount", "5.00"}, {"currency", "EUR"}}}}}});
    promote(s, {{"id", "gone"}, {"name", "Old"}, {"code", "OLD"}, {"ends_at", "2020-01-01T00:00:00Z"},
                {"action", {{"type", "percentage_off_order"}, {"percent", "50"}}}});
    const std::string id = cart_with(s, {{mug, 2}});
    const json before = cart(s, id);

    const auto refusal = [&](const char* code) { return failure_of([&] { flows::apply_coupon(*s.engine, nullptr, id.c_str(), code); }); };
    CHECK(refusal("NOPE").code() == COMMERCE_ERR_COUPON_NOT_APPLICABLE);
    CHECK(refusal("NOPE").details()["reason"] == "unknown_code");
    CHECK(refusal("big5").details()["reason"] == "min_subtotal_not_met");
    CHECK(refusal("old").details()["reason"] == "expired");
    CHECK(refusal("bad code!").code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(cart(s, id) == before);

    flows::update_item(*s.engine, nullptr, id.c_str(), mug.c_str(), 7);
    const json applied = flows::apply_coupon(*s.engine, nullptr, id.c_str(), "Big5");
    CHECK(applied["coupons"] == json::parse(R"([{"code": "BIG5", "status": "applied", "promotion_id": "big-spender", "reason": null}])"));
    CHECK(amount(applied["total"]) == "51.00");
    check_reconciles(applied);

    // Below the threshold again, the coupon stays on the cart and says why it does not apply.
    const json lower = flows::update_item(*s.engine, nullptr, id.c_str(), mug.c_str(), 2);
    CHECK(lower["coupons"][0]["status"] == "not_applied");
    CHECK(lower["coupons"][0]["reason"] == "min_subtotal_not_met");
    CHECK(code_of([&] { place(s, id); }) == COMMERCE_ERR_COUPON_NOT_APPLICABLE);

    const json removed = flows::remove_coupon(*s.engine, nullptr, id.c_str(), "BIG5");
    CHECK(removed["coupons"].empty());
    CHECK(code_of([&] { flows::remove_coupon(*s.engine, nullptr, id.c_str(), "BIG5"); }) == COMMERCE_ERR_NOT_FOUND);
}

TEST_CASE("a stacking conflict is explained") {
    Shop s;
    const std::string mug = product(s, "MUG", "20.00");
    promote(s, {{"id", "vip"}, {"name", "VIP"}, {"priority", 10}, {"exclusive", true},
                {"action", {{"type", "percentage_off_order"}, {"percent", "20"}}}});
    promote(s, {{"id", "mugs"}, {"name", "Mugs"}, {"action", {{"type", "percentage_off_items"}, {"percent", "5"}}}});
    const json doc = cart(s, cart_with(s, {{mug, 1}}));
    REQUIRE(doc["discounts"].size() == 1);
    CHECK(doc["discounts"][0]["promotion_id"] == "vip");
    CHECK(doc["promotions_not_applied"] ==
          json::parse(R"([{"promotion_id": "mugs", "code": null, "reason": "blocked_by_exclusive:vip"}])"));
    check_reconciles(doc);
}

TEST_CASE("zero- and three-decimal currencies price exactly") {
    Shop s;
    const std::string tea = product(s, "TEA", "999", "JPY");
    const std::string oil = product(s, "OIL", "1.255", "KWD");
    promote(s, {{"id", "third"}, {"name", "A third"}, {"action", {{"type", "percentage_off_order"}, {"percent", "33.3333"}}}});
    const json yen = cart(s, cart_with(s, {{tea, 1}}, "JPY"));
    CHECK(amount(yen["discount_total"]) == "333");
    CHECK(amount(yen["total"]) == "666");
    check_reconciles(yen);
    const json dinar = cart(s, cart_with(s, {{oil, 3}}, "KWD"));
    CHECK(amount(dinar["subtotal"]) == "3.765");
    CHECK(amount(dinar["total"]) == "2.510");
    check_reconciles(dinar);
}

TEST_CASE("single-use codes: generated in a batch, each redeemed once") {
    Shop s;
    const std::string mug = product(s, "MUG", "10.00");
    promote(s, {{"id", "welcome"}, {"name", "Welcome"}, {"requires_code", true},
                {"action", {{"type", "percentage_off_order"}, {"percent", "50"}}}});
    const json batch = flows::generate_promotion_codes(*s.engine, s.admin.session.c_str(), "welcome", 3, "wel");
    REQUIRE(batch["codes"].size() == 3);
    const std::string first = batch["codes"][0], second = batch["codes"][1];
    CHECK(first.rfind("WEL-", 0) == 0);
    CHECK(first != second);

    // Without a code the promotion does not apply at all.
    const std::string a = cart_with(s, {{mug, 1}});
    CHECK(cart(s, a)["discounts"].empty());
    CHECK(code_of([&] { flows::apply_coupon(*s.engine, nullptr, a.c_str(), "WELCOME"); }) ==
          COMMERCE_ERR_COUPON_NOT_APPLICABLE);
    CHECK(amount(flows::apply_coupon(*s.engine, nullptr, a.c_str(), first.c_str())["total"]) == "5.00");
    CHECK(failure_of([&] { flows::apply_coupon(*s.engine, nullptr, a.c_str(), second.c_str()); }).details()["reason"] ==
          "same_promotion");
    place(s, a);

    const std::string b = cart_with(s, {{mug, 1}});
    CHECK(failure_of([&] { flows::apply_coupon(*s.engine, nullptr, b.c_str(), first.c_str()); }).details()["reason"] ==
          "usage_limit_reached");
    CHECK(amount(flows::apply_coupon(*s.engine, nullptr, b.c_str(), second.c_str())["total"]) == "5.00");

    CHECK(code_of([&] { flows::generate_promotion_codes(*s.engine, s.admin.session.c_str(), "welcome", 0, nullptr); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    promote(s, {{"id", "plain"}, {"name", "Plain"}, {"action", {{"type", "free_shipping"}}}});
    CHECK(code_of([&] { flows::generate_promotion_codes(*s.engine, s.admin.session.c_str(), "plain", 1, nullptr); }) ==
          COMMERCE_ERR_ILLEGAL_STATE);
}

TEST_CASE("a per-customer limit counts the signed-in customer's orders, and a guest is not given the promotion") {
    Shop s;
    const std::string mug = product(s, "MUG", "10.00");
    promote(s, {{"id", "once"}, {"name", "Once each"}, {"code", "ONCE"}, {"usage_limit_per_customer", 1},
                {"action", {{"type", "percentage_off_order"}, {"percent", "10"}}}});
    const Account ann = s.customer("ann@pricing.test"), bob = s.customer("bob@pricing.test");
    const auto coupon_reason = [&](const std::string& cart_id, const char* session) {
        return failure_of([&] { flows::apply_coupon(*s.engine, session, cart_id.c_str(), "ONCE"); }).details()["reason"];
    };

    const std::string first = cart_with(s, {{mug, 1}}, "EUR", ann.session.c_str());
    CHECK(amount(flows::apply_coupon(*s.engine, ann.session.c_str(), first.c_str(), "ONCE")["total"]) == "9.00");
    place(s, first, ann.session.c_str());

    const std::string again = cart_with(s, {{mug, 1}}, "EUR", ann.session.c_str());
    CHECK(coupon_reason(again, ann.session.c_str()) == "customer_usage_limit_reached");
    const std::string other = cart_with(s, {{mug, 1}}, "EUR", bob.session.c_str());
    CHECK(amount(flows::apply_coupon(*s.engine, bob.session.c_str(), other.c_str(), "ONCE")["total"]) == "9.00");
    const std::string guest = cart_with(s, {{mug, 1}});
    CHECK(coupon_reason(guest, nullptr) == "customer_required");
    CHECK(cart(s, guest)["coupons"].empty());
}

TEST_CASE("a first-order promotion applies to a customer's first cart only, and not to a guest's") {
    Shop s;
    const std::string mug = product(s, "MUG", "10.00");
    promote(s, {{"id", "welcome"}, {"name", "First order"}, {"conditions", {{"first_order", true}}},
                {"action", {{"type", "percentage_off_order"}, {"percent", "10"}}}});
    const Account ann = s.customer("ann@pricing.test");
    const json first_order_only =
        json::parse(R"([{"promotion_id": "welcome", "code": null, "reason": "first_order_only"}])");

    const std::string first = cart_with(s, {{mug, 1}}, "EUR", ann.session.c_str());
    const json doc = cart(s, first, ann.session.c_str());
    REQUIRE(doc["discounts"].size() == 1);
    CHECK(doc["discounts"][0]["promotion_id"] == "welcome");
    CHECK(doc["promotions_not_applied"].empty());
    CHECK(amount(doc["total"]) == "9.00");
    CHECK(place(s, first, ann.session.c_str())["total"] == doc["total"]);

    const json next = cart(s, cart_with(s, {{mug, 1}}, "EUR", ann.session.c_str()), ann.session.c_str());
    CHECK(next["discounts"].empty());
    CHECK(next["promotions_not_applied"] == first_order_only);
    CHECK(amount(next["total"]) == "10.00");
    // A guest has no order history to count, so the engine never takes a guest cart for a first order.
    const json guest = cart(s, cart_with(s, {{mug, 1}}));
    CHECK(guest["discounts"].empty());
    CHECK(guest["promotions_not_applied"] == first_order_only);
}

TEST_CASE("two carts racing for the last use of a coupon: one order wins") {
    shop::TempFile file("commerce-coupon-race");
    Shop s(file.path.string());
    const std::string mug = product(s, "MUG", "10.00");
    promote(s, {{"id", "last"}, {"name", "Last one"}, {"code", "LAST"}, {"usage_limit", 1},
                {"action", {{"type", "percentage_off_order"}, {"percent", "10"}}}});
    std::vector<std::string> carts;
    for (int i = 0; i < 2; ++i) {
        carts.push_back(cart_with(s, {{mug, 1}}));
        flows::apply_coupon(*s.engine, nullptr, carts.back().c_str(), "LAST");
    }
    std::atomic<int> placed{0}, refused{0}, other{0};
    std::vector<std::thread> buyers;
    for (const auto& id : carts)
        buyers.emplace_back([&, id] {
            const commerce_status code = code_of([&] { place(s, id); });
            (code == COMMERCE_OK ? placed : code == COMMERCE_ERR_COUPON_NOT_APPLICABLE ? refused : other)++;
        });
    for (auto& buyer : buyers) buyer.join();
    CHECK(placed == 1);
    CHECK(refused == 1);
    CHECK(other == 0);
    CHECK(flows::get_promotion(*s.engine, s.admin.session.c_str(), "last")["usage_count"] == 1);
}

TEST_CASE("bad pricing input gives a stable code and writes nothing") {
    Shop s;
    const char* admin = s.admin.session.c_str();
    const auto field = [&](const json& definition) {
        return failure_of([&] { promote(s, definition); }).details();
    };
    const json off_200 = field({{"id", "x"}, {"name", "X"}, {"action", {{"type", "percentage_off_order"}, {"percent", "200"}}}});
    CHECK(off_200["field"] == "action.percent");
    CHECK(off_200["reason"] == "out_of_range");
    const json negative = field({{"id", "x"}, {"name", "X"},
                                 {"action", {{"type", "fixed_off_order"}, {"amount", {{"amount", "-5.00"}, {"currency", "EUR"}}}}}});
    CHECK(negative["reason"] == "negative");
    CHECK(flows::list_promotions(*s.engine, admin, nullptr)["items"].empty());

    promote(s, {{"id", "x"}, {"name", "X"}, {"code", "X1"}, {"action", {{"type", "free_shipping"}}}});
    CHECK(code_of([&] { promote(s, {{"id", "x"}, {"name", "Y"}, {"action", {{"type", "free_shipping"}}}}); }) == COMMERCE_ERR_EXISTS);
    CHECK(code_of([&] { promote(s, {{"id", "y"}, {"name", "Y"}, {"code", "x1"}, {"action", {{"type", "free_shipping"}}}}); }) ==
          COMMERCE_ERR_EXISTS);
    CHECK(code_of([&] { flows::update_promotion(*s.engine, admin, "x", R"({"name": "Z", "action": {"type": "free_shipping"}})", 7); }) ==
          COMMERCE_ERR_CONFLICT);
    CHECK(code_of([&] { flows::create_promotion(*s.engine, s.staff.session.c_str(), R"({"id": "s", "name": "S", "action": {"type": "free_shipping"}})"); }) ==
          COMMERCE_ERR_FORBIDDEN);

    const json rate = failure_of([&] {
        define_taxes(s, R"({"origin": {"country": "DE"}, "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "101"}]}}]})");
    }).details();
    CHECK(rate["reason"] == "out_of_range");
    CHECK(flows::get_tax_definitions(*s.engine, admin)["definition"].is_null());
    CHECK(code_of([&] { flows::set_tax_definitions(*s.engine, admin, kGermany, 3); }) == COMMERCE_ERR_CONFLICT);
    CHECK(shop::field_of([&] { product(s, "P", "1.00", "EUR", {{"tax_class", "books"}}); }) == "tax_class");

    define_taxes(s, kGermany);
    product(s, "BOOK", "1.00", "EUR", {{"tax_class", "books"}});
    const json in_use = failure_of([&] { define_taxes(s, R"({"origin": {"country": "DE"}})"); }).details();
    CHECK(in_use["reason"] == "in_use");
    CHECK(flows::get_tax_definitions(*s.engine, admin)["version"] == 1);

    const std::string id = flows::create_cart(*s.engine, nullptr, "EUR")["id"];
    CHECK(shop::field_of([&] { flows::update_cart(*s.engine, nullptr, id.c_str(), R"({"shipping_address": {"country": "Germany"}})"); }) ==
          "shipping_address.country");
    CHECK(code_of([&] { flows::update_cart(*s.engine, nullptr, id.c_str(), R"({"channel": "pos"})"); }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(code_of([&] { flows::update_cart(*s.engine, nullptr, id.c_str(), R"({"colour": "red"})"); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(cart(s, id)["channel"] == "web");
    CHECK(cart(s, id)["shipping_address"].is_null());
}

TEST_CASE("random stored carts reconcile under random promotions and taxes") {
    Shop s;
    define_taxes(s, R"({"origin": {"country": "FR"}, "rounding": {"level": "invoice"},
        "zones": [{"id": "fr", "country": "FR", "prices_include_tax": true,
                   "rates": {"standard": [{"name": "TVA", "rate": "20"}], "reduced": [{"name": "TVA", "rate": "5.5"}]}},
                  {"id": "ca-qc", "country": "CA", "regions": ["QC"],
                   "rates": {"standard": [{"name": "GST", "rate": "5"}, {"name": "QST", "rate": "9.975", "compound": true}],
                             "reduced": []}}]})");
    std::mt19937 random(20261122);
    std::vector<std::string> products;
    for (int i = 0; i < 6; ++i)
        products.push_back(product(s, "P" + std::to_string(i), std::to_string(1 + random() % 300) + "." +
                                   std::to_string(10 + random() % 90), "EUR",
                                   {{"tax_class", i % 2 ? "reduced" : "standard"}, {"tags", {i % 3 ? "sale" : "new"}}}));
    promote(s, {{"id", "sale"}, {"name", "Sale"}, {"conditions", {{"tags", {"sale"}}}},
                {"action", {{"type", "percentage_off_items"}, {"percent", "15"}}}});
    promote(s, {{"id", "b2g1"}, {"name", "B2G1"}, {"action", {{"type", "buy_x_get_y"}, {"buy_quantity", 2}, {"get_quantity", 1}}}});
    promote(s, {{"id", "voucher"}, {"name", "Voucher"}, {"lane", "after_tax"},
                {"action", {{"type", "fixed_off_order"}, {"amount", {{"amount", "3.33"}, {"currency", "EUR"}}}}}});
    for (int round = 0; round < 30; ++round) {
        std::vector<std::pair<std::string, int64_t>> items;
        for (const auto& id : products)
            if (random() % 2) items.emplace_back(id, 1 + random() % 5);
        const std::string id = cart_with(s, items);
        if (random() % 2)
            flows::update_cart(*s.engine, nullptr, id.c_str(), R"({"shipping_address": {"country": "CA", "region": "QC"}})");
        const json doc = cart(s, id);
        check_reconciles(doc);
        CHECK(cart(s, id) == doc);  // pricing again gives the same document
    }
}
