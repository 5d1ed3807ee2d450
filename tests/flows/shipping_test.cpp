// Shipping methods end to end: what a cart is offered (flat, weight and subtotal rates, free-over thresholds,
// pickup, digital goods), choosing one, its tax and promotions, checkout's rule, and definitions refused.
#include "flows/promotions.h"
#include "flows/shipping.h"
#include "flows/taxes.h"
#include "shop_fixture.h"

using namespace commerce;
using shop::Shop;
using json = nlohmann::json;

namespace {

constexpr const char* kMethods = R"({"methods": [
    {"id": "dhl", "name": "DHL", "countries": ["DE", "AT"], "delivery_days": {"min": 1, "max": 3},
     "rates": [{"type": "flat", "amount": {"amount": "4.90", "currency": "EUR"},
                "free_over": {"amount": "50.00", "currency": "EUR"}}]},
    {"id": "freight", "name": "Freight", "countries": ["*"],
     "rates": [{"type": "weight", "tiers": [{"max_grams": 1000, "amount": {"amount": "6.00", "currency": "EUR"}},
                                              {"max_grams": 5000, "amount": {"amount": "12.00", "currency": "EUR"}}]}]},
    {"id": "value", "name": "Insured", "countries": ["DE"], "regions": ["BY"],
     "rates": [{"type": "subtotal", "tiers": [{"min_subtotal": {"amount": "0.00", "currency": "EUR"},
                                                "amount": {"amount": "9.00", "currency": "EUR"}},
                                               {"min_subtotal": {"amount": "100.00", "currency": "EUR"},
                                                "amount": {"amount": "15.00", "currency": "EUR"}}]}]},
    {"id": "shop", "name": "Pick up in the shop", "kind": "pickup", "location_id": "default"}]})";

void define_shipping(Shop& s, const std::string& definition) {
    const int64_t version = flows::get_shipping_definitions(*s.engine, s.admin.session.c_str())["version"];
    flows::set_shipping_definitions(*s.engine, s.admin.session.c_str(), definition.c_str(), version);
}

std::string product(Shop& s, const std::string& sku, const std::string& amount, int64_t grams,
                    const char* kind = "physical") {
    json input = {{"sku", sku}, {"title", "Item " + sku}, {"kind", kind}, {"weight_grams", grams},
                  {"prices", {{{"amount", amount}, {"currency", "EUR"}}}}};
    if (std::string_view(kind) == "physical") input["stock"] = 100;  // digital goods are not counted
    return flows::create_product(*s.engine, s.admin.session.c_str(), input.dump().c_str())["id"];
}

std::string cart_of(Shop& s, const std::string& item, int64_t quantity, const char* session = nullptr) {
    const std::string cart = flows::create_cart(*s.engine, session, "EUR")["id"];
    flows::add_item(*s.engine, session, cart.c_str(), item.c_str(), quantity);
    return cart;
}

json update(Shop& s, const std::string& cart, const json& changes, const char* session = nullptr) {
    return flows::update_cart(*s.engine, session, cart.c_str(), changes.dump().c_str());
}

std::map<std::string, std::string> offered(const json& cart) {
    std::map<std::string, std::string> prices;
    for (const auto& method : cart["shipping_methods"]) prices[method["id"]] = method["price"]["amount"];
    return prices;
}

}  // namespace

TEST_CASE("a cart is offered the methods that reach it, at their rates") {
    Shop s;
    define_shipping(s, kMethods);
    const std::string lamp = product(s, "LAMP", "20.00", 800);
    const std::string cart = cart_of(s, lamp, 1);

    json doc = flows::get_cart(*s.engine, nullptr, cart.c_str());
    CHECK(doc["requires_shipping"] == true);
    CHECK(offered(doc) == std::map<std::string, std::string>{{"shop", "0.00"}});  // no address: pickup only

    doc = update(s, cart, {{"shipping_address", {{"country", "DE"}, {"region", "BY"}}}});
    CHECK(offered(doc) == std::map<std::string, std::string>{{"dhl", "4.90"}, {"freight", "6.00"}, {"value", "9.00"},
                                                             {"shop", "0.00"}});
    CHECK(doc["shipping_methods"][0]["delivery_days"] == json{{"min", 1}, {"max", 3}});

    flows::update_item(*s.engine, nullptr, cart.c_str(), lamp.c_str(), 5);  // 4 kg, 100.00 EUR
    doc = update(s, cart, {{"shipping_address", {{"country", "FR"}}}});
    CHECK(offered(doc) == std::map<std::string, std::string>{{"freight", "12.00"}, {"shop", "0.00"}});
    doc = update(s, cart, {{"shipping_address", {{"country", "DE"}, {"region", "BY"}}}});
    CHECK(offered(doc).at("dhl") == "0.00");     // free over 50.00
    CHECK(offered(doc).at("value") == "15.00");  // the 100.00 tier

    flows::update_item(*s.engine, nullptr, cart.c_str(), lamp.c_str(), 7);  // 5.6 kg: beyond every freight tier
    CHECK(offered(flows::get_cart(*s.engine, nullptr, cart.c_str())).count("freight") == 0);
}

