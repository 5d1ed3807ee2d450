// Till scans served from the engine's barcode cache: a kept scan is byte for byte the document built afresh, and
// every way that document can change — a price, a sale, a status, a reservation and its expiry on the engine's
// clock, a barcode moving, a deletion, a write by another engine on the same file, writes racing with scans —
// shows on the very next scan.
#include "shop_fixture.h"

#include "domain/catalog/product_document.h"
#include "domain/catalog/products.h"
#include "flows/inventory.h"

#include <fmt/format.h>

#include <atomic>
#include <thread>

using namespace commerce;
using shop::Shop;
using json = nlohmann::json;

namespace {

constexpr const char* kPen = "4006381333931";  // EAN-13
constexpr const char* kInk = "96385074";       // EAN-8

json scan(Engine& engine, const char* code) { return json::parse(flows::variant_by_barcode(engine, code).json); }

// A one-variant product with a barcode, 10.00 EUR and `stock` units at the default location.
json stocked(Shop& shop, const std::string& sku, const char* barcode, int64_t stock = 10) {
    const json input = {{"sku", sku}, {"title", "Product " + sku}, {"barcode", barcode},
                        {"prices", {{{"amount", "10.00"}, {"currency", "EUR"}}}}, {"stock", stock}};
    return flows::create_product(*shop.engine, shop.admin.session.c_str(), input.dump().c_str());
}

json update(Engine& engine, const Shop& shop, const json& product, const json& patch) {
    return flows::update_product(engine, shop.admin.session.c_str(), product["id"].get<std::string>().c_str(),
                                 patch.dump().c_str());
}

// The document as every scan built it before there was a cache: one transaction, then the JSON.
std::string built_afresh(Engine& engine, const char* code) {
    std::string text;
    engine.read([&](Transaction& tx) {
        const Product product = product_by_barcode(tx, code);
        const StockView stock{tx.stock_ledger(), engine.now_ms()};
        text = serialize(variant_match_document(product, product.variants.front(), stock)).json;
    });
    return text;
}

// Whether the next scan of the code is answered from memory.
bool kept(Engine& engine, const char* code) {
    return engine.barcodes().find(stored_barcode(code), engine.storage().catalog_revision(), engine.now_ms())
        .has_value();
}

}  // namespace

TEST_CASE("barcodes: a scan is kept, and a kept scan is byte for byte the document built afresh") {
    Shop shop;
    stocked(shop, "PEN", kPen);
    CHECK_FALSE(kept(*shop.engine, kPen));
    const SerializedDocument first = flows::variant_by_barcode(*shop.engine, kPen);
    CHECK(first.type == "variant_match");
    CHECK(first.json == built_afresh(*shop.engine, kPen));
    CHECK(kept(*shop.engine, kPen));
    const SerializedDocument again = flows::variant_by_barcode(*shop.engine, kPen);
    CHECK(again.type == "variant_match");
    CHECK(again.json == first.json);
    // A write elsewhere in the catalog moves the revision; the pen's entry survives it.
    stocked(shop, "INK", kInk);
    CHECK(flows::variant_by_barcode(*shop.engine, kPen).json == first.json);
    CHECK(kept(*shop.engine, kPen));
}

TEST_CASE("barcodes: a kept scan shows a new price, a sale and a new status at once") {
    Shop shop;
    const json pen = stocked(shop, "PEN", kPen);
    CHECK(scan(*shop.engine, kPen)["variant"]["prices"][0]["amount"] == "10.00");

    update(*shop.engine, shop, pen, {{"prices", {{{"amount", "12.50"}, {"currency", "EUR"}}}}});
    CHECK(scan(*shop.engine, kPen)["variant"]["prices"][0]["amount"] == "12.50");

    shop.buy(shop.customer("ann@shop.test"), pen["id"]);
    const json sold = scan(*shop.engine, kPen)["variant"]["stock"];
    CHECK(sold["on_hand"] == 9);
    CHECK(sold["available"] == 9);

    // Tills scan drafts and archived stock too: the document shows the status on record.
    update(*shop.engine, shop, pen, {{"status", "archived"}});
    CHECK(scan(*shop.engine, kPen)["product"]["status"] == "archived");
    update(*shop.engine, shop, pen, {{"status", "draft"}});
    CHECK(scan(*shop.engine, kPen)["product"]["status"] == "draft");
    CHECK(flows::variant_by_barcode(*shop.engine, kPen).json == built_afresh(*shop.engine, kPen));
}

