// An order's life after checkout: the snapshot it keeps, capturing manual payments, refunds allocated exactly,
// cancellation that gives stock and coupon uses back, and the expiry of orders left unpaid.
#include "flows/addresses.h"
#include "flows/fulfillment.h"
#include "flows/order_lifecycle.h"
#include "flows/returns.h"
#include "flows/inventory.h"
#include "flows/orders.h"
#include "flows/promotions.h"
#include "flows/shipping.h"
#include "flows/taxes.h"
#include "core/locale_format.h"
#include "shop_fixture.h"

using namespace commerce;
using shop::Shop;
using json = nlohmann::json;

namespace {

constexpr int64_t kMinute = 60'000;

constexpr const char* kGermany = R"({"origin": {"country": "DE"},
    "zones": [{"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "19"}]}}]})";

constexpr const char* kDhl = R"({"methods": [{"id": "dhl", "name": "DHL", "countries": ["DE"],
    "rates": [{"type": "flat", "amount": {"amount": "4.90", "currency": "EUR"}}]}]})";

int64_t minor(const json& money) { return Money::from_json(money).minor(); }

struct OrderShop : Shop {
    explicit OrderShop(const json& extra_config = json::object()) : Shop(":memory:", extra_config) {}

    std::string product(const std::string& sku, const std::string& price, int64_t stock = 100) {
        const json input = {{"sku", sku}, {"title", "Item " + sku},
                            {"prices", {{{"amount", price}, {"currency", "EUR"}}}}, {"stock", stock}};
        return flows::create_product(*engine, admin.session.c_str(), input.dump().c_str())["id"];
    }

    json place(const shop::Account& buyer, const std::vector<std::pair<std::string, int64_t>>& items,
               const json& payment, const json& cart_update = json::object()) {
        const std::string cart = flows::create_cart(*engine, buyer.session.c_str(), "EUR")["id"];
        for (const auto& [item, quantity] : items)
            flows::add_item(*engine, buyer.session.c_str(), cart.c_str(), item.c_str(), quantity);
        if (!cart_update.empty())
            flows::update_cart(*engine, buyer.session.c_str(), cart.c_str(), cart_update.dump().c_str());
        const json request = {{"payment", payment}};
        return flows::place_order(*engine, buyer.session.c_str(), cart.c_str(), request.dump().c_str());
    }

    // German VAT and one DHL method, for orders whose shipping and taxes matter.
    void tax_and_ship_in_germany() {
        const int64_t tax_version = flows::get_tax_definitions(*engine, admin.session.c_str())["version"];
        flows::set_tax_definitions(*engine, admin.session.c_str(), kGermany, tax_version);
        const int64_t shipping_version = flows::get_shipping_definitions(*engine, admin.session.c_str())["version"];
        flows::set_shipping_definitions(*engine, admin.session.c_str(), kDhl, shipping_version);
    }

    int64_t on_hand(const std::string& product_id) {
        return flows::get_product(*engine, product_id.c_str())["variants"][0]["stock"]["on_hand"];
    }

    json capture(const std::string& session, const json& order, const json& request = json::object()) {
        return flows::capture_payment(*engine, session.c_str(), order["id"].get<std::string>().c_str(),
                                      request.dump().c_str());
    }
    json refund(const json& order, const json& request) {
        return flows::refund_order(*engine, admin.session.c_str(), order["id"].get<std::string>().c_str(),
                                   request.dump().c_str());
    }
    json cancel(const std::string& session, const json& order) {
        return flows::cancel_order(*engine, session.c_str(), order["id"].get<std::string>().c_str(), nullptr);
    }
};

const json kCash = {{"method", "manual"}, {"kind", "cash"}};
const json kCashOnDelivery = {{"method", "manual"}, {"kind", "cash_on_delivery"}};
const json kBankTransfer = {{"method", "manual"}, {"kind", "bank_transfer"}};

// The order promises: its lines' totals and its shipping add up to its total, and their taxes to its tax.
void check_order_reconciles(const json& order) {
    int64_t lines = 0, taxes = 0, discounts = 0;
    for (const auto& line : order["lines"]) {
        lines += minor(line["total"]);
        taxes += minor(line["tax"]);
        discounts += minor(line["discount"]);
    }
    CHECK(lines + minor(order["shipping"]["amount"]) == minor(order["total"]));
    CHECK(taxes + minor(order["shipping"]["tax"]) == minor(order["totals"]["tax_total"]));
    CHECK(discounts <= minor(order["totals"]["discount_total"]));  // a shipping discount is not a line's
}

}  // namespace

TEST_CASE("an order keeps each line's discount and tax, and its shipping, and they add up to its total") {
    OrderShop s;
    s.tax_and_ship_in_germany();
    flows::create_promotion(*s.engine, s.admin.session.c_str(),
                            R"({"id": "tenth", "name": "10%", "action": {"type": "percentage_off_order", "percent": "10"}})");
    const auto buyer = s.customer("ada@shop.test");
    const json order = s.place(buyer, {{s.product("LAMP", "33.33"), 3}, {s.product("BULB", "1.99"), 1}}, kCash,
                               {{"shipping_address", {{"country", "DE"}}}, {"shipping_method", "dhl"}});
    check_order_reconciles(order);
    CHECK(order["lines"][0]["discount"]["amount"] != "0.00");
    CHECK(order["lines"][0]["tax"]["amount"] != "0.00");
    CHECK(order["shipping"]["amount"]["amount"] == "5.83");  // 4.90 + 19% VAT
    CHECK(order["shipping"]["tax"]["amount"] == "0.93");
    REQUIRE(order["timeline"].size() == 1);
    CHECK(order["timeline"][0]["kind"] == "placed");
    CHECK(order["timeline"][0]["to"] == "paid");
    CHECK(order["timeline"][0]["actor_id"] == buyer.id);
    REQUIRE(order["payment"]["transactions"].size() == 1);
    CHECK(order["payment"]["transactions"][0]["operation"] == "capture");
    CHECK(order["payment"]["transactions"][0]["amount"] == order["total"]);
    CHECK(order["payment"]["captured"] == order["total"]);
    const auto placed = s.take_events("order.placed");
    REQUIRE(placed.size() == 1);
    CHECK(placed[0]["number"] == order["number"]);
    CHECK(placed[0]["status"] == "paid");
    // Read back from storage, the order is the one checkout returned.
    CHECK(flows::get_order(*s.engine, buyer.session.c_str(), order["id"].get<std::string>().c_str()) == order);
}

