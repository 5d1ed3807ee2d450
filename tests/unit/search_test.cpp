// The pure search rules: request validation, locales, prefix terms, typo distance, cursors, rating averages.
#include "domain/search/search.h"
#include "error_of.h"

#include <doctest/doctest.h>

using namespace commerce;
using nlohmann::json;

TEST_CASE("search rules: locales are canonicalised and fall back to the language, then the base text") {
    CHECK(search::canonical_locale("pt-br") == "pt-BR");
    CHECK(search::canonical_locale("PT_br") == "pt-BR");
    CHECK(search::canonical_locale("zh-hant-tw") == "zh-Hant-TW");
    CHECK(search::canonical_locale("es-419") == "es-419");
    CHECK(search::canonical_locale("") == "");
    for (const char* bad : {"p", "pt--BR", "1234", "pt-BR\"", "toolonglanguagetag", "pt-*"})
        CHECK(error_of([&] { search::canonical_locale(bad); }).details()["field"] == "locale");
    CHECK(search::locale_chain("pt-BR") == std::vector<std::string>{"pt-BR", "pt", ""});
    CHECK(search::locale_chain("") == std::vector<std::string>{""});
}

TEST_CASE("search rules: the last token is a prefix only while the user is still typing it") {
    std::vector<search::Token> tokens = {{"elden", 0, 5}, {"ri", 6, 8}};
    auto terms = search::query_terms(tokens, "elden ri");
    REQUIRE(terms.size() == 2);
    CHECK(!terms[0].prefix);
    CHECK(terms[1].prefix);
    terms = search::query_terms(tokens, "elden ri ");
    CHECK(!terms[1].prefix);
    terms = search::query_terms({{"a", 0, 1}, {"a", 2, 3}}, "a a ");
    CHECK(terms.size() == 1);  // duplicates count once
}

TEST_CASE("search rules: edit distance counts code points and swaps") {
    CHECK(search::edit_distance("elden", "elden", 2) == 0);
    CHECK(search::edit_distance("eldn", "elden", 2) == 1);
    CHECK(search::edit_distance("ledn", "lend", 2) == 1);     // a swap is one edit
    CHECK(search::edit_distance("cafe", "café", 2) == 1);     // é is one code point
    CHECK(search::edit_distance("abcdef", "uvwxyz", 2) == 3);  // capped at max + 1
    CHECK(search::allowed_edits(3) == 0);
    CHECK(search::allowed_edits(4) == 1);
    CHECK(search::allowed_edits(8) == 2);
}

TEST_CASE("search rules: typo candidates come from trigrams of code points and swaps of neighbours") {
    CHECK(search::trigrams("ring") == std::vector<std::string>{"^ri", "rin", "ing", "ng$"});
    CHECK(search::trigrams("кот") == std::vector<std::string>{"^ко", "кот", "от$"});
    CHECK(search::trigrams("a") == std::vector<std::string>{"^a$"});
    CHECK(search::neighbour_swaps("abc", 1) == std::vector<std::string>{"bac", "acb"});
    CHECK(search::neighbour_swaps("éa", 1) == std::vector<std::string>{"aé"});
    CHECK(search::neighbour_swaps("abc", 2) ==
          std::vector<std::string>{"bac", "acb", "abc", "bca", "cab", "abc"});  // then a second swap of each
}

TEST_CASE("search rules: cursors round-trip and anything else is a bad cursor") {
    SearchCursor cursor{SearchSort::price_asc, -1234, "p-1"};
    const auto decoded = search::decode_cursor(search::encode_cursor(cursor));
    CHECK(decoded.sort == SearchSort::price_asc);
    CHECK(decoded.key == -1234);
    CHECK(decoded.product_id == "p-1");
    for (const char* bad : {"", "!!", "czF8cHJpY2VfYXNjfHh8cA", "bm9wZQ"}) {
        const auto error = error_of([&] { search::decode_cursor(bad); });
        CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(error.details()["field"] == "after");
    }
}

TEST_CASE("search rules: rating averages have two decimals rounded half-even") {
    CHECK(search::rating_average(13, 3) == "4.33");
    CHECK(search::rating_average(0, 0) == "0.00");
    CHECK(search::rating_average(5, 1) == "5.00");
    CHECK(search::rating_average(1, 8) == "0.12");  // 0.125 -> 0.12
    CHECK(search::rating_average(3, 8) == "0.38");  // 0.375 -> 0.38
}

TEST_CASE("search rules: requests are validated member by member") {
    const auto request = search::parse_request(json::parse(R"({
        "q": "elden ring", "locale": "pt-br", "currency": "EUR",
        "filters": {"category_id": "c1", "tags": ["rpg"], "attributes": {"platform": ["pc", "ps5"], "mode": "solo"},
                    "price": {"min": "10", "max": "60.50"}, "min_rating": 4, "in_stock": true},
        "facets": ["categories", "tags", "attributes", "price"], "price_buckets": ["10.00", "25.00"],
        "sort": "price_asc", "limit": 5})"));
    CHECK(request.locale == "pt-BR");
    CHECK(*request.price_min_minor == 1000);
    CHECK(*request.price_max_minor == 6050);
    CHECK(request.attributes.size() == 2);
    CHECK(request.price_buckets == std::vector<int64_t>{1000, 2500});
    CHECK(request.sort == SearchSort::price_asc);

    auto field_of = [](const char* text) {
        return error_of([&] { search::parse_request(json::parse(text)); }).details().value("field", "");
    };
    CHECK(field_of(R"({"nope": 1})") == "nope");
    CHECK(field_of(R"({"q": 5})") == "q");
    CHECK(field_of(R"({"limit": 0})") == "limit");
    CHECK(field_of(R"({"limit": 101})") == "limit");
    CHECK(field_of(R"({"sort": "random"})") == "sort");
    CHECK(field_of(R"({"sort": "price_asc"})") == "currency");
    CHECK(field_of(R"({"facets": ["price"]})") == "currency");
    CHECK(field_of(R"({"facets": ["colour"]})") == "facets");
    CHECK(field_of(R"({"currency": "XXXX"})") == "currency");
    CHECK(field_of(R"({"currency": "EUR", "filters": {"price": {"min": "1.234"}}})") == "filters.price.min");
    CHECK(field_of(R"({"currency": "EUR", "filters": {"price": {"min": "-1"}}})") == "filters.price.min");
    CHECK(field_of(R"({"currency": "EUR", "filters": {"price": {"min": "5", "max": "1"}}})") == "filters.price");
    CHECK(field_of(R"({"currency": "EUR", "price_buckets": ["5", "1"]})") == "price_buckets");
    CHECK(field_of(R"({"filters": {"min_rating": 6}})") == "min_rating");
    CHECK(field_of(R"({"filters": {"tags": "rpg"}})") == "filters.tags");
    CHECK(field_of(R"({"filters": {"attributes": {"platform": []}}})") == "filters.attributes.platform");
    CHECK(field_of(R"({"filters": {"colour": "red"}})") == "colour");
    CHECK(field_of(R"({"page": 2, "after": "x"})") == "after");
    CHECK(field_of(R"({"after": "garbage"})") == "after");
    const std::string cursor = search::encode_cursor({SearchSort::newest, 1, "p"});
    CHECK(field_of((R"({"after": ")" + cursor + R"("})").c_str()) == "after");  // cursor of another sort
}