TEST_CASE("a digital-only cart needs no shipping") {
    Shop s;
    define_shipping(s, kMethods);
    const std::string game = product(s, "GAME", "30.00", 0, "digital");
    const std::string cart = cart_of(s, game, 1);
    const json doc = update(s, cart, {{"shipping_address", {{"country", "DE"}}}});
    CHECK(doc["requires_shipping"] == false);
    CHECK(doc["shipping_methods"].empty());
    CHECK(flows::place_order(*s.engine, nullptr, cart.c_str(),
                             R"({"payment": {"method": "manual", "kind": "cash"}, "email": "g@shipping.test"})")["total"]
              ["amount"] == "30.00");
}

TEST_CASE("the chosen method is charged, taxed and discounted, and kept by the order") {
    Shop s;
    flows::set_tax_definitions(*s.engine, s.admin.session.c_str(), R"({"origin": {"country": "DE"},
        "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "19"}]}}]})", 0);
    define_shipping(s, kMethods);
    const std::string lamp = product(s, "LAMP", "20.00", 800);
    const std::string cart = cart_of(s, lamp, 1);
    update(s, cart, {{"shipping_address", {{"country", "DE"}}}});

    CHECK(shop::field_of([&] { update(s, cart, {{"shipping_method", "value"}}); }) == "shipping_method");  // BY only
    json doc = update(s, cart, {{"shipping_method", "dhl"}});
    CHECK(doc["shipping_method"]["id"] == "dhl");
    CHECK(doc["shipping_total"]["amount"] == "4.90");
    CHECK(doc["tax_total"]["amount"] == "4.73");  // 19% of 20.00 (3.80) + 19% of 4.90 (0.93)
    CHECK(doc["total"]["amount"] == "29.63");

    // Moving the address out of the method's countries drops the charge.
    doc = update(s, cart, {{"shipping_address", {{"country", "FR"}}}});
    CHECK(doc["shipping_method"].is_null());
    CHECK(doc["shipping_total"]["amount"] == "0.00");
    CHECK(code_of([&] {
              flows::place_order(*s.engine, nullptr, cart.c_str(),
                                 R"({"payment": {"method": "manual", "kind": "cash"}, "email": "g@shipping.test"})");
          }) == COMMERCE_ERR_ILLEGAL_STATE);

    update(s, cart, {{"shipping_address", {{"country", "DE"}}}});
    flows::create_promotion(*s.engine, s.admin.session.c_str(),
                            R"({"id": "ship", "name": "Free shipping", "action": {"type": "free_shipping"}})");
    doc = flows::get_cart(*s.engine, nullptr, cart.c_str());
    CHECK(doc["shipping_total"]["amount"] == "4.90");
    CHECK(doc["discount_total"]["amount"] == "4.90");
    CHECK(doc["tax_total"]["amount"] == "3.80");
    CHECK(doc["total"]["amount"] == "23.80");
    const json order = flows::place_order(*s.engine, nullptr, cart.c_str(),
                                          R"({"payment": {"method": "manual", "kind": "cash"}, "email": "g@shipping.test"})");
    CHECK(order["total"]["amount"] == "23.80");
    CHECK(order["totals"]["shipping_method"]["id"] == "dhl");
}

TEST_CASE("a till sells physical goods without a shipping method") {
    Shop s;
    define_shipping(s, kMethods);
    const std::string cart = cart_of(s, product(s, "LAMP", "20.00", 800), 1);
    flows::update_cart(*s.engine, s.admin.session.c_str(), cart.c_str(), R"({"channel": "pos"})");
    CHECK(flows::place_order(*s.engine, s.admin.session.c_str(), cart.c_str(),
                             R"({"payment": {"method": "manual", "kind": "cash"}, "email": "g@shipping.test"})")["total"]
              ["amount"] == "20.00");
}