TEST_CASE("cash on delivery waits for staff to record the money; the ledger and timeline keep every step") {
    OrderShop s;
    const auto buyer = s.customer("bo@shop.test");
    json order = s.place(buyer, {{s.product("TEA", "7.50"), 2}}, kCashOnDelivery);
    CHECK(order["status"] == "pending_payment");
    CHECK(order["payment_status"] == "pending");
    CHECK(order["payment"]["transactions"].empty());
    CHECK(order["expires_at"].is_null());  // cash on delivery waits as long as the delivery takes

    CHECK(code_of([&] { s.capture(buyer.session, order); }) == COMMERCE_ERR_FORBIDDEN);
    const auto over = failure_of([&] { s.capture(s.staff.session, order, {{"amount", "15.01"}}); });
    CHECK(over.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(over.details()["capturable"]["amount"] == "15.00");
    CHECK(code_of([&] { s.capture(s.staff.session, order, {{"amount", "0.00"}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);

    order = s.capture(s.staff.session, order, {{"amount", "5.00"}, {"note", "deposit"}});
    CHECK(order["payment_status"] == "partially_captured");
    CHECK(order["status"] == "pending_payment");
    CHECK(s.take_events("order.paid").empty());
    order = s.capture(s.staff.session, order, {{"reference", "driver-17"}});
    CHECK(order["payment_status"] == "captured");
    CHECK(order["status"] == "paid");
    CHECK(order["payment"]["captured"]["amount"] == "15.00");
    REQUIRE(order["payment"]["transactions"].size() == 2);
    CHECK(order["payment"]["transactions"][0]["amount"]["amount"] == "5.00");
    CHECK(order["payment"]["transactions"][1]["amount"]["amount"] == "10.00");
    CHECK(order["payment"]["transactions"][1]["reference"] == "driver-17");
    CHECK(order["payment"]["transactions"][1]["actor_id"] == s.staff.id);
    const auto paid = s.take_events("order.paid");
    REQUIRE(paid.size() == 1);
    CHECK(paid[0]["amount"]["amount"] == "10.00");

    // pending → partially_captured (with its note), → captured, and the order's pending_payment → paid.
    const json& timeline = order["timeline"];
    REQUIRE(timeline.size() == 4);
    CHECK(timeline[1] == json{{"kind", "payment_status"}, {"from", "pending"}, {"to", "partially_captured"},
                              {"actor_id", s.staff.id}, {"note", "deposit"}, {"at", timeline[1]["at"]},
                              {"subject_id", nullptr}});
    CHECK(timeline[2]["to"] == "captured");
    CHECK(timeline[3]["kind"] == "status");
    CHECK(timeline[3]["from"] == "pending_payment");
    CHECK(timeline[3]["to"] == "paid");

    const auto again = failure_of([&] { s.capture(s.staff.session, order); });
    CHECK(again.code() == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(again.details()["field"] == "payment_status");
    CHECK(again.details()["current"] == "captured");
}

TEST_CASE("refunds of units add up to exactly what each line charged, however the units are split") {
    OrderShop s;
    flows::create_promotion(*s.engine, s.admin.session.c_str(),
                            R"({"id": "third", "name": "1/3 off", "action": {"type": "percentage_off_order", "percent": "33.3"}})");
    const auto buyer = s.customer("cy@shop.test");
    const std::string lamp = s.product("LAMP", "10.00", 10);
    json order = s.place(buyer, {{lamp, 3}, {s.product("CORD", "2.50"), 1}}, kCash);
    CHECK(s.on_hand(lamp) == 7);
    const int64_t lamp_total = minor(order["lines"][0]["total"]);

    CHECK(shop::field_of([&] { s.refund(order, {{"lines", {{{"line", 2}, {"quantity", 1}}}}}); }) == "lines[0].line");
    CHECK(shop::field_of([&] { s.refund(order, {{"lines", {{{"line", 0}, {"quantity", 4}}}}}); }) ==
          "lines[0].quantity");
    CHECK(shop::field_of([&] {
              s.refund(order, {{"lines", {{{"line", 0}, {"quantity", 1}}, {{"line", 0}, {"quantity", 1}}}}});
          }) == "lines[1].line");
    CHECK(shop::field_of([&] { s.refund(order, {{"lines", {{{"line", 0}, {"quantity", 1}}}}, {"amount", "1.00"}}); }) ==
          "amount");
    CHECK(shop::field_of([&] { s.refund(order, json::object()); }) == "lines");
    CHECK(code_of([&] {
              flows::refund_order(*s.engine, s.staff.session.c_str(), order["id"].get<std::string>().c_str(),
                                  R"({"shipping": true})");
          }) == COMMERCE_ERR_FORBIDDEN);  // staff capture, but only "orders.refund" gives money back

    // One unit, then two: the line gives back its whole total, to the minor unit, and its tax with it.
    order = s.refund(order, {{"lines", {{{"line", 0}, {"quantity", 1}, {"restock", true}}}}, {"reason", "damaged"}});
    CHECK(order["payment_status"] == "partially_refunded");
    CHECK(order["lines"][0]["refunded_quantity"] == 1);
    CHECK(s.on_hand(lamp) == 8);
    const int64_t first = minor(order["refunds"][0]["amount"]);
    CHECK(first == Money::from_json(order["lines"][0]["total"]).allocate(std::vector<int64_t>{1, 2})[0].minor());
    order = s.refund(order, {{"lines", {{{"line", 0}, {"quantity", 2}}}}});
    CHECK(s.on_hand(lamp) == 8);  // not restocked this time
    CHECK(first + minor(order["refunds"][1]["amount"]) == lamp_total);
    CHECK(order["lines"][0]["refunded_quantity"] == 3);
    CHECK(shop::field_of([&] { s.refund(order, {{"lines", {{{"line", 0}, {"quantity", 1}}}}}); }) ==
          "lines[0].quantity");

    // An amount beyond what is left is refused with what is left; the rest, as an amount, closes the payment.
    const int64_t left = minor(order["payment"]["captured"]) - minor(order["payment"]["refunded"]);
    const auto too_much = failure_of([&] { s.refund(order, {{"amount", "100.00"}}); });
    CHECK(too_much.code() == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(too_much.details()["reason"] == "exceeds_captured");
    CHECK(minor(too_much.details()["refundable"]) == left);
    const Currency& eur = Money::parse("0.00", "EUR").currency();
    order = s.refund(order, {{"amount", Money::from_minor(left, eur).amount_string()}});
    CHECK(order["payment_status"] == "refunded");
    CHECK(order["payment"]["refunded"] == order["total"]);
    int64_t refunded = 0;
    for (const auto& refund : order["refunds"]) refunded += minor(refund["amount"]);
    CHECK(refunded == minor(order["total"]));
    const auto refunds = s.take_events("order.refunded");
    CHECK(refunds.size() == 3);
    CHECK(code_of([&] { s.refund(order, {{"amount", "0.01"}}); }) == COMMERCE_ERR_ILLEGAL_STATE);
}

TEST_CASE("an amount refund spreads over lines and shipping with the tax in proportion; the shipping comes back once") {
    OrderShop s;
    s.tax_and_ship_in_germany();
    const auto buyer = s.customer("di@shop.test");
    json order = s.place(buyer, {{s.product("MUG", "8.00"), 1}, {s.product("PLATE", "4.00"), 2}}, kCash,
                         {{"shipping_address", {{"country", "DE"}}}, {"shipping_method", "dhl"}});
    check_order_reconciles(order);
    order = s.refund(order, {{"amount", "3.00"}});
    const json& spread = order["refunds"][0];
    int64_t parts = minor(spread["shipping"]), tax = minor(spread["shipping_tax"]);
    for (const auto& line : spread["lines"]) {
        parts += minor(line["amount"]);
        tax += minor(line["tax"]);
        CHECK(line["quantity"] == 0);
        CHECK(minor(line["tax"]) <= minor(line["amount"]));
    }
    CHECK(parts == 300);
    CHECK(tax == minor(spread["tax"]));
    CHECK(tax > 0);

    order = s.refund(order, {{"shipping", true}});
    CHECK(minor(order["refunds"][0]["shipping"]) + minor(order["refunds"][1]["shipping"]) ==
          minor(order["shipping"]["amount"]));
    CHECK(minor(order["refunds"][0]["shipping_tax"]) + minor(order["refunds"][1]["shipping_tax"]) ==
          minor(order["shipping"]["tax"]));
    CHECK(shop::field_of([&] { s.refund(order, {{"shipping", true}}); }) == "shipping");
}

TEST_CASE("a refund's idempotency key answers a retry with the order, and a different refund under it is a conflict") {
    OrderShop s;
    const auto buyer = s.customer("ed@shop.test");
    json order = s.place(buyer, {{s.product("PEN", "3.00"), 3}}, kCash);
    const json request = {{"lines", {{{"line", 0}, {"quantity", 1}}}}, {"idempotency_key", "rma-1"}};
    order = s.refund(order, request);
    CHECK(s.refund(order, request) == order);
    CHECK(order["refunds"].size() == 1);
    json other = request;
    other["lines"][0]["quantity"] = 2;
    CHECK(code_of([&] { s.refund(order, other); }) == COMMERCE_ERR_CONFLICT);
}

TEST_CASE("cancelling an unpaid order gives its stock and its coupon use back, once") {
    OrderShop s;
    flows::create_promotion(*s.engine, s.admin.session.c_str(),
                            R"({"id": "once", "name": "Once", "code": "ONCE", "usage_limit": 1,
                                "action": {"type": "fixed_off_order", "amount": {"amount": "1.00", "currency": "EUR"}}})");
    const auto buyer = s.customer("fa@shop.test");
    const auto stranger = s.customer("gu@shop.test");
    const std::string soap = s.product("SOAP", "4.00", 5);
    const std::string cart = flows::create_cart(*s.engine, buyer.session.c_str(), "EUR")["id"];
    flows::add_item(*s.engine, buyer.session.c_str(), cart.c_str(), soap.c_str(), 2);
    flows::apply_coupon(*s.engine, buyer.session.c_str(), cart.c_str(), "ONCE");
    json order = flows::place_order(*s.engine, buyer.session.c_str(), cart.c_str(),
                                    json{{"payment", kCashOnDelivery}}.dump().c_str());
    CHECK(flows::get_promotion(*s.engine, s.admin.session.c_str(), "once")["usage_count"] == 1);
    CHECK(s.on_hand(soap) == 3);

    CHECK(code_of([&] { s.cancel(stranger.session, order); }) == COMMERCE_ERR_NOT_FOUND);
    order = s.cancel(buyer.session, order);
    CHECK(order["status"] == "cancelled");
    CHECK(order["fulfillment_status"] == "cancelled");
    CHECK(order["payment_status"] == "voided");
    CHECK(order["expires_at"].is_null());
    CHECK(s.on_hand(soap) == 5);
    CHECK(flows::get_promotion(*s.engine, s.admin.session.c_str(), "once")["usage_count"] == 0);
    CHECK(s.take_events("order.cancelled").size() == 1);

    const auto twice = failure_of([&] { s.cancel(s.admin.session, order); });
    CHECK(twice.code() == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(twice.details()["current"] == "cancelled");
    CHECK(code_of([&] { s.capture(s.staff.session, order); }) == COMMERCE_ERR_ILLEGAL_STATE);
}

TEST_CASE("cancelling a paid order refunds it in full first, and needs the permission to refund") {
    OrderShop s;
    const auto buyer = s.customer("ha@shop.test");
    const std::string soap = s.product("SOAP", "4.00", 5);
    json order = s.place(buyer, {{soap, 1}}, kCash);
    CHECK(code_of([&] { s.cancel(buyer.session, order); }) == COMMERCE_ERR_FORBIDDEN);      // paid: staff only
    CHECK(code_of([&] { s.cancel(s.staff.session, order); }) == COMMERCE_ERR_FORBIDDEN);  // no orders.refund
    CHECK(s.on_hand(soap) == 4);
    order = s.cancel(s.admin.session, order);
    CHECK(order["status"] == "cancelled");
    CHECK(order["payment_status"] == "refunded");
    CHECK(order["payment"]["refunded"] == order["total"]);
    CHECK(order["refunds"][0]["reason"] == "cancellation");
    CHECK(s.on_hand(soap) == 5);
}

TEST_CASE("units refunded with a restock are not restocked again when the order is cancelled") {
    OrderShop s;
    const auto buyer = s.customer("io@shop.test");
    const std::string soap = s.product("SOAP", "4.00", 5);
    json order = s.place(buyer, {{soap, 3}}, kCash);
    order = s.refund(order, {{"lines", {{{"line", 0}, {"quantity", 1}, {"restock", true}}}}});
    CHECK(s.on_hand(soap) == 3);
    order = s.cancel(s.admin.session, order);
    CHECK(s.on_hand(soap) == 5);
    CHECK(order["payment"]["refunded"] == order["total"]);
}

TEST_CASE("a bank transfer left unpaid expires on the clock; cash on delivery and paid orders do not") {
    OrderShop s(json{{"orders", {{"unpaid_expire_after_minutes", 60}}}});
    const auto buyer = s.customer("jo@shop.test");
    const std::string soap = s.product("SOAP", "4.00", 5);
    const json waiting = s.place(buyer, {{soap, 1}}, kBankTransfer);
    const json paid_later = s.place(buyer, {{soap, 1}}, kBankTransfer);
    const json on_delivery = s.place(buyer, {{soap, 1}}, kCashOnDelivery);
    CHECK(waiting["expires_at"] == "2026-11-06T22:20:00.000Z");
    s.capture(s.staff.session, paid_later);
    CHECK(s.on_hand(soap) == 2);

    s.engine->manual_clock().advance(59 * kMinute);
    CHECK(flows::sweep_orders(*s.engine, 100)["expired"] == 0);
    s.engine->manual_clock().advance(1 * kMinute);
    CHECK(flows::sweep_orders(*s.engine, 100) == json{{"type", "order_sweep"}, {"schema_version", 1}, {"expired", 1}});
    CHECK(flows::sweep_orders(*s.engine, 100)["expired"] == 0);
    const auto id_of = [](const json& order) { return order["id"].get<std::string>(); };
    const json expired = flows::get_order(*s.engine, buyer.session.c_str(), id_of(waiting).c_str());
    CHECK(expired["status"] == "cancelled");
    CHECK(expired["timeline"].back()["actor_id"].is_null());
    CHECK(expired["timeline"].back()["note"] == "payment not received in time");
    CHECK(flows::get_order(*s.engine, buyer.session.c_str(), id_of(on_delivery).c_str())["status"] == "pending_payment");
    CHECK(flows::get_order(*s.engine, buyer.session.c_str(), id_of(paid_later).c_str())["status"] == "paid");
    CHECK(s.on_hand(soap) == 3);
    CHECK(shop::field_of([&] { flows::sweep_orders(*s.engine, 0); }) == "limit");
}

TEST_CASE("a card terminal payment is confirmed by staff, at the till or afterwards") {
    OrderShop s;
    const auto buyer = s.customer("ka@shop.test");
    const std::string soap = s.product("SOAP", "4.00", 5);
    const json terminal = {{"method", "manual"}, {"kind", "card_terminal"}, {"reference", "T-0042"}};
    CHECK(shop::field_of([&] { s.place(buyer, {{soap, 1}}, terminal); }) == "payment.reference");
    CHECK(shop::field_of([&] {
              s.place(buyer, {{soap, 1}}, {{"method", "manual"}, {"kind", "cash"}, {"reference", "x"}});
          }) == "payment.reference");
    json order = s.place(buyer, {{soap, 1}}, {{"method", "manual"}, {"kind", "card_terminal"}});
    CHECK(order["status"] == "pending_payment");
    order = s.capture(s.staff.session, order, {{"reference", "T-0043"}});
    CHECK(order["status"] == "paid");
    CHECK(order["payment"]["transactions"][0]["reference"] == "T-0043");
    // Staff ringing up a sale confirm the terminal's approval as they place the order.
    const json till = s.place(s.staff, {{soap, 1}}, terminal);
    CHECK(till["status"] == "paid");
    CHECK(till["payment"]["transactions"][0]["raw_status"] == "terminal_approved");
}

TEST_CASE("shipments: some units, then the rest; out for delivery, delivered, and the order follows") {
    OrderShop s;
    const auto buyer = s.customer("li@shop.test");
    const std::string lamp = s.product("LAMP", "10.00");
    const std::string game = s.digital_variant("GAME");
    json order = s.place(buyer, {{lamp, 3}, {game, 1}}, kCash);
    CHECK(order["lines"][1]["digital"] == true);
    const auto id = order["id"].get<std::string>();
    const auto ship = [&](const json& request) {
        return flows::ship_order(*s.engine, s.staff.session.c_str(), id.c_str(), request.dump().c_str());
    };
    const auto step = [&](const json& shipment, const json& request) {
        return flows::update_shipment(*s.engine, s.staff.session.c_str(), id.c_str(),
                                      shipment["id"].get<std::string>().c_str(), request.dump().c_str());
    };
    CHECK(code_of([&] {
              flows::ship_order(*s.engine, buyer.session.c_str(), id.c_str(), nullptr);
          }) == COMMERCE_ERR_FORBIDDEN);
    CHECK(shop::field_of([&] { ship({{"lines", {{{"line", 1}, {"quantity", 1}}}}}); }) == "lines[0].line");  // digital
    CHECK(shop::field_of([&] { ship({{"lines", {{{"line", 0}, {"quantity", 4}}}}}); }) == "lines[0].quantity");
    CHECK(shop::field_of([&] { ship({{"tracking_url", "javascript:alert(1)"}}); }) == "tracking_url");

    order = ship({{"lines", {{{"line", 0}, {"quantity", 1}}}}, {"carrier", "DHL"}, {"tracking_number", "JD1"},
                  {"tracking_url", "https://dhl.example/JD1"}});
    CHECK(order["status"] == "partially_shipped");
    CHECK(order["fulfillment_status"] == "partially_shipped");
    CHECK(order["lines"][0]["shipped_quantity"] == 1);
    const json first = order["shipments"][0];
    CHECK(first["status"] == "shipped");
    CHECK(first["lines"] == json::array({{{"line", 0}, {"quantity", 1}}}));
    const auto shipped = s.take_events("shipment.shipped");
    REQUIRE(shipped.size() == 1);
    CHECK(shipped[0]["tracking_number"] == "JD1");
    CHECK(shipped[0]["lines"][0]["sku"] == "LAMP");
    CHECK(code_of([&] { s.cancel(s.admin.session, order); }) == COMMERCE_ERR_ILLEGAL_STATE);

    order = ship(json::object());  // the rest: 2 lamps; the game is never shipped
    CHECK(order["status"] == "shipped");
    CHECK(order["fulfillment_status"] == "shipped");
    CHECK(order["shipments"][1]["lines"] == json::array({{{"line", 0}, {"quantity", 2}}}));
    CHECK(shop::field_of([&] { ship(json::object()); }) == "lines");  // nothing left to ship

    order = step(first, {{"status", "out_for_delivery"}});
    CHECK(order["shipments"][0]["out_for_delivery_at"].is_string());
    CHECK(s.take_events("shipment.out_for_delivery").size() == 1);
    order = step(first, {{"status", "delivered"}});
    CHECK(order["status"] == "shipped");  // one shipment is still on its way
    const auto back = failure_of([&] { step(first, {{"status", "out_for_delivery"}}); });
    CHECK(back.code() == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(back.details()["current"] == "delivered");
    CHECK(shop::field_of([&] { step(first, {{"status", "lost"}}); }) == "status");
    CHECK(code_of([&] { step(json{{"id", "nope"}}, {{"status", "delivered"}}); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] {
              flows::complete_order(*s.engine, s.staff.session.c_str(), id.c_str(), nullptr);
          }) == COMMERCE_ERR_ILLEGAL_STATE);

    order = step(order["shipments"][1], {{"status", "delivered"}, {"tracking_number", "JD2"}});
    CHECK(order["status"] == "delivered");
    CHECK(order["fulfillment_status"] == "delivered");
    CHECK(order["shipments"][1]["tracking_number"] == "JD2");
    CHECK(s.take_events("order.delivered").size() == 1);
    order = flows::complete_order(*s.engine, s.staff.session.c_str(), id.c_str(), R"({"note": "all good"})");
    CHECK(order["status"] == "completed");
    CHECK(s.take_events("order.completed").size() == 1);
    // Read back, the shipments and the timeline are the ones the calls returned.
    CHECK(flows::get_order(*s.engine, buyer.session.c_str(), id.c_str()) == order);
}

TEST_CASE("cash on delivery ships before it is paid, and completes only once the money is recorded") {
    OrderShop s;
    const auto buyer = s.customer("mo@shop.test");
    json order = s.place(buyer, {{s.product("TEA", "5.00"), 1}}, kCashOnDelivery);
    const auto id = order["id"].get<std::string>();
    order = flows::ship_order(*s.engine, s.staff.session.c_str(), id.c_str(), nullptr);
    CHECK(order["status"] == "shipped");
    std::vector<std::string> path;
    for (const auto& event : order["timeline"])
        if (event["kind"] == "status") path.push_back(event["to"]);
    CHECK(path == std::vector<std::string>{"processing", "shipped"});
    order = flows::update_shipment(*s.engine, s.staff.session.c_str(), id.c_str(),
                                   order["shipments"][0]["id"].get<std::string>().c_str(), R"({"status": "delivered"})");
    const auto unpaid = failure_of([&] { flows::complete_order(*s.engine, s.staff.session.c_str(), id.c_str(), nullptr); });
    CHECK(unpaid.details()["reason"] == "unpaid");
    s.capture(s.staff.session, order);
    CHECK(flows::complete_order(*s.engine, s.staff.session.c_str(), id.c_str(), nullptr)["status"] == "completed");
}

TEST_CASE("goods handed over at the till are delivered at once; a digital-only order completes on payment") {
    OrderShop s;
    const auto buyer = s.customer("ny@shop.test");
    json order = s.place(buyer, {{s.product("MUG", "6.00"), 2}}, kCash);
    order = flows::ship_order(*s.engine, s.staff.session.c_str(), order["id"].get<std::string>().c_str(),
                              R"({"handed_over": true})");
    CHECK(order["status"] == "delivered");
    CHECK(order["shipments"][0]["status"] == "delivered");
    CHECK(order["shipments"][0]["delivered_at"] == order["shipments"][0]["shipped_at"]);
    CHECK(s.take_events("shipment.delivered").size() == 1);

    const json game = s.place(buyer, {{s.digital_variant("GAME"), 1}}, kCash);
    CHECK(shop::field_of([&] {
              flows::ship_order(*s.engine, s.staff.session.c_str(), game["id"].get<std::string>().c_str(), nullptr);
          }) == "lines");
    CHECK(flows::complete_order(*s.engine, s.staff.session.c_str(), game["id"].get<std::string>().c_str(),
                                nullptr)["status"] == "completed");
}

TEST_CASE("admin search: by states, customer, email, number and placement time, newest first, by cursor") {
    OrderShop s;
    const auto ana = s.customer("ana@shop.test");
    const auto ben = s.customer("ben@shop.test");
    const std::string soap = s.product("SOAP", "2.00");
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(s.place(i % 2 == 0 ? ana : ben, {{soap, 1}}, i < 3 ? kCash : kCashOnDelivery)["id"]);
        s.engine->manual_clock().advance(kMinute);
    }
    const auto search = [&](const json& query) {
        return flows::search_orders(*s.engine, s.staff.session.c_str(), query.dump().c_str());
    };
    const auto ids_of = [](const json& page) {
        std::vector<std::string> found;
        for (const auto& order : page["items"]) found.push_back(order["id"]);
        return found;
    };
    CHECK(ids_of(search(json::object())) == std::vector<std::string>{ids[4], ids[3], ids[2], ids[1], ids[0]});
    CHECK(ids_of(search({{"status", "pending_payment"}})) == std::vector<std::string>{ids[4], ids[3]});
    CHECK(ids_of(search({{"payment_status", {"captured"}}, {"user_id", ana.id}})) ==
          std::vector<std::string>{ids[2], ids[0]});
    CHECK(ids_of(search({{"email", "BEN@shop.test"}})) == std::vector<std::string>{ids[3], ids[1]});
    CHECK(search({{"number", "2026-00000"}})["items"].size() == 5);
    CHECK(ids_of(search({{"number", "2026-000003"}})) == std::vector<std::string>{ids[2]});
    CHECK(ids_of(search({{"from", "2026-11-06T21:21:00Z"}, {"to", "2026-11-06T21:23:00Z"}})) ==
          std::vector<std::string>{ids[2], ids[1]});
    CHECK(search({{"fulfillment_status", "shipped"}})["items"].empty());

    const json first = search({{"limit", 2}});
    CHECK(ids_of(first) == std::vector<std::string>{ids[4], ids[3]});
    const json second = search({{"limit", 2}, {"after", first["next"]}});
    CHECK(ids_of(second) == std::vector<std::string>{ids[2], ids[1]});
    CHECK(search({{"limit", 2}, {"after", second["next"]}})["next"].is_null());
    CHECK(first["items"][0]["timeline"].size() == 1);  // each order carries its timeline

    CHECK(shop::field_of([&] { search({{"status", "lost"}}); }) == "status");
    CHECK(shop::field_of([&] { search({{"from", "yesterday"}}); }) == "from");
    CHECK(shop::field_of([&] { search({{"colour", "red"}}); }) == "colour");
    CHECK(code_of([&] { flows::search_orders(*s.engine, ana.session.c_str(), nullptr); }) == COMMERCE_ERR_FORBIDDEN);
}

TEST_CASE("checkout keeps the shipping and billing addresses, whole or from the address book") {
    OrderShop s;
    const auto buyer = s.customer("oz@shop.test");
    const std::string soap = s.product("SOAP", "2.00");
    const json home = flows::add_address(*s.engine, buyer.session.c_str(),
                                         R"({"name": "Oz", "line1": "Hauptstr. 1", "city": "Berlin",
                                             "postal_code": "10115", "country": "DE"})");
    const std::string cart = flows::create_cart(*s.engine, buyer.session.c_str(), "EUR")["id"];
    flows::add_item(*s.engine, buyer.session.c_str(), cart.c_str(), soap.c_str(), 1);
    flows::update_cart(*s.engine, buyer.session.c_str(), cart.c_str(),
                       R"({"shipping_address": {"country": "DE", "postal_code": "10115"}})");
    const auto place = [&](const json& extra) {
        json request = {{"payment", kCash}};
        request.update(extra);
        return flows::place_order(*s.engine, buyer.session.c_str(), cart.c_str(), request.dump().c_str());
    };
    const auto elsewhere = failure_of([&] {
        place({{"shipping_address", {{"line1", "Rue 1"}, {"city", "Paris"}, {"country", "FR"}}}});
    });
    CHECK(elsewhere.details()["reason"] == "not_the_priced_address");
    CHECK(shop::field_of([&] { place({{"billing_address", {{"city", "Paris"}, {"country", "FR"}}}}); }) ==
          "billing_address.line1");
    CHECK(code_of([&] { place({{"shipping_address", {{"address_id", "nope"}}}}); }) == COMMERCE_ERR_NOT_FOUND);
    const json order =
        place({{"shipping_address", {{"address_id", home["id"]}}},
               {"billing_address", {{"name", "Oz GmbH"}, {"line1", "Allee 2"}, {"city", "Bonn"}, {"country", "DE"}}}});
    CHECK(order["shipping_address"]["line1"] == "Hauptstr. 1");
    CHECK(order["shipping_address"]["postal_code"] == "10115");
    CHECK(order["billing_address"]["name"] == "Oz GmbH");
    CHECK(flows::get_order(*s.engine, buyer.session.c_str(), order["id"].get<std::string>().c_str()) == order);
}

TEST_CASE("the totals a shopper saw are locked: a price changed since is a conflict that names every difference") {
    OrderShop s;
    const auto buyer = s.customer("pa@shop.test");
    const json product = flows::create_product(*s.engine, s.admin.session.c_str(),
        R"({"sku": "PEN", "title": "Pen", "prices": [{"amount": "3.00", "currency": "EUR"}], "stock": 9})");
    const std::string variant = product["variants"][0]["id"];
    const std::string cart = flows::create_cart(*s.engine, buyer.session.c_str(), "EUR")["id"];
    const json seen = flows::add_item(*s.engine, buyer.session.c_str(), cart.c_str(), variant.c_str(), 2);
    const json line = {{"variant_id", variant}, {"quantity", 2}, {"unit_price", seen["items"][0]["unit_price"]}};
    const json expected = {{"total", seen["total"]}, {"items", {line}}};
    flows::update_product(*s.engine, s.admin.session.c_str(), product["id"].get<std::string>().c_str(),
                          R"({"prices": [{"amount": "3.50", "currency": "EUR"}]})");
    const json request = {{"payment", kCash}, {"expected", expected}};
    const auto changed = failure_of([&] {
        flows::place_order(*s.engine, buyer.session.c_str(), cart.c_str(), request.dump().c_str());
    });
    CHECK(changed.code() == COMMERCE_ERR_CONFLICT);
    CHECK(changed.details()["reason"] == "totals_changed");
    const json& changes = changed.details()["changes"];
    REQUIRE(changes.size() == 2);
    CHECK(changes[0]["field"] == "items[" + variant + "].unit_price");
    CHECK(changes[0]["expected"]["amount"] == "3.00");
    CHECK(changes[0]["actual"]["amount"] == "3.50");
    CHECK(changes[1]["field"] == "total");
    CHECK(s.on_hand(product["id"]) == 9);  // nothing was written
    json fresh = request;
    fresh["expected"] = {{"total", {{"amount", "7.0"}, {"currency", "EUR"}}}};
    const json order = flows::place_order(*s.engine, buyer.session.c_str(), cart.c_str(), fresh.dump().c_str());
    CHECK(order["total"]["amount"] == "7.00");
}

TEST_CASE("a receipt prints the order in the locale's money, within the paper's width; the invoice reconciles") {
    OrderShop s;
    const int64_t tax_version = flows::get_tax_definitions(*s.engine, s.admin.session.c_str())["version"];
    flows::set_tax_definitions(*s.engine, s.admin.session.c_str(), kGermany, tax_version);
    flows::create_promotion(*s.engine, s.admin.session.c_str(),
                            R"({"id": "tenth", "name": "Winter 10%", "action": {"type": "percentage_off_order", "percent": "10"}})");
    const auto buyer = s.customer("qi@shop.test");
    const json order = s.place(buyer,
                               {{s.product("LAMP", "1234.50"), 1}, {s.product("A-VERY-LONG-SKU-NAME", "2.00"), 3}},
                               {{"method", "manual"}, {"kind", "cash"}, {"tendered", "2000.00"}},
                               {{"shipping_address", {{"country", "DE"}}}});
    const auto id = order["id"].get<std::string>();
    const json receipt = flows::order_receipt(*s.engine, buyer.session.c_str(), id.c_str(), R"({"locale": "de-DE", "width": 32})");
    CHECK(receipt["type"] == "receipt");
    CHECK(receipt["locale"] == "de-DE");
    const std::string text = receipt["text"];
    CHECK(text.find("Order " + order["number"].get<std::string>()) != std::string::npos);
    CHECK(text.find("1.234,50\u00a0€") != std::string::npos);  // ICU's German: dot groups, comma decimals, NBSP
    CHECK(text.find("Winter 10%") != std::string::npos);
    CHECK(text.find("VAT 19%") != std::string::npos);
    CHECK(text.find("Change") != std::string::npos);
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos; start = end + 1, end = text.find('\n', start))
        CHECK(printed_width(std::string_view(text).substr(start, end - start)) <= 32);
    const json english = flows::order_receipt(*s.engine, s.staff.session.c_str(), id.c_str(), R"({"locale": "en-IE"})");
    CHECK(english["text"].get<std::string>().find("€1,234.50") != std::string::npos);
    CHECK(english["width"] == 42);

    const json invoice = flows::order_invoice(*s.engine, buyer.session.c_str(), id.c_str(), R"({"locale": "de-DE"})");
    CHECK(invoice["number"] == order["number"]);
    int64_t lines = 0, taxes = 0;
    for (const auto& line : invoice["lines"]) {
        lines += minor(line["total"]);
        CHECK(minor(line["net"]) + minor(line["tax"]) == minor(line["total"]));
    }
    for (const auto& tax : invoice["taxes"]) taxes += minor(tax["amount"]);
    CHECK(lines + minor(invoice["shipping"]["total"]) == minor(invoice["total"]));
    CHECK(taxes == minor(invoice["tax_total"]));
    CHECK(invoice["total"]["formatted"].get<std::string>().find("€") != std::string::npos);

    const auto stranger = s.customer("ra@shop.test");
    CHECK(code_of([&] { flows::order_receipt(*s.engine, stranger.session.c_str(), id.c_str(), nullptr); }) ==
          COMMERCE_ERR_NOT_FOUND);
    CHECK(shop::field_of([&] { flows::order_receipt(*s.engine, buyer.session.c_str(), id.c_str(), R"({"locale": "xx-!!"})"); }) ==
          "locale");
    CHECK(shop::field_of([&] { flows::order_receipt(*s.engine, buyer.session.c_str(), id.c_str(), R"({"width": 10})"); }) ==
          "width");
}

TEST_CASE("receipts in JPY and KWD show the currency's own minor digits") {
    OrderShop s;
    const auto buyer = s.customer("sa@shop.test");
    const json yen = flows::create_product(*s.engine, s.admin.session.c_str(),
        R"({"sku": "TEA", "title": "Tea", "prices": [{"amount": "1500", "currency": "JPY"}, {"amount": "1.250", "currency": "KWD"}], "stock": 9})");
    for (const auto& [currency, expected] : {std::pair{"JPY", "¥1,500"}, std::pair{"KWD", "KWD\u00a01.250"}}) {
        const std::string cart = flows::create_cart(*s.engine, buyer.session.c_str(), currency)["id"];
        flows::add_item(*s.engine, buyer.session.c_str(), cart.c_str(), yen["id"].get<std::string>().c_str(), 1);
        const json order = flows::place_order(*s.engine, buyer.session.c_str(), cart.c_str(),
                                              json{{"payment", kCash}}.dump().c_str());
        const json receipt = flows::order_receipt(*s.engine, buyer.session.c_str(),
                                                  order["id"].get<std::string>().c_str(), R"({"locale": "en-US"})");
        CAPTURE(receipt["text"]);
        CHECK(receipt["text"].get<std::string>().find(expected) != std::string::npos);
    }
}

TEST_CASE("a completed order ships nothing more and is not completed twice") {
    OrderShop s;
    const auto buyer = s.customer("ti@shop.test");
    json order = s.place(buyer, {{s.product("MUG", "6.00"), 1}}, kCash);
    const auto id = order["id"].get<std::string>();
    flows::ship_order(*s.engine, s.staff.session.c_str(), id.c_str(), R"({"handed_over": true})");
    flows::complete_order(*s.engine, s.staff.session.c_str(), id.c_str(), nullptr);
    const auto again = failure_of([&] { flows::complete_order(*s.engine, s.staff.session.c_str(), id.c_str(), nullptr); });
    CHECK(again.code() == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(again.details()["current"] == "completed");
    const auto ship = failure_of([&] { flows::ship_order(*s.engine, s.staff.session.c_str(), id.c_str(), nullptr); });
    CHECK(ship.code() == COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(ship.details()["current"] == "completed");
}

TEST_CASE("returns: requested by the shopper, approved, received with restock and discard, refunded exactly") {
    OrderShop s;
    const auto buyer = s.customer("uz@shop.test");
    const std::string lamp = s.product("LAMP", "10.00", 10);
    const std::string cup = s.product("CUP", "3.00", 10);
    json order = s.place(buyer, {{lamp, 3}, {cup, 2}}, kCash);
    const auto id = order["id"].get<std::string>();
    const auto request = [&](const std::string& session, const json& body) {
        return flows::request_return(*s.engine, session.c_str(), id.c_str(), body.dump().c_str());
    };
    const json one_lamp = {{"lines", {{{"line", 0}, {"quantity", 1}, {"reason", "too bright"}}}}};
    const auto unshipped = failure_of([&] { request(buyer.session, one_lamp); });
    CHECK(unshipped.details()["reason"] == "out_of_range");
    CHECK(unshipped.details()["available"] == 0);
    flows::ship_order(*s.engine, s.staff.session.c_str(), id.c_str(), R"({"handed_over": true})");
    CHECK(s.on_hand(lamp) == 7);

    order = request(buyer.session, {{"lines", {{{"line", 0}, {"quantity", 2}, {"reason", "too bright"}},
                                               {{"line", 1}, {"quantity", 1}}}}});
    REQUIRE(order["returns"].size() == 1);
    const json asked = order["returns"][0];
    CHECK(asked["status"] == "requested");
    CHECK(asked["requested_by"] == buyer.id);
    CHECK(asked["lines"][0]["reason"] == "too bright");
    CHECK(s.take_events("return.requested").size() == 1);
    CHECK(shop::field_of([&] { request(buyer.session, {{"lines", {{{"line", 0}, {"quantity", 2}}}}}); }) ==
          "lines[0].quantity");  // one lamp is left to ask back

    const auto rid = asked["id"].get<std::string>();
    const auto staff_call = [&](auto call, const char* body) {
        return call(*s.engine, s.staff.session.c_str(), id.c_str(), rid.c_str(), body);
    };
    CHECK(code_of([&] { staff_call(flows::receive_return, nullptr); }) == COMMERCE_ERR_ILLEGAL_STATE);  // not approved
    CHECK(code_of([&] {
              flows::approve_return(*s.engine, buyer.session.c_str(), id.c_str(), rid.c_str(), nullptr);
          }) == COMMERCE_ERR_FORBIDDEN);
    order = staff_call(flows::approve_return, R"({"note": "send them back"})");
    CHECK(order["returns"][0]["status"] == "approved");
    // Staff cannot refund: receiving with a refund needs orders.refund; without one it only restocks.
    CHECK(code_of([&] { staff_call(flows::receive_return, nullptr); }) == COMMERCE_ERR_FORBIDDEN);

    order = flows::receive_return(*s.engine, s.admin.session.c_str(), id.c_str(), rid.c_str(),
                                  R"({"lines": [{"line": 1, "disposition": "discard"}]})");
    const json& done = order["returns"][0];
    CHECK(done["status"] == "refunded");
    CHECK(done["lines"][0]["disposition"] == "restock");
    CHECK(done["lines"][1]["disposition"] == "discard");
    CHECK(s.on_hand(lamp) == 9);  // the two lamps are back on hand
    CHECK(s.on_hand(cup) == 8);   // the cup was discarded
    REQUIRE(order["refunds"].size() == 1);
    CHECK(done["refund_id"] == order["refunds"][0]["id"]);
    CHECK(order["refunds"][0]["amount"]["amount"] == "23.00");
    CHECK(order["payment_status"] == "partially_refunded");
    CHECK(s.take_events("return.received").size() == 1);
    CHECK(code_of([&] { staff_call(flows::reject_return, nullptr); }) == COMMERCE_ERR_ILLEGAL_STATE);
    int returned = 0;
    for (const auto& event : order["timeline"])
        if (event["kind"] == "return_status" && event["subject_id"] == rid) ++returned;
    CHECK(returned == 4);  // requested, approved, received, refunded
}

TEST_CASE("a rejected return gives its units back to ask for; a return received without a refund only restocks") {
    OrderShop s;
    const auto buyer = s.customer("vo@shop.test");
    const std::string lamp = s.product("LAMP", "10.00", 10);
    json order = s.place(buyer, {{lamp, 1}}, kCash);
    const auto id = order["id"].get<std::string>();
    flows::ship_order(*s.engine, s.staff.session.c_str(), id.c_str(), R"({"handed_over": true})");
    const char* one = R"({"lines": [{"line": 0, "quantity": 1}]})";
    order = flows::request_return(*s.engine, buyer.session.c_str(), id.c_str(), one);
    const auto first = order["returns"][0]["id"].get<std::string>();
    flows::reject_return(*s.engine, s.staff.session.c_str(), id.c_str(), first.c_str(), R"({"note": "used"})");
    order = flows::request_return(*s.engine, buyer.session.c_str(), id.c_str(), one);
    const auto second = order["returns"][1]["id"].get<std::string>();
    flows::approve_return(*s.engine, s.staff.session.c_str(), id.c_str(), second.c_str(), nullptr);
    order = flows::receive_return(*s.engine, s.staff.session.c_str(), id.c_str(), second.c_str(), R"({"refund": false})");
    CHECK(order["returns"][1]["status"] == "received");
    CHECK(order["refunds"].empty());
    CHECK(s.on_hand(lamp) == 10);
    CHECK(code_of([&] {
              flows::request_return(*s.engine, s.customer("wu@shop.test").session.c_str(), id.c_str(), one);
          }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] {
              flows::approve_return(*s.engine, s.staff.session.c_str(), id.c_str(), "nope", nullptr);
          }) == COMMERCE_ERR_NOT_FOUND);
}
