#include "core/decimal.h"

#include "core/error.h"
#include "core/rounding.h"

#include "error_of.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

using commerce::Decimal;
using commerce::RoundingMode;

namespace {
void check_invalid(const commerce::Error& error, const char* field) {
    CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error.details() == nlohmann::json{{"field", field}});
}

Decimal d(const char* text) { return Decimal::parse(text); }

}  // namespace

TEST_CASE("parse keeps the written scale and exact value") {
    const Decimal price = d("19.90");
    CHECK(price.coefficient() == 1990);
    CHECK(price.scale() == 2);
    CHECK(price.to_string() == "19.90");
    CHECK(d("0").to_string() == "0");
    CHECK(d("7").scale() == 0);
    CHECK(d("-0.5").to_string() == "-0.5");
    CHECK(d("-0.5").coefficient() == -5);
    CHECK(d("007.50").to_string() == "7.50");  // leading zeros are decimal, not octal
    CHECK(d("010").coefficient() == 10);
    CHECK(d("-0").to_string() == "0");
    CHECK(d("-0.00").to_string() == "0.00");
    CHECK(d("-0.00").sign() == 0);
    const std::string forty_nines(40, '9');
    CHECK(d((forty_nines + "." + std::string(18, '9')).c_str()).to_string() == forty_nines + "." + std::string(18, '9'));
    CHECK(d(("-" + forty_nines).c_str()).coefficient() == -(pow(Decimal::Int(10), 40) - 1));
}

TEST_CASE("parse rejects everything but -?digits(.digits)?") {
    const char* malformed[] = {"",    "NaN", "nan", "Inf",  "-Inf", "inf", "1e5", "1E5",   " 1",  "1 ",
                               "+1",  "1.",  ".5",  "--1",  "-",    "-.5", "1.2.3", "1,5", "0x10", "1_000",
                               "abc", "1-",  "٣",   "\t1",  "1\n"};
    for (const char* text : malformed) {
        CAPTURE(text);
        check_invalid(error_of([&] { Decimal::parse(text); }), "amount");
    }
    check_invalid(error_of([] { Decimal::parse(std::string_view("1\0", 2)); }), "amount");
    const commerce::Error empty = error_of([] { Decimal::parse(""); });
    CHECK(std::string(empty.what()) == "amount is empty");
}

TEST_CASE("parse limits the number of digits") {
    const commerce::Error integer = error_of([] { Decimal::parse(std::string(41, '1')); });
    check_invalid(integer, "amount");
    CHECK(std::string(integer.what()) == "amount has more than 40 digits before the decimal point");
    const commerce::Error fraction = error_of([] { Decimal::parse("0." + std::string(19, '1')); });
    check_invalid(fraction, "amount");
    CHECK(std::string(fraction.what()) == "amount has more than 18 digits after the decimal point");
    // Leading zeros count too: the limit is on text length, so hostile input stays cheap.
    check_invalid(error_of([] { Decimal::parse(std::string(41, '0')); }), "amount");
}

TEST_CASE("to_string prints exactly scale() decimals") {
    CHECK(Decimal(-5, 2).to_string() == "-0.05");
    CHECK(Decimal(5, 3).to_string() == "0.005");
    CHECK(Decimal(123).to_string() == "123");
    CHECK(Decimal(0, 3).to_string() == "0.000");
    CHECK(Decimal(-1234567, 3).to_string() == "-1234.567");
    CHECK(Decimal(100, 2).to_string() == "1.00");
    CHECK(Decimal().to_string() == "0");
    check_invalid(error_of([] { Decimal(1, -1); }), "scale");
}

TEST_CASE("arithmetic is exact") {
    CHECK((d("1.5") + d("0.25")).to_string() == "1.75");
    CHECK((d("1.5") - d("2.25")).to_string() == "-0.75");
    CHECK((d("1.5") * d("0.2")).to_string() == "0.30");
    CHECK((d("-0.1") * d("0.1")).to_string() == "-0.01");
    CHECK((d("0.1") + d("0.2")) == d("0.3"));  // the classic binary-float failure
    const Decimal big = d(("1" + std::string(39, '0')).c_str());
    CHECK((big * big).to_string() == "1" + std::string(78, '0'));
    CHECK((-d("2.50")).to_string() == "-2.50");
    CHECK((-d("0")).to_string() == "0");
}