TEST_CASE("a POS cart chooses store pickup: nothing is charged and the order keeps the pickup") {
    Shop s;
    define_shipping(s, kMethods);
    const char* staff = s.staff.session.c_str();
    const std::string cart = cart_of(s, product(s, "LAMP", "20.00", 800), 1, staff);
    update(s, cart, {{"channel", "pos"}, {"shipping_address", {{"country", "DE"}}}}, staff);
    // Delivery is offered and charged too, so the zero below is the pickup's own price.
    CHECK(update(s, cart, {{"shipping_method", "dhl"}}, staff)["shipping_total"]["amount"] == "4.90");

    const json doc = update(s, cart, {{"shipping_method", "shop"}}, staff);
    CHECK(doc["channel"] == "pos");
    CHECK(doc["shipping_method"]["id"] == "shop");
    CHECK(doc["shipping_method"]["kind"] == "pickup");
    CHECK(doc["shipping_method"]["location_id"] == "default");
    CHECK(doc["shipping_total"]["amount"] == "0.00");
    CHECK(doc["total"]["amount"] == "20.00");

    const json order = flows::place_order(*s.engine, staff, cart.c_str(),
                                          R"({"payment": {"method": "manual", "kind": "cash"}})");
    CHECK(order["totals"]["shipping_method"] == doc["shipping_method"]);
    CHECK(order["totals"]["shipping_total"]["amount"] == "0.00");
    CHECK(order["total"]["amount"] == "20.00");
}

TEST_CASE("bad shipping definitions are refused and change nothing") {
    Shop s;
    const auto refusal = [&](const std::string& definition) {
        return failure_of([&] { define_shipping(s, definition); }).details();
    };
    const std::string flat = R"("rates": [{"type": "flat", "amount": {"amount": "4.90", "currency": "EUR"}}])";
    CHECK(refusal(R"({"methods": [{"id": "a", "name": "A", "countries": ["DE"], "rates": [{"type": "flat", "amount": {"amount": "-1.00", "currency": "EUR"}}]}]})")["reason"] == "negative");
    CHECK(refusal(R"({"methods": [{"id": "a", "name": "A", "countries": ["DE"], "rates": [{"type": "zone"}]}]})")["field"] == "methods[0].rates[0].type");
    CHECK(refusal(R"({"methods": [{"id": "a", "name": "A", )" + flat + "}]}")["field"] == "methods[0].countries");
    CHECK(refusal(R"({"methods": [{"id": "a", "name": "A", "countries": ["DE"], "tax_class": "luxury", )" + flat + "}]}")["reason"] == "unknown_tax_class");
    CHECK(refusal(R"({"methods": [{"id": "a", "name": "A", "countries": ["DE"], "rates": [{"type": "weight", "tiers": [
        {"max_grams": 500, "amount": {"amount": "1.00", "currency": "EUR"}},
        {"max_grams": 500, "amount": {"amount": "2.00", "currency": "EUR"}}]}]}]})")["reason"] == "not_increasing");
    CHECK(refusal(R"({"methods": [{"id": "a", "name": "A", "countries": ["DE"], "rates": [{"type": "flat",
        "amount": {"amount": "1.00", "currency": "EUR"}, "free_over": {"amount": "50", "currency": "USD"}}]}]})")["reason"] == "currency_mismatch");
    CHECK(refusal(R"({"methods": [{"id": "a", "name": "A", "countries": ["DE"], "delivery_days": {"min": 3, "max": 1}, )" + flat + "}]}")["reason"] == "out_of_range");
    CHECK(refusal(R"({"methods": [{"id": "a", "name": "A", "countries": ["DE"], )" + flat + R"(}, {"id": "a", "name": "B", "countries": ["AT"], )" + flat + "}]}")["reason"] == "duplicate");
    CHECK(flows::get_shipping_definitions(*s.engine, s.admin.session.c_str())["version"] == 0);
    CHECK(code_of([&] { flows::get_shipping_definitions(*s.engine, s.staff.session.c_str()); }) == COMMERCE_ERR_FORBIDDEN);

    // A tax definition cannot drop a class a shipping method uses.
    flows::set_tax_definitions(*s.engine, s.admin.session.c_str(), R"({"origin": {"country": "DE"}, "tax_classes": ["shipping"]})", 0);
    define_shipping(s, R"({"methods": [{"id": "a", "name": "A", "countries": ["DE"], "tax_class": "shipping", )" + flat + "}]}");
    CHECK(failure_of([&] { flows::set_tax_definitions(*s.engine, s.admin.session.c_str(), R"({"origin": {"country": "DE"}})", 1); })
              .details()["reason"] == "in_use");
}
