#include "core/currency.h"

#include "core/error.h"

#include "error_of.h"

#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <stdexcept>
#include <string>

using commerce::Currency;

TEST_CASE("ISO 4217 numeric codes and minor-unit exponents") {
    struct Expected {
        const char* code;
        int numeric;
        int exponent;
    };
    // Exponents as ISO 4217 gives them; CLDR differs for some (e.g. IQD 0 there, 3 here).
    const Expected expected[] = {
        {"USD", 840, 2}, {"EUR", 978, 2}, {"GBP", 826, 2}, {"INR", 356, 2}, {"CHF", 756, 2}, {"JPY", 392, 0},
        {"KRW", 410, 0}, {"ISK", 352, 0}, {"VND", 704, 0}, {"UYI", 940, 0}, {"XOF", 952, 0}, {"KWD", 414, 3},
        {"BHD", 48, 3},  {"JOD", 400, 3}, {"OMR", 512, 3}, {"TND", 788, 3}, {"LYD", 434, 3}, {"IQD", 368, 3},
        {"CLF", 990, 4}, {"UYW", 927, 4}, {"ALL", 8, 2},   {"XCG", 532, 2}, {"ZWG", 924, 2}, {"VED", 926, 2},
        {"SLE", 925, 2}, {"XAD", 396, 2},
    };
    for (const Expected& e : expected) {
        CAPTURE(e.code);
        const Currency* found = commerce::find_currency(e.code);
        REQUIRE(found != nullptr);
        CHECK(found->code == e.code);
        CHECK(found->numeric == e.numeric);
        CHECK(found->exponent == e.exponent);
    }
}

TEST_CASE("withdrawn codes and codes without a minor unit are not currencies here") {
    for (const char* code : {"HRK", "ZWL", "SLL", "ANG", "CUC", "BGN", "VEF", "XAU", "XAG", "XDR", "XTS", "XXX"}) {
        CAPTURE(code);
        CHECK(commerce::find_currency(code) == nullptr);
    }
}

TEST_CASE("find_currency matches exact uppercase codes only") {
    for (const char* code : {"eur", "Eur", "EUR ", " EUR", "EU", "EURO", "", "E"}) {
        CAPTURE(code);
        CHECK(commerce::find_currency(code) == nullptr);
    }
    CHECK(commerce::find_currency("EUR") == &commerce::currency("EUR"));
}

TEST_CASE("currency() rejects an unknown code as invalid input in the field currency") {
    const commerce::Error error = error_of([] { commerce::currency("XYZ"); });
    CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(std::string(error.what()) == "unknown currency 'XYZ'");
    CHECK(error.details() == nlohmann::json{{"field", "currency"}});
}

TEST_CASE("currency() keeps unprintable or long input out of the message") {
    const commerce::Error control = error_of([] { commerce::currency(std::string("E\x01\xff", 3)); });
    CHECK(std::string(control.what()) == "unknown currency 'E?" "?'");  // split: "??'" is a trigraph
    const commerce::Error long_code = error_of([] { commerce::currency(std::string(100, 'A')); });
    CHECK(std::string(long_code.what()) == "unknown currency 'AAAAAAAAAAAAAAAA...'");
}

TEST_CASE("the currency table is well formed") {
    const auto table = commerce::all_currencies();
    CHECK(table.size() == 165);
    std::set<int> numerics;
    std::string previous;
    for (const Currency& c : table) {
        CAPTURE(c.code);
        REQUIRE(c.code.size() == 3);
        for (char letter : c.code) CHECK((letter >= 'A' && letter <= 'Z'));
        CHECK(std::string(c.code) > previous);
        previous = std::string(c.code);
        CHECK((c.numeric >= 1 && c.numeric <= 999));
        CHECK(numerics.insert(c.numeric).second);
        CHECK((c.exponent >= 0 && c.exponent <= 4));
        CHECK(commerce::find_currency(c.code) == &c);
    }
}
