// The catalog's pure rules: GS1 check digits, locale tags and slugs.
#include "domain/catalog/gtin.h"
#include "domain/catalog/locale.h"
#include "domain/catalog/slug.h"

#include <doctest/doctest.h>

using namespace commerce;

TEST_CASE("GS1 check digits of EAN-13, UPC-A and EAN-8") {
    CHECK(gs1_check_digit_valid("4006381333931"));  // EAN-13
    CHECK(gs1_check_digit_valid("036000291452"));   // UPC-A
    CHECK(gs1_check_digit_valid("96385074"));       // EAN-8
    CHECK_FALSE(gs1_check_digit_valid("4006381333932"));
    CHECK_FALSE(gs1_check_digit_valid("036000291453"));
    CHECK_FALSE(gs1_check_digit_valid("96385075"));
    CHECK_FALSE(gs1_check_digit_valid("40063813339a1"));
    CHECK_FALSE(gs1_check_digit_valid(""));
}

TEST_CASE("barcodes are stored in GTIN-13 form, EAN-8 as it is") {
    CHECK(normalized_gtin("036000291452") == "0036000291452");
    CHECK(normalized_gtin("0036000291452") == "0036000291452");
    CHECK(normalized_gtin("4006381333931") == "4006381333931");
    CHECK(normalized_gtin("96385074") == "96385074");
    CHECK_FALSE(normalized_gtin("00036000291452"));  // GTIN-14 is not accepted
    CHECK_FALSE(normalized_gtin("3600029145"));
    CHECK_FALSE(normalized_gtin(" 036000291452"));
}

TEST_CASE("locales are canonical BCP 47 tags of known languages and regions") {
    CHECK(canonical_locale("pt-br") == "pt-BR");
    CHECK(canonical_locale("EN") == "en");
    CHECK(canonical_locale("zh-hant-tw") == "zh-Hant-TW");
    CHECK(canonical_locale("de-CH") == "de-CH");
    CHECK_FALSE(canonical_locale("xx"));
    CHECK_FALSE(canonical_locale("en-QQ"));
    CHECK_FALSE(canonical_locale("en_US"));
    CHECK_FALSE(canonical_locale("en-US-x-private"));
    CHECK_FALSE(canonical_locale(""));
    CHECK(locale_fallbacks("pt-BR", "en") == std::vector<std::string>{"pt-BR", "pt", "en"});
    CHECK(locale_fallbacks("en", "en-GB") == std::vector<std::string>{"en", "en-GB"});
}

TEST_CASE("slugs") {
    CHECK(valid_slug("elden-ring-2"));
    CHECK_FALSE(valid_slug("Elden"));
    CHECK_FALSE(valid_slug(""));
    CHECK_FALSE(valid_slug(std::string(201, 'a')));
    CHECK(slug_from_title("Elden Ring: Deluxe Edition!") == "elden-ring-deluxe-edition");
    CHECK(slug_from_title("Crème brûlée") == "creme-brulee");
    CHECK(slug_from_title("  --Ünïcödé--  ") == "unicode");
    CHECK(slug_from_title("Ελληνικά") == "ellenika");
    CHECK(slug_from_title("★★★").empty());
}
