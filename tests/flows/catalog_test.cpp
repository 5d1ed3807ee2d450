// The catalog through the flows on a manual clock: products with options and variants, every bad-input promise
// (with nothing written), translations and their fallback, scheduled publishing, barcodes, lists and cursors,
// categories and collections, and carts and orders that speak of variants.
#include "failure_of.h"
#include "core/error.h"
#include "engine/engine.h"
#include "flows/accounts.h"
#include "flows/carts.h"
#include "flows/catalog.h"
#include "flows/checkout.h"
#include "flows/orders.h"
#include "flows/sessions.h"

#include <doctest/doctest.h>

using namespace commerce;
using json = nlohmann::json;

namespace {

constexpr int64_t kStart = 1'794'000'000'000;  // 2026-11-06T21:20:00Z

struct Shop {
    std::unique_ptr<Engine> engine;
    std::string admin;

    explicit Shop(json catalog = {{"default_locale", "en"}, {"locales", {"en", "pt", "pt-BR", "de"}}}) {
        json config = {{"path", ":memory:"}, {"clock", "manual"}, {"clock_start_ms", kStart},
                       {"password_hashing", {{"memory_kib", 64}, {"iterations", 1}, {"parallelism", 1}}},
                       {"catalog", catalog}};
        engine = Engine::open(config.dump().c_str());
        flows::bootstrap_admin(*engine, "admin@shop.test", "correct horse battery");
        admin = flows::login(*engine, "admin@shop.test", "correct horse battery", nullptr)["token"];
    }

    json create(const json& product) { return flows::create_product(*engine, admin.c_str(), product.dump().c_str()); }
    json update(const std::string& id, const json& patch) {
        return flows::update_product(*engine, admin.c_str(), id.c_str(), patch.dump().c_str());
    }
    json list(const json& query = json::object()) { return flows::list_products(*engine, query.dump().c_str()); }
    json category(const json& input) { return flows::create_category(*engine, admin.c_str(), input.dump().c_str()); }
};

// A game in two editions, translated to Portuguese.
json game() {
    return {{"title", "Elden Ring"},
            {"description", "An action RPG"},
            {"tags", {"rpg", "action"}},
            {"attributes", {{"genre", "rpg"}, {"platform", {"pc", "ps5"}}}},
            {"options", {{{"name", "Edition"}, {"values", {"Standard", "Deluxe"}}}}},
            {"variants",
             {{{"sku", "ER-STD"}, {"options", {{"Edition", "Standard"}}}, {"barcode", "4006381333931"},
               {"prices", {{{"amount", "59.99"}, {"currency", "EUR"}}}}, {"stock", 10}, {"weight_grams", 120},
               {"dimensions_mm", {{"length", 190}, {"width", 135}, {"height", 15}}}},
              {{"sku", "ER-DLX"}, {"options", {{"Edition", "Deluxe"}}}, {"barcode", "036000291452"},
               {"prices", {{{"amount", "79.99"}, {"currency", "EUR"}}}}, {"stock", 2}}}},
            {"translations",
             {{"pt-br", {{"title", "Anel Ancião"}, {"options", {{"Edition", "Edição"}}}}},
              {"pt", {{"description", "Um RPG de ação"}}}}}};
}

json details_of(const std::function<void()>& call) {
    try {
        call();
    } catch (const Error& error) {
        return error.details();
    }
    return nullptr;
}

json scan(Engine& engine, const char* barcode) { return json::parse(flows::variant_by_barcode(engine, barcode).json); }

std::vector<std::string> ids_of(const json& list) {
    std::vector<std::string> ids;
    for (const auto& item : list["items"]) ids.push_back(item["id"]);
    return ids;
}

}  // namespace