TEST_CASE("barcodes: a reservation counts in a kept scan until it expires on the engine's clock") {
    Shop shop;
    const json pen = stocked(shop, "PEN", kPen, 5);
    CHECK(scan(*shop.engine, kPen)["variant"]["stock"]["available"] == 5);
    const json hold = {{"variant_id", pen["variants"][0]["id"]}, {"quantity", 3}, {"ttl_seconds", 60}};
    flows::reserve_stock(*shop.engine, shop.admin.session.c_str(), hold.dump().c_str());
    CHECK(scan(*shop.engine, kPen)["variant"]["stock"] == json{{"tracked", true}, {"on_hand", 5}, {"reserved", 3},
                                                               {"available", 2}});
    shop.engine->manual_clock().advance(59'000);
    CHECK(scan(*shop.engine, kPen)["variant"]["stock"]["available"] == 2);
    CHECK(kept(*shop.engine, kPen));
    // Nothing is written when the reservation lapses: the kept scan ends at its expiry by itself.
    shop.engine->manual_clock().advance(1'000);
    CHECK_FALSE(kept(*shop.engine, kPen));
    CHECK(scan(*shop.engine, kPen)["variant"]["stock"] == json{{"tracked", true}, {"on_hand", 5}, {"reserved", 0},
                                                               {"available", 5}});
}

TEST_CASE("barcodes: a barcode that moves to another product, or to another variant, is found where it went") {
    Shop shop;
    const json pen = stocked(shop, "PEN", kPen);
    const json ink = stocked(shop, "INK", kInk);
    CHECK(scan(*shop.engine, kPen)["variant"]["sku"] == "PEN");
    CHECK(scan(*shop.engine, kInk)["variant"]["sku"] == "INK");

    update(*shop.engine, shop, ink, {{"barcode", nullptr}});
    CHECK(code_of([&] { flows::variant_by_barcode(*shop.engine, kInk); }) == COMMERCE_ERR_NOT_FOUND);
    update(*shop.engine, shop, pen, {{"barcode", kInk}});
    CHECK(scan(*shop.engine, kInk)["variant"]["sku"] == "PEN");
    CHECK(code_of([&] { flows::variant_by_barcode(*shop.engine, kPen); }) == COMMERCE_ERR_NOT_FOUND);

    // Within one product: two variants trade their barcodes in one update.
    const json input = {{"title", "Notebook"},
                        {"options", {{{"name", "Ruling"}, {"values", {"Lined", "Plain"}}}}},
                        {"variants",
                         {{{"sku", "NB-L"}, {"options", {{"Ruling", "Lined"}}}, {"barcode", kPen}},
                          {{"sku", "NB-P"}, {"options", {{"Ruling", "Plain"}}}, {"barcode", "036000291452"}}}}};
    const json notebook = flows::create_product(*shop.engine, shop.admin.session.c_str(), input.dump().c_str());
    CHECK(scan(*shop.engine, kPen)["variant"]["sku"] == "NB-L");
    CHECK(scan(*shop.engine, "036000291452")["variant"]["sku"] == "NB-P");
    update(*shop.engine, shop, notebook,
           {{"variants",
             {{{"id", notebook["variants"][0]["id"]}, {"barcode", "036000291452"}},
              {{"id", notebook["variants"][1]["id"]}, {"barcode", kPen}}}}});
    CHECK(scan(*shop.engine, kPen)["variant"]["sku"] == "NB-P");
    CHECK(scan(*shop.engine, "0036000291452")["variant"]["sku"] == "NB-L");
}

TEST_CASE("barcodes: a deleted product's barcode is NOT_FOUND, and unknown codes are found once they exist") {
    Shop shop;
    const json pen = stocked(shop, "PEN", kPen);
    CHECK(scan(*shop.engine, kPen)["variant"]["sku"] == "PEN");
    flows::delete_product(*shop.engine, shop.admin.session.c_str(), pen["id"].get<std::string>().c_str());
    const Error gone = failure_of([&] { flows::variant_by_barcode(*shop.engine, kPen); });
    CHECK(gone.code() == COMMERCE_ERR_NOT_FOUND);
    CHECK(gone.details() == json{{"field", "barcode"}, {"barcode", kPen}});

    CHECK(code_of([&] { flows::variant_by_barcode(*shop.engine, kInk); }) == COMMERCE_ERR_NOT_FOUND);
    stocked(shop, "INK", kInk);
    CHECK(scan(*shop.engine, kInk)["variant"]["sku"] == "INK");

    // Bad input fails before any lookup, as it always did.
    const Error bad = failure_of([&] { flows::variant_by_barcode(*shop.engine, "4006381333932"); });
    CHECK(bad.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(bad.details()["reason"] == "check_digit");
    CHECK(failure_of([&] { flows::variant_by_barcode(*shop.engine, nullptr); }).details()["field"] == "barcode");
}

TEST_CASE("barcodes: writes by another engine on the same file show on the next scan") {
    shop::TempFile file("commerce-barcodes");
    Shop shop(file.path.string());
    const json pen = stocked(shop, "PEN", kPen);
    // Another engine on the file: to SQLite as good as another process. Sessions live in the file, so the
    // admin's works there too.
    const json config = {{"path", file.path.string()}, {"clock", "manual"}, {"clock_start_ms", shop::kStart},
                         {"secret_key", "an example secret key of at least thirty-two bytes"}};
    auto other = Engine::open(config.dump().c_str());
    CHECK(scan(*shop.engine, kPen)["variant"]["prices"][0]["amount"] == "10.00");
    CHECK(scan(*other, kPen)["variant"]["prices"][0]["amount"] == "10.00");

    update(*other, shop, pen, {{"prices", {{{"amount", "11.00"}, {"currency", "EUR"}}}}});
    CHECK(scan(*shop.engine, kPen)["variant"]["prices"][0]["amount"] == "11.00");

    const json sale = {{"variant_id", pen["variants"][0]["id"]}, {"kind", "adjustment"}, {"quantity", -4}};
    flows::adjust_stock(*other, shop.admin.session.c_str(), sale.dump().c_str());
    CHECK(scan(*shop.engine, kPen)["variant"]["stock"]["on_hand"] == 6);
    CHECK(flows::variant_by_barcode(*shop.engine, kPen).json == built_afresh(*shop.engine, kPen));

    // And the other way round: the first engine's write reaches the other engine's kept scan.
    update(*shop.engine, shop, pen, {{"barcode", kInk}});
    CHECK(code_of([&] { flows::variant_by_barcode(*other, kPen); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(scan(*other, kInk)["variant"]["sku"] == "PEN");

    flows::delete_product(*other, shop.admin.session.c_str(), pen["id"].get<std::string>().c_str());
    CHECK(code_of([&] { flows::variant_by_barcode(*shop.engine, kInk); }) == COMMERCE_ERR_NOT_FOUND);
}

TEST_CASE("barcodes: scans racing with price changes never keep an old document") {
    shop::TempFile file("commerce-barcode-race");
    Shop shop(file.path.string());
    const json pen = stocked(shop, "PEN", kPen);
    std::atomic<bool> done = false;
    std::vector<std::thread> tills;
    for (int t = 0; t < 2; ++t)  // other tills scanning all along, filling the cache from older snapshots
        tills.emplace_back([&] {
            while (!done) flows::variant_by_barcode(*shop.engine, kPen);
        });
    for (int cents = 1001; cents <= 1060; ++cents) {
        const std::string amount = fmt::format("{}.{:02}", cents / 100, cents % 100);
        update(*shop.engine, shop, pen, {{"prices", {{{"amount", amount}, {"currency", "EUR"}}}}});
        for (int again = 0; again < 20; ++again)  // also after the tills' scans from older snapshots end
            CHECK(scan(*shop.engine, kPen)["variant"]["prices"][0]["amount"] == amount);
    }
    done = true;
    for (auto& till : tills) till.join();
}
