#include "core/money.h"

#include "core/currency.h"
#include "core/decimal.h"
#include "core/error.h"

#include "error_of.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using commerce::Decimal;
using commerce::Money;
using commerce::RoundingMode;

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

void check_invalid(const commerce::Error& error, const char* field) {
    CHECK(error.code() == COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(error.details().value("field", "") == field);
}

Money m(const char* amount, const char* code) { return Money::parse(amount, code); }
const commerce::Currency& cur(const char* code) { return commerce::currency(code); }
Decimal d(const char* text) { return Decimal::parse(text); }

std::vector<std::int64_t> minors(const std::vector<Money>& shares) {
    std::vector<std::int64_t> out;
    for (const Money& share : shares) out.push_back(share.minor());
    return out;
}

std::vector<Money> allocate(const Money& amount, std::vector<std::int64_t> weights) {
    return amount.allocate(weights);
}

}  // namespace

TEST_CASE("parse takes up to the currency's decimals, exactly") {
    CHECK(m("19.90", "EUR").minor() == 1990);
    CHECK(m("19.9", "EUR").minor() == 1990);
    CHECK(m("5", "EUR").minor() == 500);
    CHECK(m("5", "EUR").amount_string() == "5.00");
    CHECK(m("1000", "JPY").minor() == 1000);
    CHECK(m("1000", "JPY").amount_string() == "1000");
    CHECK(m("1.25", "KWD").minor() == 1250);
    CHECK(m("1.25", "KWD").amount_string() == "1.250");
    CHECK(m("-0.05", "EUR").minor() == -5);
    CHECK(m("-0.05", "EUR").amount_string() == "-0.05");
    CHECK(m("0.0001", "CLF").minor() == 1);
    CHECK(m("-0", "EUR").amount_string() == "0.00");
    CHECK(m("1.000", "IQD").minor() == 1000);
    CHECK(m("19.90", "EUR").currency().code == "EUR");
    CHECK(&m("19.90", "EUR").currency() == &cur("EUR"));
}

TEST_CASE("parse never rounds: more decimals than the currency allows is an error") {
    const commerce::Error eur = error_of([] { m("1.234", "EUR"); });
    check_invalid(eur, "amount");
    CHECK(std::string(eur.what()) == "amount '1.234' has more decimals than EUR allows (2)");
    const commerce::Error jpy = error_of([] { m("1.5", "JPY"); });
    check_invalid(jpy, "amount");
    CHECK(std::string(jpy.what()) == "amount '1.5' has more decimals than JPY allows (0)");
    check_invalid(error_of([] { m("1.230", "EUR"); }), "amount");  // decimals are counted as written
    check_invalid(error_of([] { m("100.0", "JPY"); }), "amount");
    check_invalid(error_of([] { m("1.2345", "KWD"); }), "amount");
}

TEST_CASE("parse rejects malformed amounts and unknown currencies") {
    for (const char* text : {"", "NaN", "1e5", " 1", "1 ", "+1", "1.", ".5", "--1", "abc", "1,50"}) {
        CAPTURE(text);
        check_invalid(error_of([&] { m(text, "EUR"); }), "amount");
    }
    const commerce::Error unknown = error_of([] { m("1.00", "XYZ"); });
    check_invalid(unknown, "currency");
    CHECK(std::string(unknown.what()) == "unknown currency 'XYZ'");
    check_invalid(error_of([] { m("1.00", "eur"); }), "currency");
}

