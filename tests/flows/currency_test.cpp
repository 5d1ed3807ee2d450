// Currencies end to end: settings and rates kept by the engine, carts in a presentment currency priced from the
// base currency (the set price wins), a display total, conversion at historical rates and the sales report, in
// zero-, two- and three-decimal currencies; bad input changes nothing.
#include "core/timestamp.h"
#include "flows/currencies.h"
#include "flows/price_lists.h"
#include "flows/sales_report.h"
#include "flows/wishlists.h"
#include "shop_fixture.h"

using namespace commerce;
using shop::Shop;
using json = nlohmann::json;

namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;

const char* kSettings = R"({"base": "EUR", "presentment": [
    {"currency": "USD", "charm": {"step": "1", "ending": "0.99"}},
    {"currency": "JPY", "rounding_increment": "10"},
    {"currency": "KWD"}]})";

json set_settings(Shop& s, const char* settings) {
    const int64_t version = flows::get_currency_settings(*s.engine, s.admin.session.c_str())["version"];
    return flows::set_currency_settings(*s.engine, s.admin.session.c_str(), settings, version);
}

json set_rate(Shop& s, const json& rate) {
    return flows::set_exchange_rate(*s.engine, s.admin.session.c_str(), rate.dump().c_str());
}

std::string product(Shop& s, const std::string& sku, const std::vector<json>& prices) {
    const json input = {{"sku", sku}, {"title", "Item " + sku}, {"prices", prices}, {"stock", 100}};
    return flows::create_product(*s.engine, s.admin.session.c_str(), input.dump().c_str())["id"];
}

json price(const char* amount, const char* currency) { return {{"amount", amount}, {"currency", currency}}; }

std::string cart_with(Shop& s, const char* currency, const std::vector<std::string>& items) {
    const std::string cart = flows::create_cart(*s.engine, nullptr, currency)["id"];
    for (const auto& item : items) flows::add_item(*s.engine, nullptr, cart.c_str(), item.c_str(), 1);
    return cart;
}

json place(Shop& s, const std::string& cart) {
    return flows::place_order(*s.engine, nullptr, cart.c_str(),
                              R"({"payment": {"method": "manual", "kind": "cash"}, "email": "g@currency.test"})");
}

std::string iso(int64_t ms) { return format_rfc3339(ms); }

}  // namespace

TEST_CASE("a presentment price is converted from the base price at the rate in force, and a set price wins") {
    Shop s;
    set_settings(s, kSettings);
    const std::string lamp = product(s, "LAMP", {price("10.00", "EUR")});
    const std::string mug = product(s, "MUG", {price("10.00", "EUR"), price("9.50", "USD")});
    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.0850"}, {"effective_at", iso(shop::kStart - kDay)}});
    // A later rate, not yet in force, changes nothing today.
    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "2"}, {"effective_at", iso(shop::kStart + kDay)}});

    const std::string cart = cart_with(s, "USD", {lamp, mug});
    json doc = flows::get_cart(*s.engine, nullptr, cart.c_str());
    CHECK(doc["items"][0]["unit_price"] == price("10.99", "USD"));  // 10.85, charmed
    CHECK(doc["items"][0]["converted_from"]["price"] == price("10.00", "EUR"));
    CHECK(doc["items"][0]["converted_from"]["rate"]["rate"] == "1.0850");
    CHECK(doc["items"][1]["unit_price"] == price("9.50", "USD"));
    CHECK(doc["items"][1]["converted_from"].is_null());
    CHECK(doc["total"] == price("20.49", "USD"));

    s.engine->manual_clock().advance(kDay);
    doc = flows::get_cart(*s.engine, nullptr, cart.c_str());
    CHECK(doc["items"][0]["unit_price"] == price("20.99", "USD"));
    // The order keeps the price it was placed at.
    const json order = place(s, cart);
    CHECK(order["lines"][0]["unit_price"] == price("20.99", "USD"));
}