TEST_CASE("catalog: a product with options and variants round-trips whole") {
    Shop shop;
    const json product = shop.create(game());
    CHECK(product["type"] == "product");
    CHECK(product["slug"] == "elden-ring");
    CHECK(product["status"] == "published");
    CHECK(product["kind"] == "physical");
    CHECK(product["tags"] == json{"action", "rpg"});
    CHECK(product["attributes"]["platform"] == json{"pc", "ps5"});
    REQUIRE(product["variants"].size() == 2);
    const json& standard = product["variants"][0];
    CHECK(standard["sku"] == "ER-STD");
    CHECK(standard["options"] == json{{"Edition", "Standard"}});
    CHECK(standard["prices"][0] == json{{"amount", "59.99"}, {"currency", "EUR"}});
    CHECK(standard["stock"] == json{{"tracked", true}, {"on_hand", 10}, {"reserved", 0}, {"available", 10}});
    CHECK(standard["dimensions_mm"]["width"] == 135);
    CHECK(product["variants"][1]["barcode"] == "0036000291452");  // UPC-A stored in its EAN-13 form
    CHECK(product["translations"].contains("pt-BR"));             // the locale canonicalised
    CHECK(product["rating"] == json{{"average", "0.00"}, {"count", 0}});
    CHECK(flows::get_product(*shop.engine, product["id"].get<std::string>().c_str()) == product);

    SUBCASE("a slug is made from a title in any script") {
        CHECK(shop.create({{"title", "Café Crème"}, {"sku", "CAFE"}})["slug"] == "cafe-creme");
        CHECK(shop.create({{"title", "Кофе"}, {"sku", "KOFE"}})["slug"] == "kofe");
    }
    SUBCASE("update: variants by id are kept, new ones added, missing ones removed; versions count") {
        const std::string id = product["id"];
        json patch = {{"expected_version", 1},
                      {"options", {{{"name", "Edition"}, {"values", {"Standard", "Deluxe", "Collector"}}}}},
                      {"variants",
                       {{{"id", standard["id"]}, {"prices", {{{"amount", "49.99"}, {"currency", "EUR"}}}}},
                        {{"sku", "ER-COL"}, {"options", {{"Edition", "Collector"}}}}}}};
        const json updated = shop.update(id, patch);
        CHECK(updated["version"] == 2);
        REQUIRE(updated["variants"].size() == 2);
        CHECK(updated["variants"][0]["id"] == standard["id"]);
        CHECK(updated["variants"][0]["stock"]["on_hand"] == 10);  // the variant kept its stock
        CHECK(updated["variants"][0]["prices"][0]["amount"] == "49.99");
        CHECK(updated["variants"][1]["sku"] == "ER-COL");
        CHECK(code_of([&] { shop.update(id, {{"expected_version", 1}, {"title", "Stale"}}); }) == COMMERCE_ERR_CONFLICT);
        CHECK(flows::get_product(*shop.engine, id.c_str())["title"] == "Elden Ring");
        // A patch of translations merges per locale; null removes one.
        const json translated = shop.update(id, {{"translations", {{"pt", nullptr}, {"de", {{"title", "Eldenring"}}}}}});
        CHECK_FALSE(translated["translations"].contains("pt"));
        CHECK(translated["translations"]["pt-BR"]["title"] == "Anel Ancião");
        CHECK(translated["translations"]["de"]["title"] == "Eldenring");
    }
    SUBCASE("two variants trade SKUs and barcodes in one update") {
        const json& deluxe = product["variants"][1];
        const json traded = shop.update(product["id"], {{"variants",
            {{{"id", standard["id"]}, {"sku", "ER-DLX"}, {"barcode", "036000291452"}},
             {{"id", deluxe["id"]}, {"sku", "ER-STD"}, {"barcode", "4006381333931"}}}}});
        CHECK(traded["variants"][0]["sku"] == "ER-DLX");
        CHECK(traded["variants"][1]["sku"] == "ER-STD");
        CHECK(traded["variants"][0]["stock"]["on_hand"] == 10);  // each variant kept its own stock
        CHECK(scan(*shop.engine, "4006381333931")["variant"]["id"] == deluxe["id"]);
    }
    SUBCASE("delete takes the variants along") {
        flows::delete_product(*shop.engine, shop.admin.c_str(), product["id"].get<std::string>().c_str());
        CHECK(code_of([&] { flows::variant_by_barcode(*shop.engine, "4006381333931"); }) == COMMERCE_ERR_NOT_FOUND);
        CHECK(shop.list()["items"].empty());
    }
}