TEST_CASE("comparison is by value, regardless of scale") {
    CHECK(d("1.5") == d("1.50"));
    CHECK(d("0") == d("-0.00"));
    CHECK(d("1.5") != d("1.51"));
    CHECK(d("1.5") < d("1.51"));
    CHECK(d("-2") < d("-1.99"));
    CHECK(d("10") > d("9.999"));
    CHECK((d("2.0") <=> d("2")) == std::strong_ordering::equal);
    CHECK((d("-0.01") <=> d("0")) == std::strong_ordering::less);
    CHECK(d("0.000").is_zero());
    CHECK_FALSE(d("0.001").is_zero());
    CHECK(d("-3.2").sign() == -1);
    CHECK(d("3.2").sign() == 1);
}

TEST_CASE("rescaled rounds with the requested mode") {
    struct Case {
        const char* value;
        int scale;
        RoundingMode mode;
        const char* expected;
    };
    const Case cases[] = {
        // half_even: ties to the even neighbour
        {"2.5", 0, RoundingMode::half_even, "2"},
        {"3.5", 0, RoundingMode::half_even, "4"},
        {"-2.5", 0, RoundingMode::half_even, "-2"},
        {"-3.5", 0, RoundingMode::half_even, "-4"},
        {"0.5", 0, RoundingMode::half_even, "0"},
        {"2.51", 0, RoundingMode::half_even, "3"},
        {"2.49", 0, RoundingMode::half_even, "2"},
        {"1.005", 2, RoundingMode::half_even, "1.00"},
        {"1.015", 2, RoundingMode::half_even, "1.02"},
        {"1.0051", 2, RoundingMode::half_even, "1.01"},
        // half_up: ties away from zero, negatives included
        {"2.5", 0, RoundingMode::half_up, "3"},
        {"-2.5", 0, RoundingMode::half_up, "-3"},
        {"2.49", 0, RoundingMode::half_up, "2"},
        {"-2.49", 0, RoundingMode::half_up, "-2"},
        {"1.005", 2, RoundingMode::half_up, "1.01"},
        // down: toward zero
        {"2.9", 0, RoundingMode::down, "2"},
        {"-2.9", 0, RoundingMode::down, "-2"},
        // up: away from zero
        {"2.1", 0, RoundingMode::up, "3"},
        {"-2.1", 0, RoundingMode::up, "-3"},
        {"2.0", 0, RoundingMode::up, "2"},
        {"0.001", 2, RoundingMode::up, "0.01"},
        // more decimals: exact, the mode does not matter
        {"1.5", 3, RoundingMode::down, "1.500"},
        {"-7", 2, RoundingMode::up, "-7.00"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.value);
        CAPTURE(c.scale);
        CAPTURE(static_cast<int>(c.mode));
        const Decimal result = d(c.value).rescaled(c.scale, c.mode);
        CHECK(result.to_string() == c.expected);
        CHECK(result.scale() == c.scale);
    }
    CHECK(d("2.5").rescaled(0).to_string() == "2");  // half_even is the default
    check_invalid(error_of([] { d("1.5").rescaled(-1); }), "scale");
}

TEST_CASE("divided is exact, then rounded once to the requested scale") {
    struct Case {
        const char* dividend;
        const char* divisor;
        int scale;
        RoundingMode mode;
        const char* expected;
    };
    const Case cases[] = {
        {"1", "3", 4, RoundingMode::half_even, "0.3333"},
        {"2", "3", 4, RoundingMode::half_even, "0.6667"},
        {"2", "3", 4, RoundingMode::down, "0.6666"},
        {"1", "3", 0, RoundingMode::up, "1"},
        {"-1", "3", 0, RoundingMode::up, "-1"},
        {"-2", "3", 2, RoundingMode::half_even, "-0.67"},
        {"2", "-3", 2, RoundingMode::half_even, "-0.67"},
        {"-2", "-3", 2, RoundingMode::half_even, "0.67"},
        {"10", "4", 0, RoundingMode::half_even, "2"},  // 2.5: a tie, to the even neighbour
        {"14", "4", 0, RoundingMode::half_even, "4"},  // 3.5
        {"10", "4", 0, RoundingMode::half_up, "3"},
        {"-10", "4", 0, RoundingMode::half_up, "-3"},
        {"7.5", "2.5", 3, RoundingMode::up, "3.000"},  // exact quotients are never rounded
        {"0", "7", 2, RoundingMode::up, "0.00"},
        {"0.001", "1000", 6, RoundingMode::half_even, "0.000001"},
        {"123.45", "0.01", 0, RoundingMode::down, "12345"},
        // The tax inside a tax-inclusive price: 119.00 * 0.19 / 1.19 = 19.00, and 10.00 * 0.2 / 1.2 = 1.666...
        {"22.6100", "1.19", 2, RoundingMode::half_even, "19.00"},
        {"2.000", "1.2", 2, RoundingMode::half_even, "1.67"},
        {"2.000", "1.2", 2, RoundingMode::down, "1.66"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.dividend);
        CAPTURE(c.divisor);
        CAPTURE(c.scale);
        CAPTURE(static_cast<int>(c.mode));
        const Decimal quotient = d(c.dividend).divided(d(c.divisor), c.scale, c.mode);
        CHECK(quotient.to_string() == c.expected);
        CHECK(quotient.scale() == c.scale);
    }
    CHECK(d("10").divided(d("4"), 0).to_string() == "2");  // half_even is the default
    check_invalid(error_of([] { d("1").divided(d("0"), 2); }), "divisor");
    check_invalid(error_of([] { d("1").divided(d("0.000"), 2); }), "divisor");
    check_invalid(error_of([] { d("1").divided(d("3"), -1); }), "scale");
}