TEST_CASE("a wishlist read in a presentment currency shows the catalog price a cart in it starts from") {
    Shop s;
    set_settings(s, kSettings);
    const std::string lamp = product(s, "LAMP", {price("10.00", "EUR")});
    const std::string mug = product(s, "MUG", {price("10.00", "EUR"), price("9.50", "USD")});
    const std::string session = s.customer("ana@currency.test").session;
    const std::string list = flows::create_wishlist(*s.engine, session.c_str(), "Home")["id"];
    for (const auto& item : {lamp, mug})
        flows::add_wishlist_item(*s.engine, session.c_str(), list.c_str(), item.c_str(), nullptr);
    const auto prices_in = [&](const char* currency) {
        const json wishlist = flows::get_wishlist(*s.engine, session.c_str(), list.c_str(), currency);
        std::vector<json> prices;
        for (const auto& item : wishlist["items"]) prices.push_back(item["prices"]);
        return prices;
    };
    // No rate in force yet: the lamp has no USD price, as a cart would refuse it.
    CHECK(prices_in("USD") == std::vector<json>{json::array(), json::array({price("9.50", "USD")})});

    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.0850"}, {"effective_at", iso(shop::kStart - kDay)}});
    CHECK(prices_in("USD") == std::vector<json>{json::array({price("10.99", "USD")}),  // 10.85, charmed
                                                json::array({price("9.50", "USD")})});  // the set price wins
    const json cart = flows::get_cart(*s.engine, nullptr, cart_with(s, "USD", {lamp}).c_str());
    CHECK(cart["items"][0]["unit_price"] == price("10.99", "USD"));
    CHECK(prices_in("EUR") ==
          std::vector<json>{json::array({price("10.00", "EUR")}), json::array({price("10.00", "EUR")})});
}

TEST_CASE("a price list in a presentment currency competes with the converted catalog price") {
    Shop s;
    set_settings(s, kSettings);
    const std::string lamp = product(s, "LAMP", {price("10.00", "EUR")});
    const std::string variant = flows::get_product(*s.engine, lamp.c_str())["variants"][0]["id"];
    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.0850"}, {"effective_at", iso(shop::kStart - kDay)}});
    const auto usd_price = [&](const char* amount, int64_t min_quantity) {
        return json{{"variant_id", variant}, {"price", price(amount, "USD")}, {"min_quantity", min_quantity}};
    };
    // From two units the list sells below the converted 10.99; its one-unit price is dearer, so no sale.
    flows::create_price_list(*s.engine, s.admin.session.c_str(),
                             json{{"id", "usd-bulk"}, {"name", "USD bulk"},
                                  {"prices", {usd_price("11.50", 1), usd_price("9.00", 2)}}}.dump().c_str());

    const std::string cart = cart_with(s, "USD", {lamp});
    json line = flows::get_cart(*s.engine, nullptr, cart.c_str())["items"][0];
    CHECK(line["unit_price"] == price("10.99", "USD"));
    CHECK(line["catalog_unit_price"] == price("10.99", "USD"));
    CHECK(line["price_list_id"].is_null());
    CHECK(line["converted_from"]["price"] == price("10.00", "EUR"));

    line = flows::update_item(*s.engine, nullptr, cart.c_str(), lamp.c_str(), 2)["items"][0];
    CHECK(line["unit_price"] == price("9.00", "USD"));
    CHECK(line["catalog_unit_price"] == price("10.99", "USD"));
    CHECK(line["price_list_id"] == "usd-bulk");
    CHECK(line["converted_from"]["price"] == price("10.00", "EUR"));
    CHECK(line["line_total"] == price("18.00", "USD"));
}

TEST_CASE("without settings, a presentment currency or a rate in force, a missing price is a mismatch") {
    Shop s;
    const std::string lamp = product(s, "LAMP", {price("10.00", "EUR")});
    // The cart already holds a line with a set USD price, so a partial write of a refused add would show.
    const std::string cart = cart_with(s, "USD", {product(s, "MUG", {price("9.50", "USD")})});
    const auto add = [&] { flows::add_item(*s.engine, nullptr, cart.c_str(), lamp.c_str(), 1); };
    const json before = flows::get_cart(*s.engine, nullptr, cart.c_str());
    const auto refused = [&] {
        const commerce_status code = code_of(add);
        CHECK(flows::get_cart(*s.engine, nullptr, cart.c_str()) == before);  // the same cart, unchanged
        return code;
    };
    CHECK(refused() == COMMERCE_ERR_CURRENCY_MISMATCH);
    set_settings(s, R"({"base": "EUR", "presentment": [{"currency": "USD"}]})");
    CHECK(refused() == COMMERCE_ERR_CURRENCY_MISMATCH);  // no rate yet
    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.1"}, {"effective_at", iso(shop::kStart + 1)}});
    CHECK(refused() == COMMERCE_ERR_CURRENCY_MISMATCH);  // not in force yet
    s.engine->manual_clock().advance(1);
    add();
    set_settings(s, R"({"base": "EUR"})");
    CHECK(code_of([&] { flows::get_cart(*s.engine, nullptr, cart.c_str()); }) == COMMERCE_ERR_CURRENCY_MISMATCH);
}