TEST_CASE("parse reports amounts beyond 64-bit minor units as overflow") {
    CHECK(m("92233720368547758.07", "EUR").minor() == kMax);
    CHECK(m("-92233720368547758.08", "EUR").minor() == kMin);
    CHECK(m("9223372036854775807", "JPY").minor() == kMax);
    for (const char* text : {"92233720368547758.08", "-92233720368547758.09", "1000000000000000000000000000000000000000"}) {
        CAPTURE(text);
        const commerce::Error error = error_of([&] { m(text, "EUR"); });
        CHECK(error.code() == COMMERCE_ERR_OVERFLOW);
        CHECK(error.details().value("field", "") == "amount");
    }
    CHECK(error_of([] { m("9223372036854775808", "JPY"); }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([] { m("922337203685477.5808", "CLF"); }).code() == COMMERCE_ERR_OVERFLOW);
}

TEST_CASE("from_minor, zero and amount_string") {
    CHECK(Money::from_minor(1990, cur("EUR")).amount_string() == "19.90");
    CHECK(Money::from_minor(-5, cur("EUR")).amount_string() == "-0.05");
    CHECK(Money::from_minor(5, cur("EUR")).amount_string() == "0.05");
    CHECK(Money::from_minor(1250, cur("KWD")).amount_string() == "1.250");
    CHECK(Money::from_minor(-1, cur("KWD")).amount_string() == "-0.001");
    CHECK(Money::from_minor(1000, cur("JPY")).amount_string() == "1000");
    CHECK(Money::from_minor(-7, cur("JPY")).amount_string() == "-7");
    CHECK(Money::from_minor(12345, cur("CLF")).amount_string() == "1.2345");
    CHECK(Money::from_minor(kMin, cur("EUR")).amount_string() == "-92233720368547758.08");
    CHECK(Money::from_minor(1990, cur("EUR")).amount() == d("19.90"));
    CHECK(Money::from_minor(1990, cur("EUR")).amount().scale() == 2);
    const Money none = Money::zero(cur("JPY"));
    CHECK(none.is_zero());
    CHECK(none.minor() == 0);
    CHECK(none.currency().code == "JPY");
    CHECK(none.amount_string() == "0");
    CHECK(Money::zero(cur("EUR")).amount_string() == "0.00");
}

TEST_CASE("to_json and from_json") {
    CHECK(m("19.90", "EUR").to_json() == nlohmann::json{{"amount", "19.90"}, {"currency", "EUR"}});
    CHECK(m("19.90", "EUR").to_json().dump() == R"({"amount":"19.90","currency":"EUR"})");
    CHECK(m("1000", "JPY").to_json().dump() == R"({"amount":"1000","currency":"JPY"})");
    const Money read = Money::from_json(nlohmann::json{{"amount", "1.250"}, {"currency", "KWD"}});
    CHECK(read.minor() == 1250);
    CHECK(read.currency().code == "KWD");

    check_invalid(error_of([] { Money::from_json(nlohmann::json{{"currency", "EUR"}}); }), "amount");
    check_invalid(error_of([] { Money::from_json(nlohmann::json{{"amount", 19.9}, {"currency", "EUR"}}); }), "amount");
    check_invalid(error_of([] { Money::from_json(nlohmann::json{{"amount", "19.90"}}); }), "currency");
    check_invalid(error_of([] { Money::from_json(nlohmann::json{{"amount", "19.90"}, {"currency", 978}}); }),
                  "currency");
    check_invalid(error_of([] { Money::from_json(nlohmann::json{{"amount", "19.999"}, {"currency", "EUR"}}); }),
                  "amount");
    check_invalid(error_of([] { Money::from_json(nlohmann::json{{"amount", "1"}, {"currency", "ABC"}}); }),
                  "currency");
    for (const nlohmann::json& not_object : {nlohmann::json(), nlohmann::json("19.90 EUR"), nlohmann::json::array()}) {
        CAPTURE(not_object.dump());
        check_invalid(error_of([&] { Money::from_json(not_object); }), "money");
    }
}

TEST_CASE("addition and subtraction") {
    CHECK((m("19.90", "EUR") + m("0.15", "EUR")).amount_string() == "20.05");
    CHECK((m("1.00", "EUR") - m("2.50", "EUR")).amount_string() == "-1.50");
    CHECK((-m("2.50", "EUR")).amount_string() == "-2.50");
    CHECK((-m("-2.50", "EUR")).amount_string() == "2.50");
    CHECK((m("1", "JPY") + m("2", "JPY")).minor() == 3);
    CHECK((m("1", "JPY") + m("2", "JPY")).currency().code == "JPY");
}

TEST_CASE("combining currencies is a mismatch") {
    const commerce::Error add = error_of([] { m("1.00", "EUR") + m("1.00", "USD"); });
    CHECK(add.code() == COMMERCE_ERR_CURRENCY_MISMATCH);
    CHECK(add.details() == nlohmann::json{{"left", "EUR"}, {"right", "USD"}});
    const commerce::Error subtract = error_of([] { m("1.00", "USD") - m("1.00", "EUR"); });
    CHECK(subtract.code() == COMMERCE_ERR_CURRENCY_MISMATCH);
    CHECK(subtract.details() == nlohmann::json{{"left", "USD"}, {"right", "EUR"}});
    CHECK(error_of([] { (void)(m("1", "JPY") < m("1.00", "EUR")); }).code() == COMMERCE_ERR_CURRENCY_MISMATCH);
    CHECK(error_of([] { (void)(m("1", "JPY") == m("1", "KRW")); }).code() == COMMERCE_ERR_CURRENCY_MISMATCH);
    // A Currency equal to a table entry but built elsewhere is the same currency.
    const commerce::Currency copy = cur("EUR");
    CHECK((Money::from_minor(1, copy) + m("0.01", "EUR")).minor() == 2);
}

TEST_CASE("arithmetic overflow is reported, never wrapped") {
    const Money max = Money::from_minor(kMax, cur("EUR"));
    const Money min = Money::from_minor(kMin, cur("EUR"));
    const Money cent = Money::from_minor(1, cur("EUR"));
    CHECK(error_of([&] { max + cent; }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([&] { min - cent; }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([&] { cent - min; }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([&] { -min; }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([&] { max.times(2); }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([&] { min.times(-1); }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([&] { max.times_rate(d("1.0000001")); }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([&] { max.rounded_to_cash(d("0.05"), RoundingMode::up); }).code() == COMMERCE_ERR_OVERFLOW);
    CHECK(error_of([&] { max + cent; }).details().value("currency", "") == "EUR");
    CHECK((max - cent + cent).minor() == kMax);
    CHECK((-max).minor() == -kMax);
    CHECK((min + cent).minor() == kMin + 1);
}

TEST_CASE("times multiplies by an integer quantity") {
    CHECK(m("19.90", "EUR").times(3).amount_string() == "59.70");
    CHECK(m("19.90", "EUR").times(-2).amount_string() == "-39.80");
    CHECK(m("19.90", "EUR").times(0).is_zero());
    CHECK(m("250", "JPY").times(4).minor() == 1000);
}

TEST_CASE("times_rate rounds the exact product once to the minor unit") {
    CHECK(m("19.99", "EUR").times_rate(d("0.19")).amount_string() == "3.80");  // 3.7981
    CHECK(m("10.00", "EUR").times_rate(d("0.125")).amount_string() == "1.25");
    CHECK(m("19.90", "EUR").times_rate(d("1")).amount_string() == "19.90");
    CHECK(m("19.90", "EUR").times_rate(d("-0.5")).amount_string() == "-9.95");
    // 0.10 * 0.25 = 0.025, a tie between 0.02 and 0.03
    CHECK(m("0.10", "EUR").times_rate(d("0.25")).amount_string() == "0.02");  // half_even is the default
    CHECK(m("0.10", "EUR").times_rate(d("0.25"), RoundingMode::half_even).amount_string() == "0.02");
    CHECK(m("0.10", "EUR").times_rate(d("0.25"), RoundingMode::half_up).amount_string() == "0.03");
    CHECK(m("0.10", "EUR").times_rate(d("0.25"), RoundingMode::down).amount_string() == "0.02");
    CHECK(m("0.10", "EUR").times_rate(d("0.25"), RoundingMode::up).amount_string() == "0.03");
    CHECK(m("0.30", "EUR").times_rate(d("0.25")).amount_string() == "0.08");  // 0.075 -> even 8
    CHECK(m("-0.10", "EUR").times_rate(d("0.25")).amount_string() == "-0.02");
    CHECK(m("-0.10", "EUR").times_rate(d("0.25"), RoundingMode::half_up).amount_string() == "-0.03");
    CHECK(m("-0.10", "EUR").times_rate(d("0.25"), RoundingMode::down).amount_string() == "-0.02");
    CHECK(m("-0.10", "EUR").times_rate(d("0.25"), RoundingMode::up).amount_string() == "-0.03");
    CHECK(m("999", "JPY").times_rate(d("0.1")).amount_string() == "100");
    CHECK(m("105", "JPY").times_rate(d("0.1")).amount_string() == "10");
    CHECK(m("105", "JPY").times_rate(d("0.1"), RoundingMode::half_up).amount_string() == "11");
    CHECK(m("1.000", "KWD").times_rate(d("0.0125")).amount_string() == "0.012");
    CHECK(m("1.000", "KWD").times_rate(d("0.0125"), RoundingMode::half_up).amount_string() == "0.013");
}

TEST_CASE("rounded_to_cash rounds to a cash increment") {
    CHECK(m("1.02", "CHF").rounded_to_cash(d("0.05")).amount_string() == "1.00");
    CHECK(m("1.03", "CHF").rounded_to_cash(d("0.05")).amount_string() == "1.05");
    CHECK(m("1.07", "CHF").rounded_to_cash(d("0.05")).amount_string() == "1.05");
    CHECK(m("1.08", "CHF").rounded_to_cash(d("0.05")).amount_string() == "1.10");
    CHECK(m("-1.08", "CHF").rounded_to_cash(d("0.05")).amount_string() == "-1.10");
    CHECK(m("1.05", "CHF").rounded_to_cash(d("0.05")).amount_string() == "1.05");
    CHECK(m("1.05", "CHF").rounded_to_cash(d("0.10")).amount_string() == "1.00");  // tie, half_even
    CHECK(m("1.15", "CHF").rounded_to_cash(d("0.10")).amount_string() == "1.20");
    CHECK(m("1.05", "CHF").rounded_to_cash(d("0.10"), RoundingMode::half_up).amount_string() == "1.10");
    CHECK(m("-1.05", "CHF").rounded_to_cash(d("0.10"), RoundingMode::half_up).amount_string() == "-1.10");
    CHECK(m("-1.05", "CHF").rounded_to_cash(d("0.10")).amount_string() == "-1.00");
    CHECK(m("-1.07", "CHF").rounded_to_cash(d("0.05"), RoundingMode::down).amount_string() == "-1.05");
    CHECK(m("-1.01", "CHF").rounded_to_cash(d("0.05"), RoundingMode::up).amount_string() == "-1.05");
    CHECK(m("1.02", "CHF").rounded_to_cash(d("0.050")).amount_string() == "1.00");  // 0.050 is still 5 rappen
    CHECK(m("1234", "JPY").rounded_to_cash(d("10")).amount_string() == "1230");
    CHECK(m("1235", "JPY").rounded_to_cash(d("10")).amount_string() == "1240");
    CHECK(m("1.02", "CHF").rounded_to_cash(d("0.05")).currency().code == "CHF");

    const commerce::Error finer = error_of([] { m("1.00", "EUR").rounded_to_cash(d("0.001")); });
    check_invalid(finer, "increment");
    CHECK(std::string(finer.what()) == "cash increment 0.001 is not a whole number of EUR minor units");
    check_invalid(error_of([] { m("1.00", "EUR").rounded_to_cash(d("0.025")); }), "increment");
    check_invalid(error_of([] { m("1", "JPY").rounded_to_cash(d("0.5")); }), "increment");
    check_invalid(error_of([] { m("1.00", "EUR").rounded_to_cash(d("0")); }), "increment");
    check_invalid(error_of([] { m("1.00", "EUR").rounded_to_cash(d("-0.05")); }), "increment");
}

TEST_CASE("comparison within one currency") {
    CHECK(m("1.00", "EUR") < m("1.01", "EUR"));
    CHECK(m("-1.00", "EUR") < m("0.00", "EUR"));
    CHECK(m("2", "JPY") > m("1", "JPY"));
    CHECK(m("1.0", "EUR") == m("1.00", "EUR"));
    CHECK(m("1.00", "EUR") != m("1.01", "EUR"));
    CHECK(m("1.00", "EUR") <= m("1.00", "EUR"));
    CHECK((m("3.00", "EUR") <=> m("2.00", "EUR")) == std::strong_ordering::greater);
    CHECK(m("-0.01", "EUR").is_negative());
    CHECK_FALSE(m("0.00", "EUR").is_negative());
    CHECK_FALSE(m("0.01", "EUR").is_zero());
}

TEST_CASE("allocate by largest remainder") {
    const Money euro = m("1.00", "EUR");
    CHECK(minors(allocate(euro, {1, 1, 1})) == std::vector<std::int64_t>{34, 33, 33});  // tie: lowest index
    CHECK(minors(allocate(euro, {1, 2})) == std::vector<std::int64_t>{33, 67});        // 33.3 / 66.6
    CHECK(minors(allocate(euro, {2, 1})) == std::vector<std::int64_t>{67, 33});
    CHECK(minors(allocate(m("0.05", "EUR"), {3, 7})) == std::vector<std::int64_t>{2, 3});  // 1.5 / 3.5
    CHECK(minors(allocate(m("-0.05", "EUR"), {3, 7})) == std::vector<std::int64_t>{-2, -3});
    CHECK(minors(allocate(m("10.00", "EUR"), {1, 0, 1})) == std::vector<std::int64_t>{500, 0, 500});
    CHECK(minors(allocate(m("0.01", "EUR"), {1, 1})) == std::vector<std::int64_t>{1, 0});
    CHECK(minors(allocate(m("-0.01", "EUR"), {1, 1})) == std::vector<std::int64_t>{-1, 0});
    CHECK(minors(allocate(m("0.01", "EUR"), {0, 1})) == std::vector<std::int64_t>{0, 1});
    CHECK(minors(allocate(m("100", "JPY"), {1, 2, 3, 4})) == std::vector<std::int64_t>{10, 20, 30, 40});
    CHECK(minors(allocate(m("100", "JPY"), {7})) == std::vector<std::int64_t>{100});
    CHECK(minors(allocate(m("0.10", "EUR"), {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})) ==
          std::vector<std::int64_t>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0});
    CHECK(minors(allocate(m("0.00", "EUR"), {0, 0})) == std::vector<std::int64_t>{0, 0});
    CHECK(minors(allocate(m("0.00", "EUR"), {1, 2})) == std::vector<std::int64_t>{0, 0});
    // Extremes: the weight sum would overflow int64, the magnitude of kMin does not fit it.
    CHECK(minors(allocate(Money::from_minor(kMax, cur("EUR")), {kMax, kMax})) ==
          std::vector<std::int64_t>{std::int64_t{1} << 62, (std::int64_t{1} << 62) - 1});
    CHECK(minors(allocate(Money::from_minor(kMin, cur("EUR")), {1, 1})) ==
          std::vector<std::int64_t>{kMin / 2, kMin / 2});
    CHECK(minors(allocate(Money::from_minor(kMin, cur("EUR")), {1})) == std::vector<std::int64_t>{kMin});
    const std::vector<Money> shares = allocate(m("1.00", "KWD"), {1, 1});
    CHECK(shares[0].currency().code == "KWD");
    CHECK(shares[1].currency().code == "KWD");
}

TEST_CASE("allocate rejects unusable weights") {
    check_invalid(error_of([] { allocate(m("1.00", "EUR"), {}); }), "weights");
    check_invalid(error_of([] { allocate(m("1.00", "EUR"), {1, -1, 2}); }), "weights");
    check_invalid(error_of([] { allocate(m("0.00", "EUR"), {-1}); }), "weights");
    const commerce::Error zeros = error_of([] { allocate(m("1.00", "EUR"), {0, 0}); });
    check_invalid(zeros, "weights");
    CHECK(std::string(zeros.what()) == "all weights are zero but the amount is not");
}

TEST_CASE("property: allocation invariants") {
    std::mt19937_64 random(0xA110CA7E);
    const char* codes[] = {"EUR", "JPY", "KWD", "CLF", "USD"};
    auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    auto magnitude_below = [&](int digits) {  // uniform in [0, 10^digits), digits <= 18
        std::int64_t bound = 1;
        for (int i = 0; i < digits; ++i) bound *= 10;
        return std::uniform_int_distribution<std::int64_t>(0, bound - 1)(random);
    };
    int checked = 0;
    for (int i = 0; i < 2000; ++i) {
        const commerce::Currency& unit = cur(codes[pick(0, 4)]);
        std::int64_t minor = magnitude_below(pick(0, 18));
        if (pick(0, 1) == 1) minor = -minor;
        if (pick(0, 49) == 0) minor = pick(0, 1) == 1 ? kMax : kMin + 1;
        std::vector<std::int64_t> weights(static_cast<std::size_t>(pick(1, 8)));
        for (std::int64_t& w : weights) w = pick(0, 3) == 0 ? 0 : 1 + magnitude_below(pick(0, 18));
        const Money amount = Money::from_minor(minor, unit);
        CAPTURE(amount);
        CAPTURE(nlohmann::json(weights).dump());

        Decimal::Int total_weight;
        for (std::int64_t w : weights) total_weight += w;
        if (total_weight.is_zero() && minor != 0) {
            check_invalid(error_of([&] { amount.allocate(weights); }), "weights");
            continue;
        }
        const std::vector<Money> shares = amount.allocate(weights);
        REQUIRE(shares.size() == weights.size());
        const std::vector<Money> negated = (-amount).allocate(weights);
        Decimal::Int sum;
        for (std::size_t k = 0; k < shares.size(); ++k) {
            CHECK(shares[k].currency().code == unit.code);
            sum += shares[k].minor();
            if (weights[k] == 0) CHECK(shares[k].is_zero());
            CHECK((shares[k].is_zero() || shares[k].is_negative() == amount.is_negative()));
            if (!total_weight.is_zero()) {
                // |share - amount * w / W| < 1 minor unit, checked exactly: |share * W - amount * w| < W.
                const Decimal::Int deviation = Decimal::Int(shares[k].minor()) * total_weight -
                                               Decimal::Int(minor) * weights[k];
                CHECK(abs(deviation) < total_weight);
            }
            CHECK(negated[k].minor() == -shares[k].minor());
        }
        CHECK(sum == minor);
        ++checked;
    }
    CHECK(checked > 1500);  // the loop really exercised allocations, not just the error path
}

TEST_CASE("property: add and subtract round trip, overflow exactly when out of range") {
    std::mt19937_64 random(42);
    std::uniform_int_distribution<std::int64_t> any(kMin, kMax);
    std::uniform_int_distribution<std::int64_t> half(kMin / 2, kMax / 2);
    const commerce::Currency& unit = cur("EUR");
    for (int i = 0; i < 2000; ++i) {
        const Money a = Money::from_minor(half(random), unit);
        const Money b = Money::from_minor(half(random), unit);
        CAPTURE(a);
        CAPTURE(b);
        CHECK((a + b) - b == a);
        CHECK((a - b) + b == a);
        CHECK(a + b == b + a);
        CHECK((a + (-a)).is_zero());
        CHECK((a - b) == -(b - a));

        const std::int64_t x = any(random);
        const std::int64_t y = any(random);
        const Decimal::Int exact = Decimal::Int(x) + y;
        const bool fits = exact >= kMin && exact <= kMax;
        const Money mx = Money::from_minor(x, unit);
        const Money my = Money::from_minor(y, unit);
        if (fits) {
            CHECK(Decimal::Int((mx + my).minor()) == exact);
        } else {
            CHECK(error_of([&] { mx + my; }).code() == COMMERCE_ERR_OVERFLOW);
        }
    }
}

TEST_CASE("property: parse(amount_string()) and JSON round trip in every currency") {
    std::mt19937_64 random(1234567);
    const auto table = commerce::all_currencies();
    std::uniform_int_distribution<std::size_t> which(0, table.size() - 1);
    std::uniform_int_distribution<std::int64_t> any(kMin, kMax);
    std::uniform_int_distribution<std::int64_t> small(-100000, 100000);
    for (int i = 0; i < 2000; ++i) {
        const commerce::Currency& unit = table[which(random)];
        const std::int64_t minor = i == 0 ? kMin : i == 1 ? kMax : (i % 2 == 0 ? any(random) : small(random));
        const Money money = Money::from_minor(minor, unit);
        CAPTURE(money);
        const Money reparsed = Money::parse(money.amount_string(), unit.code);
        CHECK(reparsed.minor() == minor);
        CHECK(&reparsed.currency() == &unit);
        const Money from_json = Money::from_json(money.to_json());
        CHECK(from_json.minor() == minor);
        CHECK(&from_json.currency() == &unit);
        // The printed amount always has exactly the currency's decimals.
        const std::string text = money.amount_string();
        const auto point = text.find('.');
        CHECK((unit.exponent == 0 ? point == std::string::npos : text.size() - point - 1 == std::size_t(unit.exponent)));
    }
}