TEST_CASE("catalog: every bad input is refused with its reason, and nothing is written") {
    Shop shop;
    const json existing = shop.create(game());
    const std::string id = existing["id"];
    const json before = shop.list();
    auto refused = [&](const json& product, commerce_status code, const std::string& field,
                       const std::string& reason = "") {
        CAPTURE(product.dump());
        const json details = details_of([&] { shop.create(product); });
        CHECK(code_of([&] { shop.create(product); }) == code);
        CHECK(details.value("field", "") == field);
        if (!reason.empty()) CHECK(details.value("reason", "") == reason);
    };
    auto one = [](json members) {
        json product = {{"title", "Pen"}, {"sku", "PEN"}, {"prices", {{{"amount", "2.00"}, {"currency", "EUR"}}}}};
        if (!members.is_null()) product.update(members);
        return product;
    };
    refused(one({{"sku", "ER-STD"}}), COMMERCE_ERR_EXISTS, "sku");
    refused(one({{"slug", "elden-ring"}}), COMMERCE_ERR_EXISTS, "slug");
    refused(one({{"barcode", "0036000291452"}}), COMMERCE_ERR_EXISTS, "barcode");
    refused(one({{"barcode", "036000291452"}}), COMMERCE_ERR_EXISTS, "barcode");  // the same code as UPC-A
    refused(one({{"barcode", "4006381333932"}}), COMMERCE_ERR_INVALID_ARGUMENT, "barcode", "check_digit");
    refused(one({{"barcode", "12345"}}), COMMERCE_ERR_INVALID_ARGUMENT, "barcode", "check_digit");
    refused(one({{"prices", {{{"amount", "-1.00"}, {"currency", "EUR"}}}}}), COMMERCE_ERR_INVALID_ARGUMENT, "prices",
            "negative");
    refused(one({{"translations", {{"xx-YY", {{"title", "?"}}}}}}), COMMERCE_ERR_INVALID_ARGUMENT, "locale",
            "unknown_locale");
    refused(one({{"translations", {{"fr", {{"title", "Stylo"}}}}}}), COMMERCE_ERR_INVALID_ARGUMENT, "locale",
            "unknown_locale");  // a real locale, but not one of the store's
    refused(one({{"title", std::string(201, 'x')}}), COMMERCE_ERR_INVALID_ARGUMENT, "title", "too_long");
    refused(one({{"description", std::string(64 * 1024 + 1, 'x')}}), COMMERCE_ERR_INVALID_ARGUMENT, "description",
            "too_long");
    refused(one({{"tags", std::vector<std::string>(101, "t")}}), COMMERCE_ERR_INVALID_ARGUMENT, "tags", "too_many");
    refused(one({{"status", "live"}}), COMMERCE_ERR_INVALID_ARGUMENT, "status");
    refused(one({{"publish_at", "tomorrow"}}), COMMERCE_ERR_INVALID_ARGUMENT, "publish_at");
    refused(one({{"slug", "Not A Slug"}}), COMMERCE_ERR_INVALID_ARGUMENT, "slug");
    refused(one({{"category_ids", {"no-such-category"}}}), COMMERCE_ERR_INVALID_ARGUMENT, "category_ids");
    refused(one({{"colour", "red"}}), COMMERCE_ERR_INVALID_ARGUMENT, "colour");
    refused({{"title", "No SKU"}}, COMMERCE_ERR_INVALID_ARGUMENT, "sku");
    json mismatched = game();
    mismatched["variants"][0]["options"] = {{"Edition", "Gold"}};
    refused(mismatched, COMMERCE_ERR_INVALID_ARGUMENT, "options", "option_mismatch");
    json twins = game();
    twins["variants"][1]["options"] = {{"Edition", "Standard"}};
    refused(twins, COMMERCE_ERR_INVALID_ARGUMENT, "variants", "duplicate");
    json options_without_variants = one({});
    options_without_variants["options"] = game()["options"];
    refused(options_without_variants, COMMERCE_ERR_INVALID_ARGUMENT, "variants");

    CHECK(code_of([&] { shop.update(id, {{"expected_version", 7}, {"title", "x"}}); }) == COMMERCE_ERR_CONFLICT);
    CHECK(code_of([&] { shop.update(id, {{"variants", {{{"id", "nope"}}}}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { shop.update(id, {{"sku", "X"}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);  // two variants
    CHECK(code_of([&] { shop.update(id, {{"variants", {{{"id", existing["variants"][0]["id"]}, {"stock", 5}}}}}); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::create_product(*shop.engine, "not a session", one({}).dump().c_str()); }) ==
          COMMERCE_ERR_UNAUTHORIZED);
    CHECK(shop.list() == before);
}

TEST_CASE("catalog: a shopper sees texts through the locale fallback chain") {
    Shop shop;
    const std::string slug = shop.create(game())["slug"];
    auto view = [&](const char* locale) { return flows::view_product(*shop.engine, slug.c_str(), locale); };
    const json br = view("pt-br");
    CHECK(br["type"] == "product_view");
    CHECK(br["locale"] == "pt-BR");
    CHECK(br["title"] == "Anel Ancião");             // pt-BR
    CHECK(br["description"] == "Um RPG de ação");    // pt-BR has none: pt
    CHECK(br["options"][0]["label"] == "Edição");
    CHECK(br["options"][0]["name"] == "Edition");
    const json pt = view("pt");
    CHECK(pt["title"] == "Elden Ring");               // pt has no title: the product's own
    CHECK(pt["description"] == "Um RPG de ação");
    CHECK(view(nullptr)["title"] == "Elden Ring");
    CHECK(view("de")["options"][0]["label"] == "Edition");
    CHECK(code_of([&] { view("fr"); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::view_product(*shop.engine, "no-such-slug", nullptr); }) == COMMERCE_ERR_NOT_FOUND);
}

TEST_CASE("catalog: a scheduled draft goes on sale when the clock reaches publish_at, without a write") {
    Shop shop;
    const json product = shop.create({{"title", "Preorder"}, {"sku", "PRE"}, {"status", "draft"},
                                      {"publish_at", "2026-11-07T00:00:00Z"},
                                      {"prices", {{{"amount", "5.00"}, {"currency", "EUR"}}}}, {"stock", 3}});
    const std::string id = product["id"];
    CHECK(product["publish_at"] == "2026-11-07T00:00:00.000Z");
    const std::string cart = flows::create_cart(*shop.engine, nullptr, "EUR")["id"];
    CHECK(code_of([&] { flows::view_product(*shop.engine, id.c_str(), nullptr); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { flows::add_item(*shop.engine, nullptr, cart.c_str(), id.c_str(), 1); }) == COMMERCE_ERR_NOT_FOUND);
    shop.engine->manual_clock().advance(3 * 3600 * 1000);  // past midnight
    CHECK(flows::view_product(*shop.engine, id.c_str(), nullptr)["title"] == "Preorder");
    CHECK(flows::add_item(*shop.engine, nullptr, cart.c_str(), id.c_str(), 1)["item_count"] == 1);
    CHECK(flows::get_product(*shop.engine, id.c_str())["status"] == "draft");  // still a draft on record

    shop.update(id, {{"status", "archived"}});
    CHECK(code_of([&] { flows::view_product(*shop.engine, id.c_str(), nullptr); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] {
              flows::place_order(*shop.engine, nullptr, cart.c_str(),
                                 R"({"payment":{"method":"manual","kind":"cash"},"email":"g@shop.test"})");
          }) == COMMERCE_ERR_ILLEGAL_STATE);
}

TEST_CASE("catalog: a scanner finds a variant by EAN-13, UPC-A or its EAN-13 form, and EAN-8") {
    Shop shop;
    const json product = shop.create(game());
    shop.create({{"title", "Gum"}, {"sku", "GUM"}, {"barcode", "96385074"}});
    const json by_upc = scan(*shop.engine, "036000291452");
    CHECK(by_upc["type"] == "variant_match");
    CHECK(by_upc["variant"]["sku"] == "ER-DLX");
    CHECK(by_upc["product"]["id"] == product["id"]);
    CHECK(by_upc["variant"]["stock"]["available"] == 2);
    CHECK(scan(*shop.engine, "0036000291452")["variant"] == by_upc["variant"]);
    CHECK(scan(*shop.engine, "4006381333931")["variant"]["sku"] == "ER-STD");
    CHECK(scan(*shop.engine, "96385074")["variant"]["sku"] == "GUM");
    CHECK(code_of([&] { flows::variant_by_barcode(*shop.engine, "5901234123457"); }) == COMMERCE_ERR_NOT_FOUND);
    CHECK(code_of([&] { flows::variant_by_barcode(*shop.engine, "5901234123458"); }) == COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("catalog: lists filter, page with a total, and a keyset cursor stays stable under inserts") {
    Shop shop;
    std::vector<std::string> made;
    for (int i = 0; i < 5; ++i)
        made.push_back(shop.create({{"title", "Item " + std::to_string(i)}, {"sku", "SKU-" + std::to_string(i)},
                                    {"tags", i % 2 ? json{"odd"} : json{"even"}},
                                    {"status", i == 4 ? "draft" : "published"}})["id"]);
    const json first = shop.list({{"limit", 2}});
    CHECK(ids_of(first) == std::vector<std::string>{made[0], made[1]});
    CHECK(first["total"].is_null());
    shop.create({{"title", "Late"}, {"sku", "LATE"}});  // an insert between two pages
    const json second = shop.list({{"limit", 2}, {"after", first["next"]}});
    CHECK(ids_of(second) == std::vector<std::string>{made[2], made[3]});
    const json paged = shop.list({{"page", 2}, {"limit", 4}});
    CHECK(paged["total"] == 6);
    CHECK(ids_of(paged).size() == 2);
    CHECK(paged["next"].is_null());
    CHECK(ids_of(shop.list({{"tag", "odd"}})) == std::vector<std::string>{made[1], made[3]});
    CHECK(ids_of(shop.list({{"status", "draft"}})) == std::vector<std::string>{made[4]});
    CHECK(ids_of(shop.list({{"search", "sku-3"}})) == std::vector<std::string>{made[3]});
    CHECK(ids_of(shop.list({{"search", "ITEM 2"}})) == std::vector<std::string>{made[2]});
    CHECK(shop.list({{"search", "%"}})["items"].empty());
    CHECK(code_of([&] { shop.list({{"page", 1}, {"after", made[0]}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("catalog: categories move with their descendants, refuse cycles, and count products below them") {
    Shop shop;
    const std::string games = shop.category({{"name", "Games"}})["id"];
    const std::string rpg = shop.category({{"name", "RPG"}, {"parent_id", games}})["id"];
    const std::string jrpg = shop.category({{"name", "JRPG"}, {"parent_id", rpg}})["id"];
    const std::string books = shop.category({{"name", "Books"}})["id"];
    const std::string first = shop.category({{"name", "New"}, {"position", 0}})["id"];
    json product = game();
    product["category_ids"] = {jrpg, rpg};
    const std::string game_id = shop.create(product)["id"];
    shop.create({{"title", "Novel"}, {"sku", "NOVEL"}, {"category_ids", {books}}});

    json tree = flows::category_tree(*shop.engine, nullptr);
    CHECK(tree["type"] == "category_tree");
    REQUIRE(tree["roots"].size() == 3);
    CHECK(tree["roots"][0]["id"] == first);  // inserted at position 0
    CHECK(tree["roots"][1]["id"] == games);
    CHECK(tree["roots"][1]["product_count"] == 1);  // once, though in two of its descendants
    CHECK(tree["roots"][1]["children"][0]["children"][0]["id"] == jrpg);
    CHECK(ids_of(shop.list({{"category_id", games}})) == std::vector<std::string>{game_id});

    // Moving RPG under Books takes JRPG along.
    const json moved = flows::move_category(*shop.engine, shop.admin.c_str(), rpg.c_str(), books.c_str(), 0);
    CHECK(moved["parent_id"] == books);
    CHECK(moved["ancestor_ids"] == json{books});
    tree = flows::category_tree(*shop.engine, books.c_str());
    REQUIRE(tree["roots"].size() == 1);
    CHECK(tree["roots"][0]["product_count"] == 2);
    CHECK(tree["roots"][0]["children"][0]["children"][0]["id"] == jrpg);
    CHECK(flows::category_tree(*shop.engine, games.c_str())["roots"][0]["product_count"] == 0);
    CHECK(ids_of(shop.list({{"category_id", books}})).size() == 2);

    // Under itself or a descendant: refused, nothing changed.
    const json before = flows::category_tree(*shop.engine, nullptr);
    CHECK(details_of([&] { flows::move_category(*shop.engine, shop.admin.c_str(), rpg.c_str(), jrpg.c_str(), 0); })
              .value("reason", "") == "cycle");
    CHECK(code_of([&] { flows::move_category(*shop.engine, shop.admin.c_str(), rpg.c_str(), rpg.c_str(), 0); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::move_category(*shop.engine, shop.admin.c_str(), rpg.c_str(), nullptr, -1); }) ==
          COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { shop.category({{"name", "Again"}, {"slug", "games"}}); }) == COMMERCE_ERR_EXISTS);
    CHECK(code_of([&] { flows::delete_category(*shop.engine, shop.admin.c_str(), books.c_str()); }) ==
          COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(flows::category_tree(*shop.engine, nullptr) == before);

    // Back to the top level at the end; siblings close the gap it leaves.
    flows::move_category(*shop.engine, shop.admin.c_str(), rpg.c_str(), nullptr, 99);
    tree = flows::category_tree(*shop.engine, nullptr);
    REQUIRE(tree["roots"].size() == 4);
    CHECK(tree["roots"][3]["id"] == rpg);
    CHECK(tree["roots"][3]["position"] == 3);
    flows::delete_category(*shop.engine, shop.admin.c_str(), jrpg.c_str());
    CHECK(flows::get_product(*shop.engine, game_id.c_str())["category_ids"] == json{rpg});
    CHECK(flows::update_category(*shop.engine, shop.admin.c_str(), rpg.c_str(), R"({"name":"Role-playing"})")["name"] ==
          "Role-playing");
}

TEST_CASE("catalog: collections keep their products in order, by id or slug") {
    Shop shop;
    const std::string a = shop.create({{"title", "A"}, {"sku", "A"}})["id"];
    const std::string b = shop.create({{"title", "B"}, {"sku", "B"}})["id"];
    const json made = flows::create_collection(*shop.engine, shop.admin.c_str(),
                                               json{{"title", "Summer Sale"}, {"product_ids", {b, a}}}.dump().c_str());
    CHECK(made["slug"] == "summer-sale");
    CHECK(made["product_ids"] == json{b, a});
    const std::string id = made["id"];
    CHECK(flows::get_collection(*shop.engine, "summer-sale") == made);
    CHECK(ids_of(shop.list({{"collection_id", id}})).size() == 2);
    const json patched = flows::update_collection(*shop.engine, shop.admin.c_str(), id.c_str(),
                                                  json{{"product_ids", {a}}}.dump().c_str());
    CHECK(patched["product_ids"] == json{a});
    CHECK(code_of([&] {
              flows::update_collection(*shop.engine, shop.admin.c_str(), id.c_str(), R"({"product_ids":["nope"]})");
          }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] {
              flows::create_collection(*shop.engine, shop.admin.c_str(), R"({"title":"Again","slug":"summer-sale"})");
          }) == COMMERCE_ERR_EXISTS);
    flows::delete_collection(*shop.engine, shop.admin.c_str(), id.c_str());
    CHECK(code_of([&] { flows::get_collection(*shop.engine, id.c_str()); }) == COMMERCE_ERR_NOT_FOUND);
}

TEST_CASE("catalog: carts hold variants, and orders keep a snapshot of each line") {
    Shop shop;
    const json product = shop.create(game());
    const std::string product_id = product["id"];
    const std::string deluxe = product["variants"][1]["id"];
    const std::string pen = shop.create({{"title", "Pen"}, {"sku", "PEN"}, {"stock", 5},
                                         {"prices", {{{"amount", "2.00"}, {"currency", "EUR"}}}}})["id"];
    const std::string cart = flows::create_cart(*shop.engine, nullptr, "EUR")["id"];

    CHECK(details_of([&] { flows::add_item(*shop.engine, nullptr, cart.c_str(), product_id.c_str(), 1); })
              .value("reason", "") == "variant_required");
    flows::add_item(*shop.engine, nullptr, cart.c_str(), deluxe.c_str(), 2);
    json doc = flows::add_item(*shop.engine, nullptr, cart.c_str(), pen.c_str(), 1);  // a one-variant product by id
    REQUIRE(doc["items"].size() == 2);
    CHECK(doc["items"][0]["variant_id"] == deluxe);
    CHECK(doc["items"][0]["product_id"] == product_id);
    CHECK(doc["items"][0]["options"] == json{{"Edition", "Deluxe"}});
    CHECK(doc["total"]["amount"] == "161.98");
    doc = flows::update_item(*shop.engine, nullptr, cart.c_str(), pen.c_str(), 3);
    CHECK(doc["items"][1]["quantity"] == 3);
    // 3 deluxe wanted, 2 left: the cart refuses at once and keeps its 2.
    CHECK(code_of([&] { flows::add_item(*shop.engine, nullptr, cart.c_str(), deluxe.c_str(), 1); }) ==
          COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(flows::get_cart(*shop.engine, nullptr, cart.c_str())["items"][0]["quantity"] == 2);

    const json order = flows::place_order(*shop.engine, nullptr, cart.c_str(),
                                          R"({"payment":{"method":"manual","kind":"cash"},"email":"g@shop.test"})");
    const json& line = order["lines"][0];
    CHECK(line["product_id"] == product_id);
    CHECK(line["variant_id"] == deluxe);
    CHECK(line["sku"] == "ER-DLX");
    CHECK(line["title"] == "Elden Ring");
    CHECK(line["options"] == json{{"Edition", "Deluxe"}});
    CHECK(order["lines"][1]["options"] == json::object());
    const json after = flows::get_product(*shop.engine, product_id.c_str());
    CHECK(after["variants"][1]["stock"]["on_hand"] == 0);
    CHECK(after["variants"][0]["stock"]["on_hand"] == 10);
    CHECK(after["units_sold"] == 2);

    // The order keeps its snapshot when the product changes or goes.
    shop.update(product_id, {{"title", "Renamed"}});
    flows::delete_product(*shop.engine, shop.admin.c_str(), product_id.c_str());
    CHECK(flows::get_order(*shop.engine, shop.admin.c_str(), order["id"].get<std::string>().c_str())["lines"][0] == line);
}

TEST_CASE("catalog: the engine config's catalog locales are checked and canonical") {
    auto open = [](const json& catalog) {
        json config = {{"path", ":memory:"}, {"catalog", catalog}};
        return Engine::open(config.dump().c_str());
    };
    CHECK(open({{"locales", {"EN", "pt-br"}}})->catalog().locales == std::vector<std::string>{"en", "pt-BR"});
    CHECK(open({{"locales", {"de", "fr"}}})->catalog().default_locale == "de");
    CHECK(code_of([&] { open({{"default_locale", "en"}, {"locales", {"de"}}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { open({{"default_locale", "xx"}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { open({{"colour", "red"}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);
}