TEST_CASE("zero- and three-decimal presentment currencies, and a rate read backwards") {
    Shop s;
    set_settings(s, kSettings);
    const std::string lamp = product(s, "LAMP", {price("19.99", "EUR")});
    set_rate(s, {{"base", "EUR"}, {"quote", "JPY"}, {"rate", "162.37"}});
    set_rate(s, {{"base", "KWD"}, {"quote", "EUR"}, {"rate", "2.9803"}});  // stored the other way round
    json jpy = flows::get_cart(*s.engine, nullptr, cart_with(s, "JPY", {lamp}).c_str());
    CHECK(jpy["items"][0]["unit_price"] == price("3250", "JPY"));  // 3245.7763 to the nearest 10
    json kwd = flows::get_cart(*s.engine, nullptr, cart_with(s, "KWD", {lamp}).c_str());
    CHECK(kwd["items"][0]["unit_price"] == price("6.707", "KWD"));  // 19.99 / 2.9803 = 6.70738...
    CHECK(kwd["items"][0]["converted_from"]["rate"]["base"] == "KWD");
}

TEST_CASE("a cart shows its total in a display currency, and the order keeps it") {
    Shop s;
    const std::string lamp = product(s, "LAMP", {price("19.99", "EUR")});
    const std::string cart = cart_with(s, "EUR", {lamp});
    const auto display = [&](const char* changes) {
        return flows::update_cart(*s.engine, nullptr, cart.c_str(), changes)["display"];
    };
    const Error refused = failure_of([&] { display(R"({"display_currency": "JPY"})"); });
    CHECK(refused.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(refused.details()["reason"] == "no_rate");
    set_rate(s, {{"base", "EUR"}, {"quote", "JPY"}, {"rate", "162.37"}});
    json shown = display(R"({"display_currency": "JPY"})");
    CHECK(shown["currency"] == "JPY");
    CHECK(shown["total"] == price("3246", "JPY"));
    CHECK(shown["rate"]["rate"] == "162.37");
    const json order = place(s, cart);
    CHECK(order["totals"]["display"]["total"] == price("3246", "JPY"));
    const std::string other = cart_with(s, "EUR", {lamp});
    CHECK(flows::update_cart(*s.engine, nullptr, other.c_str(), R"({"display_currency": null})")["display"].is_null());
}

TEST_CASE("conversion and the sales report use the rate in force when each order was placed") {
    Shop s;
    set_settings(s, R"({"base": "EUR", "presentment": [{"currency": "USD"}]})");
    const std::string lamp = product(s, "LAMP", {price("10.00", "EUR"), price("10.00", "USD"), price("1000", "JPY")});
    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.25"}, {"effective_at", iso(shop::kStart - kDay)}});
    set_rate(s, {{"base", "EUR"}, {"quote", "JPY"}, {"rate", "160"}, {"effective_at", iso(shop::kStart - kDay)}});
    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.5"}, {"effective_at", iso(shop::kStart + kDay)}});
    place(s, cart_with(s, "EUR", {lamp}));
    place(s, cart_with(s, "USD", {lamp}));  // 10.00 / 1.25 = 8.00 EUR
    s.engine->manual_clock().advance(kDay);
    place(s, cart_with(s, "USD", {lamp}));  // 10.00 / 1.5 = 6.67 EUR
    place(s, cart_with(s, "JPY", {lamp}));  // 1000 / 160 = 6.25 EUR
    // A day idle ended the staff session.
    const std::string staff = flows::login(*s.engine, "staff@shop.test", shop::kPassword, nullptr)["token"];

    const json then = flows::convert_amount(*s.engine, staff.c_str(), "10.00", "USD", "EUR", iso(shop::kStart).c_str());
    CHECK(then["converted"] == price("8.00", "EUR"));
    CHECK(then["rate"]["rate"] == "1.25");
    const json now = flows::convert_amount(*s.engine, staff.c_str(), "8.00", "EUR", "USD", nullptr);
    CHECK(now["converted"] == price("12.00", "USD"));
    const std::string before_rates = iso(shop::kStart - 2 * kDay);
    CHECK(code_of([&] {
        flows::convert_amount(*s.engine, staff.c_str(), "1", "EUR", "USD", before_rates.c_str());
    }) == COMMERCE_ERR_NOT_FOUND);

    const json report = flows::sales_in_base(*s.engine, staff.c_str(), R"({"from": "2026-11-06", "to": "2026-11-07"})");
    CHECK(report["base"] == "EUR");
    CHECK(report["orders"] == 4);
    REQUIRE(report["currencies"].size() == 3);
    CHECK(report["currencies"][0] == json{{"currency", "EUR"}, {"orders", 1}, {"total", price("10.00", "EUR")},
                                          {"converted", price("10.00", "EUR")}});
    CHECK(report["currencies"][1]["converted"] == price("6.25", "EUR"));
    CHECK(report["currencies"][2] == json{{"currency", "USD"}, {"orders", 2}, {"total", price("20.00", "USD")},
                                          {"converted", price("14.67", "EUR")}});
    CHECK(report["total"] == price("30.92", "EUR"));
    const json first_day =
        flows::sales_in_base(*s.engine, staff.c_str(), R"({"from": "2026-11-06", "to": "2026-11-06"})");
    CHECK(first_day["total"] == price("18.00", "EUR"));
}

TEST_CASE("bad currency input gives a stable code and writes nothing") {
    Shop s;
    const std::string admin = s.admin.session;
    const auto refused_rate = [&](const json& rate) {
        return failure_of([&] { flows::set_exchange_rate(*s.engine, admin.c_str(), rate.dump().c_str()); });
    };
    const auto reason = [](const Error& error) { return error.details().value("reason", ""); };
    CHECK(reason(refused_rate({{"base", "EUR"}, {"quote", "EUR"}, {"rate", "1"}})) == "same_currency");
    CHECK(reason(refused_rate({{"base", "EUR"}, {"quote", "USD"}, {"rate", "0"}})) == "out_of_range");
    CHECK(reason(refused_rate({{"base", "EUR"}, {"quote", "USD"}, {"rate", "-1"}})) == "out_of_range");
    CHECK(reason(refused_rate({{"base", "EUR"}, {"quote", "USD"}, {"rate", 1.1}})) == "type");
    CHECK(reason(refused_rate({{"base", "EUR"}, {"quote", "XYZ"}, {"rate", "1.1"}})) == "unknown_currency");
    CHECK(reason(refused_rate({{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.1"}, {"effective_at", "yesterday"}})) ==
          "format");
    CHECK(refused_rate({{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.1"}, {"extra", 1}}).code() ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] {
        flows::set_exchange_rate(*s.engine, s.staff.session.c_str(), R"({"base":"EUR","quote":"USD","rate":"1"})");
    }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(flows::list_exchange_rates(*s.engine, admin.c_str(), nullptr)["items"].empty());

    CHECK(code_of([&] { flows::set_currency_settings(*s.engine, admin.c_str(), R"({"base": "EURO"})", 0); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::set_currency_settings(*s.engine, admin.c_str(), R"({"base": "EUR"})", 3); }) ==
          COMMERCE_ERR_CONFLICT);
    CHECK(flows::get_currency_settings(*s.engine, admin.c_str())["definition"].is_null());
    const auto report = [&](const char* query) {
        return code_of([&] { flows::sales_in_base(*s.engine, admin.c_str(), query); });
    };
    CHECK(report(R"({"from": "2026-11-01", "to": "2026-11-30"})") == COMMERCE_ERR_NOT_FOUND);
    CHECK(report(R"({"from": "2026-11-30", "to": "2026-11-01"})") == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(report(R"({"from": "Nov 1", "to": "2026-11-01"})") == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::convert_amount(*s.engine, admin.c_str(), "1.001", "EUR", "USD", nullptr); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::convert_amount(*s.engine, admin.c_str(), "1", "EUR", "EUR", nullptr); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("rates: listed newest first with a cursor, filtered by pair; a correction for the same moment wins") {
    Shop s;
    const std::string moment = iso(shop::kStart - kDay);
    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.08"}, {"effective_at", moment}});
    set_rate(s, {{"base", "EUR"}, {"quote", "GBP"}, {"rate", "0.85"}, {"effective_at", moment}});
    set_rate(s, {{"base", "EUR"}, {"quote", "USD"}, {"rate", "1.09"}, {"effective_at", moment}});
    const json page = flows::list_exchange_rates(*s.engine, s.admin.session.c_str(), R"({"limit": 2})");
    REQUIRE(page["items"].size() == 2);
    CHECK(page["items"][0]["rate"] == "1.09");
    CHECK(page["items"][0]["created_by"] == s.admin.id);
    const json rest = flows::list_exchange_rates(
        *s.engine, s.admin.session.c_str(), json{{"after", page["next"]}}.dump().c_str());
    CHECK(rest["items"].size() == 1);
    CHECK(rest["next"].is_null());
    CHECK(flows::list_exchange_rates(*s.engine, s.admin.session.c_str(), R"({"quote": "GBP"})")["items"].size() == 1);
    const json converted = flows::convert_amount(*s.engine, s.admin.session.c_str(), "100.00", "EUR", "USD", nullptr);
    CHECK(converted["converted"] == price("109.00", "USD"));
}