TEST_CASE("property: divided lies within one unit of the exact quotient, in the mode's direction") {
    std::mt19937_64 random(1190);
    std::uniform_int_distribution<std::int64_t> coefficient(-1'000'000'000'000, 1'000'000'000'000);
    std::uniform_int_distribution<int> scale(0, 9);
    const RoundingMode modes[] = {RoundingMode::half_even, RoundingMode::half_up, RoundingMode::down,
                                  RoundingMode::up};
    for (int i = 0; i < 1000; ++i) {
        const Decimal a(coefficient(random), scale(random));
        Decimal b(coefficient(random), scale(random));
        if (b.is_zero()) b = Decimal(1);
        const int target = scale(random);
        const Decimal unit(1, target);
        CAPTURE(a);
        CAPTURE(b);
        CAPTURE(target);
        for (RoundingMode mode : modes) {
            CAPTURE(static_cast<int>(mode));
            const Decimal q = a.divided(b, target, mode);
            // q * b - a is the error scaled by b; compare it with the allowed error scaled by |b|.
            const Decimal magnitude_b = b.sign() < 0 ? -b : b;
            const Decimal error = a - q * b;  // the exact quotient minus q, times b
            const Decimal quotient_error = b.sign() < 0 ? -error : error;  // (a / b - q) * |b|
            CHECK(quotient_error < unit * magnitude_b);
            CHECK(-(unit * magnitude_b) < quotient_error);
            CHECK(a.divided(b, target, mode) == -((-a).divided(b, target, mode)));
            CHECK(a.divided(b, target, mode) == (-a).divided(-b, target, mode));
            const int quotient_sign = a.sign() * b.sign();
            switch (mode) {
                case RoundingMode::down:
                    CHECK((quotient_error.is_zero() || quotient_error.sign() == quotient_sign));
                    break;
                case RoundingMode::up:
                    CHECK((quotient_error.is_zero() || quotient_error.sign() == -quotient_sign));
                    break;
                case RoundingMode::half_even:
                case RoundingMode::half_up: {
                    const Decimal half_scaled = Decimal(5, target + 1) * magnitude_b;
                    CHECK(quotient_error <= half_scaled);
                    CHECK(-half_scaled <= quotient_error);
                    break;
                }
            }
        }
        // A product divided by one of its factors gives the other back exactly.
        CHECK((a * b).divided(b, a.scale(), RoundingMode::up) == a);
    }
}

