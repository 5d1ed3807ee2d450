// Search through the flows, on fixtures written as schema-3 rows with SQL (the catalog flows are rewritten in
// parallel): matching, ranking, prefixes, folding, typos, locales, filters, facets, sorts, cursors, and the index
// following writes made by any module, any connection and any process.
#include "failure_of.h"
#include "search_fixture.h"
#include "core/error.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <random>
#include <set>

using namespace commerce;
using namespace search_fixture;

namespace {

// A small shop: games and books under a category tree.
std::unique_ptr<Engine> shop() {
    auto engine = Engine::open(engine_config().dump().c_str());
    add_category(*engine, "games", "Games");
    add_category(*engine, "rpg", "Role-playing", "games");
    add_category(*engine, "books", "Books");
    add_product(*engine, {.id = "elden", .title = "Elden Ring", .description = "An open world action game.",
                          .price_eur = 5999, .stock = 3, .tags = {"rpg", "souls"}, .categories = {"rpg"},
                          .attributes = {{"platform", json::array({"pc", "ps5"})}}, .rating_sum = 14,
                          .rating_count = 3, .units_sold = 50, .created_ms = kStart - 3000,
                          .translations = {{"pt-BR", "Anel Prístino", std::nullopt}, {"pt", "Anel de Elden", "Um jogo"}}});
    add_product(*engine, {.id = "ringbook", .title = "The Lord of the Rings", .description = "A book about a ring.",
                          .price_eur = 1999, .stock = 10, .tags = {"fantasy"}, .categories = {"books"},
                          .rating_sum = 10, .rating_count = 2, .units_sold = 80, .created_ms = kStart - 2000});
    add_product(*engine, {.id = "cafe", .title = "Café Tycoon", .description = "Run a café. Ring the bell.",
                          .price_eur = 999, .stock = 0, .tags = {"sim"}, .categories = {"games"},
                          .attributes = {{"platform", "pc"}}, .units_sold = 5, .created_ms = kStart - 1000});
    add_product(*engine, {.id = "draft", .title = "Secret Ring Draft", .status = "draft"});
    add_product(*engine, {.id = "soon", .title = "Ring of Tomorrow", .status = "draft",
                          .publish_at_ms = kStart + 60'000, .price_eur = 500});
    add_product(*engine, {.id = "ebook", .title = "Ring Theory ebook", .kind = "digital", .price_eur = 300,
                          .stock = 0, .categories = {"books"}, .created_ms = kStart});
    return engine;
}

}  // namespace

TEST_CASE("search: words match title, description, tags and attributes; the title weighs most") {
    auto engine = shop();
    const json result = run_search(*engine, {{"q", "ring "}});
    REQUIRE(result["items"].size() == 4);
    // Published or due products only; a title hit ranks above a description hit.
    const auto found = ids(result);
    CHECK(std::set<std::string>(found.begin(), found.end()) ==
          std::set<std::string>{"elden", "ringbook", "cafe", "ebook"});
    CHECK(found.back() == "cafe");
    CHECK(result["type"] == "search_result");
    CHECK(result["schema_version"] == 1);
    CHECK(result["total"] == 4);
    CHECK(ids(run_search(*engine, {{"q", "souls"}})) == std::vector<std::string>{"elden"});  // a tag
    CHECK(ids(run_search(*engine, {{"q", "ps5"}})) == std::vector<std::string>{"elden"});    // an attribute value
    CHECK(ids(run_search(*engine, {{"q", "elden ring "}})) == std::vector<std::string>{"elden"});  // every word
}

TEST_CASE("search: the last word is a prefix while typing; diacritics and case fold") {
    auto engine = shop();
    CHECK(ids(run_search(*engine, {{"q", "eld"}})) == std::vector<std::string>{"elden"});
    CHECK(ids(run_search(*engine, {{"q", "eld "}})).empty());  // a finished word is a whole word
    CHECK(ids(run_search(*engine, {{"q", "elden r"}})) == std::vector<std::string>{"elden"});
    CHECK(ids(run_search(*engine, {{"q", "CAFE"}})) == std::vector<std::string>{"cafe"});
    CHECK(ids(run_search(*engine, {{"q", "cafè tycóon "}})) == std::vector<std::string>{"cafe"});
}

TEST_CASE("search: a word with no match is corrected to the closest indexed word") {
    auto engine = shop();
    json result = run_search(*engine, {{"q", "eldn "}});
    CHECK(ids(result) == std::vector<std::string>{"elden"});
    CHECK(result["corrected_query"] == "elden");
    result = run_search(*engine, {{"q", "tycon rign"}});  // a deletion and a swap, the last word a prefix
    CHECK(ids(result) == std::vector<std::string>{"cafe"});
    CHECK(result["corrected_query"] == "tycoon ring");
    // A word only a scheduled draft holds ("tomorrow") is unknown until the draft goes on sale: no result, no
    // correction, no prefix expansion gives it away.
    for (const char* text : {"tomorrow ", "tomorow ", "tomor"}) {
        result = run_search(*engine, {{"q", text}});
        CHECK(ids(result).empty());
        CHECK_FALSE(result.contains("corrected_query"));
    }
    engine->manual_clock().advance(60'000);
    CHECK(ids(run_search(*engine, {{"q", "tomor"}})) == std::vector<std::string>{"soon"});
    CHECK(run_search(*engine, {{"q", "tomorow "}})["corrected_query"] == "tomorrow");
    result = run_search(*engine, {{"q", "xqz "}});  // too short to guess
    CHECK(ids(result).empty());
    CHECK(!result.contains("corrected_query"));
    CHECK(!run_search(*engine, {{"q", "elden"}}).contains("corrected_query"));
    // A swap inside a word breaks 4 trigrams (all of a 4-letter word's), and a letter of two bytes is one edit.
    CHECK(run_search(*engine, {{"q", "rnig "}})["corrected_query"] == "ring");
    CHECK(run_search(*engine, {{"q", "eledn "}})["corrected_query"] == "elden");
    add_product(*engine, {.id = "kniga", .title = "Книга"});
    CHECK(run_search(*engine, {{"q", "кнрга "}})["corrected_query"] == "книга");
}

TEST_CASE("search: a locale searches its own text, then its language's, then the base text") {
    auto engine = shop();
    json result = run_search(*engine, {{"q", "pristino"}, {"locale", "pt-br"}});
    REQUIRE(ids(result) == std::vector<std::string>{"elden"});
    CHECK(result["items"][0]["title"] == "Anel Prístino");
    CHECK(result["items"][0]["locale"] == "pt-BR");
    CHECK(result["locale"] == "pt-BR");
    // pt-BR has no description: it falls back to pt's.
    CHECK(ids(run_search(*engine, {{"q", "jogo"}, {"locale", "pt-BR"}})) == std::vector<std::string>{"elden"});
    // Portuguese without a region answers with the pt text; other locales with the base text.
    result = run_search(*engine, {{"q", "anel"}, {"locale", "pt-PT"}});
    REQUIRE(ids(result) == std::vector<std::string>{"elden"});
    CHECK(result["items"][0]["title"] == "Anel de Elden");
    CHECK(ids(run_search(*engine, {{"q", "pristino"}, {"locale", "de"}})).empty());
    // One row per product: the English title no longer answers for elden in pt-BR, the others still do.
    const auto found = ids(run_search(*engine, {{"q", "ring "}, {"locale", "pt-BR"}}));
    CHECK(std::find(found.begin(), found.end(), "elden") == found.end());
    CHECK(found.size() == 3);
}

TEST_CASE("search: filters narrow by category subtree, tags, attributes, price, rating and stock") {
    auto engine = shop();
    auto q = [&](json filters) {
        auto found = ids(run_search(*engine, {{"currency", "EUR"}, {"filters", filters}, {"sort", "price_asc"}}));
        return found;
    };
    CHECK(q({{"category_id", "games"}}) == std::vector<std::string>{"cafe", "elden"});  // rpg is under games
    CHECK(q({{"category_id", "rpg"}}) == std::vector<std::string>{"elden"});
    CHECK(q({{"category_id", "unknown"}}).empty());
    CHECK(q({{"tags", {"rpg", "souls"}}}) == std::vector<std::string>{"elden"});
    CHECK(q({{"tags", {"rpg", "sim"}}}).empty());  // every tag must be present
    CHECK(q({{"attributes", {{"platform", {"ps5", "switch"}}}}}) == std::vector<std::string>{"elden"});
    CHECK(q({{"attributes", {{"platform", "pc"}}}}) == std::vector<std::string>{"cafe", "elden"});
    CHECK(q({{"price", {{"min", "9.99"}, {"max", "19.99"}}}}) == std::vector<std::string>{"cafe", "ringbook"});
    CHECK(q({{"min_rating", 5}}) == std::vector<std::string>{"ringbook"});
    CHECK(q({{"min_rating", 4}}) == std::vector<std::string>{"ringbook", "elden"});
    // In stock: stock on hand minus live reservations, or digital.
    CHECK(q({{"in_stock", true}}) == std::vector<std::string>{"ebook", "ringbook", "elden"});
    engine->write([&](Transaction& tx) {
        sql(tx).query("INSERT INTO stock_reservations VALUES ('r1', 'elden-v', 'default', 3, NULL, ?1, ?2)")
            .bind(1, kStart + 10'000).bind(2, kStart).run();
    });
    CHECK(q({{"in_stock", true}}) == std::vector<std::string>{"ebook", "ringbook"});
    engine->manual_clock().advance(10'001);  // the reservation lapses without a write
    CHECK(q({{"in_stock", true}}) == std::vector<std::string>{"ebook", "ringbook", "elden"});
    // A scheduled draft appears once its time comes, without a write.
    CHECK(q(json::object()).size() == 4);
    engine->manual_clock().advance(60'000);
    CHECK(q(json::object()) == std::vector<std::string>{"ebook", "soon", "cafe", "ringbook", "elden"});
}

TEST_CASE("search: facets count categories, tags, attributes and price buckets of the current result") {
    auto engine = shop();
    const json result = run_search(*engine, {{"q", "ring "}, {"currency", "EUR"},
                                         {"facets", {"categories", "tags", "attributes", "price"}},
                                         {"price_buckets", {"10.00", "25.00"}}});
    const json& facets = result["facets"];
    CHECK(facets["categories"] == json::parse(R"([{"id":"books","name":"Books","count":2},
        {"id":"games","name":"Games","count":2},{"id":"rpg","name":"Role-playing","count":1}])"));
    CHECK(facets["tags"].size() == 4);
    CHECK(facets["attributes"]["platform"] == json::parse(R"([{"value":"pc","count":2},{"value":"ps5","count":1}])"));
    CHECK(facets["price"] == json::parse(R"([
        {"from":null,"to":{"amount":"10.00","currency":"EUR"},"count":2},
        {"from":{"amount":"10.00","currency":"EUR"},"to":{"amount":"25.00","currency":"EUR"},"count":1},
        {"from":{"amount":"25.00","currency":"EUR"},"to":null,"count":1}])"));
    // Facets follow the filters.
    const json filtered = run_search(*engine, {{"q", "ring "}, {"facets", {"tags"}}, {"filters", {{"category_id", "rpg"}}}});
    CHECK(filtered["facets"]["tags"] == json::parse(R"([{"tag":"rpg","count":1},{"tag":"souls","count":1}])"));
    CHECK(!filtered["facets"].contains("price"));
}

TEST_CASE("search: sorts by price, newest, rating and best selling") {
    auto engine = shop();
    auto sorted = [&](const char* sort) { return ids(run_search(*engine, {{"currency", "EUR"}, {"sort", sort}})); };
    CHECK(sorted("price_asc") == std::vector<std::string>{"ebook", "cafe", "ringbook", "elden"});
    CHECK(sorted("price_desc") == std::vector<std::string>{"elden", "ringbook", "cafe", "ebook"});
    CHECK(sorted("newest") == std::vector<std::string>{"ebook", "cafe", "ringbook", "elden"});
    CHECK(sorted("rating") == std::vector<std::string>{"ringbook", "elden", "cafe", "ebook"});
    CHECK(sorted("best_selling") == std::vector<std::string>{"ringbook", "elden", "cafe", "ebook"});
    const json first = run_search(*engine, {{"currency", "EUR"}, {"sort", "price_asc"}, {"limit", 1}});
    CHECK(first["items"][0]["price"] == json::parse(R"({"amount":"3.00","currency":"EUR"})"));
    CHECK(first["items"][0]["rating"] == json::parse(R"({"average":"0.00","count":0})"));
    CHECK(run_search(*engine, {{"q", "elden"}})["items"][0]["rating"]["average"] == "4.67");
}

TEST_CASE("search: keyset cursors walk every product once, stable under inserts; pages count from 1") {
    auto engine = Engine::open(engine_config().dump().c_str());
    for (int i = 0; i < 45; ++i)
        add_product(*engine, {.id = fmt::format("p{:02}", i), .title = "Widget", .price_eur = 100 + (i % 7) * 10,
                              .created_ms = kStart + i});
    for (const char* sort : {"price_asc", "relevance", "newest"}) {
        std::vector<std::string> seen;
        json query = {{"q", "widget"}, {"currency", "EUR"}, {"sort", sort}, {"limit", 10}};
        const auto all = ids(run_search(*engine, {{"q", "widget"}, {"currency", "EUR"}, {"sort", sort}, {"limit", 100}}));
        int pages = 0;
        while (true) {
            const json page = run_search(*engine, query);
            CHECK(page["total"] == all.size() + (pages > 0 && std::string(sort) == "price_asc" ? 1 : 0));
            for (const auto& id : ids(page)) seen.push_back(id);
            if (pages++ == 0 && std::string(sort) == "price_asc")  // a cheaper product appears behind the cursor
                add_product(*engine, {.id = "cheap", .title = "Widget", .price_eur = 1, .created_ms = kStart - 5});
            if (page["next"].is_null()) break;
            query["after"] = page["next"];
        }
        CHECK(seen == all);
        std::set<std::string> unique(seen.begin(), seen.end());
        CHECK(unique.size() == all.size());
    }
    const json page3 = run_search(*engine, {{"q", "widget"}, {"page", 3}, {"limit", 20}, {"sort", "newest"}});
    CHECK(page3["total"] == 46);
    CHECK(page3["page"] == 3);
    CHECK(page3["items"].size() == 6);
    CHECK(page3["next"].is_null());
}

TEST_CASE("search: the index follows writes from any module, connection or process") {
    const auto path = std::filesystem::temp_directory_path() / "commerce-search-test.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    auto first = Engine::open(engine_config(path.string()).dump().c_str());
    auto second = Engine::open(engine_config(path.string()).dump().c_str());  // another process, as far as SQLite knows
    add_product(*first, {.id = "lamp", .title = "Desk Lamp", .price_eur = 2500});
    CHECK(ids(run_search(*second, {{"q", "lamp"}})) == std::vector<std::string>{"lamp"});
    // A price written by another module without calling the index: triggers mark the product changed.
    first->write([&](Transaction& tx) { sql(tx).exec("UPDATE variant_prices SET amount_minor = 1500"); });
    CHECK(run_search(*second, {{"q", "lamp"}, {"currency", "EUR"}})["items"][0]["price"]["amount"] == "15.00");
    first->write([&](Transaction& tx) { sql(tx).exec("UPDATE products SET title = 'Floor Light' WHERE id = 'lamp'"); });
    CHECK(ids(run_search(*second, {{"q", "lamp"}})).empty());
    CHECK(ids(run_search(*second, {{"q", "light"}})) == std::vector<std::string>{"lamp"});
    first->write([&](Transaction& tx) { sql(tx).exec("UPDATE products SET status = 'archived'"); });
    CHECK(ids(run_search(*second, {{"q", "light"}})).empty());
    first->write([&](Transaction& tx) { sql(tx).exec("UPDATE products SET status = 'published'"); });
    CHECK(ids(run_search(*first, {{"q", "light"}})) == std::vector<std::string>{"lamp"});
    first->write([&](Transaction& tx) { sql(tx).exec("DELETE FROM products"); });
    CHECK(ids(run_search(*second, {{"q", "light"}})).empty());
    CHECK(ids(run_search(*first, json::object())).empty());
    first.reset();
    second.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST_CASE("search: user text is data: operators, quotes and random bytes never fail") {
    auto engine = shop();
    for (const char* text : {"\"", "ring\"", "*", "ring*", "NEAR(ring elden)", "-ring", "ring -elden", "(ring",
                             "title:ring", "ring AND elden", "ring OR", "^ring", "'); DROP TABLE products; --",
                             "\\", "{", "%", "_", "ring + elden"}) {
        CHECK_NOTHROW(run_search(*engine, {{"q", text}}));
    }
    CHECK(ids(run_search(*engine, {{"q", "elden:ring"}})) == std::vector<std::string>{"elden"});  // ':' separates
    std::mt19937 random(42);
    const std::vector<std::string> alphabet = {"a", "b", " ", "e", "é", "\"", "*", "-", "(", ")", ":", "^", "NEAR",
                                               "+", "OR", "AND", "{", "}", "[", "]", "'", "\\", "%", "_", ".", ",",
                                               ";", "|", "~", "`", "ñ", "中文", "\t", "ring", "eld", "\u00a0"};
    for (int i = 0; i < 2000; ++i) {
        std::string text;
        const int length = static_cast<int>(random() % 24);
        for (int k = 0; k < length; ++k) text += alphabet[random() % alphabet.size()];
        CHECK_NOTHROW(run_search(*engine, {{"q", text}, {"facets", {"tags"}}}));
    }
}

TEST_CASE("search: bad input is INVALID_ARGUMENT and needs no session") {
    auto engine = shop();
    CHECK(code_of([&] { flows::search(*engine, "not json"); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { flows::search(*engine, "[]"); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { run_search(*engine, {{"limit", 1000}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(code_of([&] { run_search(*engine, {{"q", std::string(600, 'a')}}); }) == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(flows::search(*engine, nullptr)["total"] == 4);
    CHECK(flows::search(*engine, "")["total"] == 4);
}