TEST_CASE("rounded_to_increment rounds to a multiple of the increment") {
    struct Case {
        const char* value;
        const char* increment;
        RoundingMode mode;
        const char* expected;
    };
    const Case cases[] = {
        {"1.02", "0.05", RoundingMode::half_even, "1.00"},
        {"1.03", "0.05", RoundingMode::half_even, "1.05"},
        {"1.025", "0.05", RoundingMode::half_even, "1.00"},  // 20.5 increments -> 20
        {"1.075", "0.05", RoundingMode::half_even, "1.10"},  // 21.5 increments -> 22
        {"1.025", "0.05", RoundingMode::half_up, "1.05"},
        {"-1.025", "0.05", RoundingMode::half_up, "-1.05"},
        {"-1.025", "0.05", RoundingMode::half_even, "-1.00"},
        {"1.049", "0.05", RoundingMode::down, "1.00"},
        {"1.001", "0.05", RoundingMode::up, "1.05"},
        {"-1.001", "0.05", RoundingMode::up, "-1.05"},
        {"1", "0.05", RoundingMode::half_even, "1.00"},  // the result has the increment's scale
        {"0.37", "0.25", RoundingMode::half_even, "0.25"},
        {"1234", "10", RoundingMode::half_even, "1230"},
        {"1235", "10", RoundingMode::half_even, "1240"},
        {"1245", "10", RoundingMode::half_even, "1240"},
        {"1245", "10", RoundingMode::half_up, "1250"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.value);
        CAPTURE(c.increment);
        CAPTURE(static_cast<int>(c.mode));
        CHECK(d(c.value).rounded_to_increment(d(c.increment), c.mode).to_string() == c.expected);
    }
    check_invalid(error_of([] { d("1").rounded_to_increment(d("0")); }), "increment");
    check_invalid(error_of([] { d("1").rounded_to_increment(d("-0.05")); }), "increment");
}

TEST_CASE("parse_rounding_mode") {
    CHECK(commerce::parse_rounding_mode("half_even") == RoundingMode::half_even);
    CHECK(commerce::parse_rounding_mode("half_up") == RoundingMode::half_up);
    CHECK(commerce::parse_rounding_mode("down") == RoundingMode::down);
    CHECK(commerce::parse_rounding_mode("up") == RoundingMode::up);
    for (const char* text : {"", "HALF_EVEN", "half-even", "ceiling", "half_even "}) {
        CAPTURE(text);
        check_invalid(error_of([&] { commerce::parse_rounding_mode(text); }), "rounding");
    }
}

TEST_CASE("property: text round trip and exact addition") {
    std::mt19937_64 random(20240611);
    std::uniform_int_distribution<std::int64_t> coefficient(std::numeric_limits<std::int64_t>::min(),
                                                            std::numeric_limits<std::int64_t>::max());
    std::uniform_int_distribution<int> scale(0, 18);
    for (int i = 0; i < 2000; ++i) {
        const Decimal a(coefficient(random), scale(random));
        const Decimal b(coefficient(random), scale(random));
        CAPTURE(a);
        CAPTURE(b);
        const Decimal reparsed = Decimal::parse(a.to_string());
        CHECK(reparsed.coefficient() == a.coefficient());
        CHECK(reparsed.scale() == a.scale());
        CHECK((a + b) - b == a);
        CHECK(a + b == b + a);
        CHECK((a + b).scale() == std::max(a.scale(), b.scale()));
        CHECK((a - a).is_zero());
    }
}

TEST_CASE("property: rescaled stays within one unit, in the mode's direction, sign-symmetric") {
    std::mt19937_64 random(7);
    std::uniform_int_distribution<std::int64_t> coefficient(-1'000'000'000'000, 1'000'000'000'000);
    std::uniform_int_distribution<int> scale(0, 12);
    const RoundingMode modes[] = {RoundingMode::half_even, RoundingMode::half_up, RoundingMode::down,
                                  RoundingMode::up};
    for (int i = 0; i < 2000; ++i) {
        const Decimal x(coefficient(random), scale(random));
        const int target = std::uniform_int_distribution<int>(0, x.scale())(random);
        const Decimal unit(1, target);  // one unit of the last kept decimal
        const Decimal half(5, target + 1);
        CAPTURE(x);
        CAPTURE(target);
        for (RoundingMode mode : modes) {
            CAPTURE(static_cast<int>(mode));
            const Decimal r = x.rescaled(target, mode);
            const Decimal error = x - r;
            CHECK(r.scale() == target);
            CHECK(error < unit);
            CHECK(-unit < error);
            CHECK(x.rescaled(target, mode) == -((-x).rescaled(target, mode)));
            switch (mode) {
                case RoundingMode::down: CHECK((error.is_zero() || error.sign() == x.sign())); break;
                case RoundingMode::up: CHECK((error.is_zero() || error.sign() == -x.sign())); break;
                case RoundingMode::half_even:
                case RoundingMode::half_up:
                    CHECK(error <= half);
                    CHECK(-half <= error);
                    break;
            }
        }
        // The half modes only disagree on exact ties.
        if (x.rescaled(target, RoundingMode::half_even) != x.rescaled(target, RoundingMode::half_up)) {
            const Decimal error = x - x.rescaled(target, RoundingMode::half_even);
            CHECK((error == half || error == -half));
        }
    }
}
