// Converting between currencies: exact rates read forwards and backwards, one rounding to the minor unit or an
// increment, charm endings, the store's currency settings, and properties over random amounts (monotonic,
// idempotent, never below the rate with a charm) in zero-, two- and three-decimal currencies.
#include "domain/currency/currency_settings.h"
#include "domain/currency/exchange_rate.h"
#include "error_of.h"

#include <doctest/doctest.h>

#include <random>

using namespace commerce;
using json = nlohmann::json;

namespace {

Money m(const char* amount, const char* code) { return Money::parse(amount, code); }
Decimal d(const char* text) { return Decimal::parse(text); }

ExchangeRate rate(const char* base, const char* quote, const char* value) {
    return ExchangeRate{.id = "r", .base = &currency(base), .quote = &currency(quote), .rate = d(value),
                        .effective_ms = 0, .created_ms = 0, .created_by = std::nullopt};
}

std::string reason_of(const Error& error) { return error.details().value("reason", ""); }
std::string field_of(const Error& error) { return error.details().value("field", ""); }

PriceRounding charm(const char* step, const char* ending, std::optional<Decimal> increment = std::nullopt) {
    return PriceRounding{.increment = increment, .mode = RoundingMode::half_even, .charm = Charm{d(step), d(ending)}};
}

}  // namespace

TEST_CASE("a rate multiplies from its base and divides from its quote, rounding once half-even") {
    const ExchangeRate eur_usd = rate("EUR", "USD", "1.0850");
    CHECK(convert(m("10.00", "EUR"), eur_usd) == m("10.85", "USD"));
    CHECK(convert(m("0.10", "EUR"), eur_usd) == m("0.11", "USD"));  // 0.1085
    CHECK(convert(m("10.85", "USD"), eur_usd) == m("10.00", "EUR"));
    CHECK(convert(m("1.00", "USD"), eur_usd) == m("0.92", "EUR"));  // 0.92165...
    // Ties go to the even neighbour: 0.125 -> 0.12, 0.135 -> 0.14.
    CHECK(convert(m("0.25", "EUR"), rate("EUR", "USD", "0.5")) == m("0.12", "USD"));
    CHECK(convert(m("0.27", "EUR"), rate("EUR", "USD", "0.5")) == m("0.14", "USD"));
    CHECK(error_of([&] { convert(m("1.00", "GBP"), eur_usd); }).code() == COMMERCE_ERR_CURRENCY_MISMATCH);
}

TEST_CASE("zero- and three-decimal currencies convert to their own minor units") {
    const ExchangeRate eur_jpy = rate("EUR", "JPY", "162.37");
    CHECK(convert(m("19.99", "EUR"), eur_jpy) == m("3246", "JPY"));  // 3245.7763
    CHECK(convert(m("3246", "JPY"), eur_jpy) == m("19.99", "EUR"));  // 19.9913...
    const ExchangeRate kwd_eur = rate("KWD", "EUR", "2.9803");
    CHECK(convert(m("1.250", "KWD"), kwd_eur) == m("3.73", "EUR"));  // 3.725375
    CHECK(convert(m("10.00", "EUR"), kwd_eur) == m("3.355", "KWD"));  // 3.35536...
    CHECK(convert(m("100", "JPY"), rate("KWD", "JPY", "493.1")) == m("0.203", "KWD"));  // 0.20279...
}

TEST_CASE("a rounding increment and a mode shape the converted price") {
    const ExchangeRate eur_chf = rate("EUR", "CHF", "0.9412");
    const PriceRounding nickel{.increment = d("0.05"), .mode = RoundingMode::half_even, .charm = std::nullopt};
    CHECK(convert(m("10.00", "EUR"), eur_chf, nickel) == m("9.40", "CHF"));  // 9.412
    CHECK(convert(m("10.05", "EUR"), eur_chf, nickel) == m("9.45", "CHF"));  // 9.45906
    const PriceRounding tens_up{.increment = d("10"), .mode = RoundingMode::up, .charm = std::nullopt};
    CHECK(convert(m("19.99", "EUR"), rate("EUR", "JPY", "162.37"), tens_up) == m("3250", "JPY"));
}

TEST_CASE("a charm ending lifts a price to the next amount with that ending, and zero stays zero") {
    const Currency& usd = currency("USD");
    const PriceRounding cents = charm("1", "0.99");
    CHECK(rounded_price(d("12.34"), Decimal(1), usd, cents) == m("12.99", "USD"));
    CHECK(rounded_price(d("12.99"), Decimal(1), usd, cents) == m("12.99", "USD"));
    CHECK(rounded_price(d("13.00"), Decimal(1), usd, cents) == m("13.99", "USD"));
    CHECK(rounded_price(d("0.004"), Decimal(1), usd, cents) == m("0.00", "USD"));  // rounds to zero first
    CHECK(rounded_price(d("0.01"), Decimal(1), usd, cents) == m("0.99", "USD"));
    CHECK(rounded_price(d("12.34"), Decimal(1), usd, charm("10", "9.95")) == m("19.95", "USD"));
    const Currency& jpy = currency("JPY");
    CHECK(rounded_price(d("1234"), Decimal(1), jpy, charm("100", "80")) == m("1280", "JPY"));
    CHECK(rounded_price(d("1281"), Decimal(1), jpy, charm("100", "80")) == m("1380", "JPY"));
    CHECK(rounded_price(d("1234.4"), Decimal(1), jpy, charm("1000", "0")) == m("2000", "JPY"));
    CHECK(rounded_price(d("1.2344"), Decimal(1), currency("KWD"), charm("1", "0.950")) == m("1.950", "KWD"));
    // With an increment the charm sits on the increment's grid: CHF 0.05, ending 0.95.
    CHECK(rounded_price(d("9.412"), Decimal(1), currency("CHF"), charm("1", "0.95", d("0.05"))) == m("9.95", "CHF"));
}

TEST_CASE("a rounding that does not fit its currency is refused with the member's path") {
    const auto refused = [](const PriceRounding& rounding, const char* code) {
        return error_of([&] { check_price_rounding(rounding, currency(code), "presentment[0]"); });
    };
    const Error fine_yen = refused({.increment = d("0.5"), .mode = RoundingMode::half_even, .charm = std::nullopt},
                                   "JPY");
    CHECK(field_of(fine_yen) == "presentment[0].rounding_increment");
    CHECK(reason_of(fine_yen) == "not_on_grid");
    CHECK(reason_of(refused({.increment = d("0"), .mode = RoundingMode::half_even, .charm = std::nullopt}, "EUR")) ==
          "out_of_range");
    CHECK(field_of(refused(charm("1", "1"), "EUR")) == "presentment[0].charm.ending");
    CHECK(reason_of(refused(charm("0", "0"), "EUR")) == "out_of_range");
    CHECK(reason_of(refused(charm("1", "0.999"), "EUR")) == "not_on_grid");
    CHECK(reason_of(refused(charm("1", "0.99", d("0.05")), "CHF")) == "not_on_grid");
    CHECK(reason_of(refused(charm("100", "99.5"), "JPY")) == "not_on_grid");
    check_price_rounding(charm("1", "0.999"), currency("KWD"), "presentment[0]");  // fils: three decimals
}

TEST_CASE("a usable rate has two currencies and a positive exact value") {
    CHECK(reason_of(error_of([] { check_exchange_rate(rate("EUR", "EUR", "1")); })) == "same_currency");
    CHECK(reason_of(error_of([] { check_exchange_rate(rate("EUR", "USD", "0")); })) == "out_of_range");
    CHECK(reason_of(error_of([] { check_exchange_rate(rate("EUR", "USD", "-1.2")); })) == "out_of_range");
    CHECK(reason_of(error_of([] { check_exchange_rate(rate("EUR", "USD", "1.0000000000001")); })) == "precision");
    check_exchange_rate(rate("EUR", "USD", "1.085000000001"));
}

TEST_CASE("currency settings: a base, presentment currencies with their rules, errors by path") {
    const CurrencySettings settings = parse_currency_settings(json::parse(R"({"base": "EUR", "presentment": [
        {"currency": "USD", "charm": {"step": "1", "ending": "0.99"}},
        {"currency": "CHF", "rounding_increment": "0.05", "rounding": "half_up"},
        {"currency": "JPY", "rounding_increment": "10"}]})"));
    CHECK(settings.base->code == "EUR");
    REQUIRE(settings.presentment.size() == 3);
    CHECK(settings.presentment_of(currency("USD"))->rounding.charm->ending == d("0.99"));
    CHECK(settings.presentment_of(currency("CHF"))->rounding.mode == RoundingMode::half_up);
    CHECK(settings.presentment_of(currency("EUR")) == nullptr);
    CHECK(parse_currency_settings(json::parse(R"({"base": "KWD"})")).presentment.empty());

    const auto refused = [](const char* text) { return error_of([&] { parse_currency_settings(json::parse(text)); }); };
    CHECK(reason_of(refused(R"({})")) == "required");
    CHECK(reason_of(refused(R"({"base": "EURO"})")) == "unknown_currency");
    CHECK(reason_of(refused(R"({"base": "EUR", "extra": 1})")) == "unknown_member");
    CHECK(reason_of(refused(R"({"base": "EUR", "presentment": [{"currency": "EUR"}]})")) == "same_as_base");
    CHECK(reason_of(refused(R"({"base": "EUR", "presentment": [{"currency": "USD"}, {"currency": "USD"}]})")) ==
          "duplicate");
    const Error number =
        refused(R"({"base": "EUR", "presentment": [{"currency": "USD", "rounding_increment": 0.05}]})");
    CHECK(field_of(number) == "presentment[0].rounding_increment");
    CHECK(reason_of(number) == "type");
    CHECK(reason_of(refused(R"({"base": "EUR", "presentment": [{"currency": "USD", "rounding": "even"}]})")) ==
          "unknown_mode");
    CHECK(field_of(refused(R"({"base": "EUR", "presentment": [{"currency": "USD", "charm": {"step": "1"}}]})")) ==
          "presentment[0].charm.ending");
}

TEST_CASE("property: converted prices are monotonic, idempotent and a charm never lowers them") {
    std::mt19937_64 random(20261122);
    const char* codes[] = {"JPY", "EUR", "KWD"};
    const char* rates[] = {"162.37", "1.0850", "0.3355", "0.000123456789", "7"};
    for (int round = 0; round < 400; ++round) {
        const std::size_t from_index = random() % 3;
        const Currency& from = currency(codes[from_index]);
        const Currency& to = currency(codes[(from_index + 1 + random() % 2) % 3]);
        const ExchangeRate pair{.id = "r", .base = &from, .quote = &to, .rate = d(rates[random() % 5]),
                                .effective_ms = 0, .created_ms = 0, .created_by = std::nullopt};
        const PriceRounding plain{};
        const char* step = to.exponent == 0 ? "100" : "1";
        const PriceRounding charmed = charm(step, to.exponent == 0 ? "99" : (to.exponent == 2 ? "0.99" : "0.990"));
        const Money a = Money::from_minor(static_cast<int64_t>(random() % 10'000'000), from);
        const Money b = a + Money::from_minor(static_cast<int64_t>(random() % 1000), from);
        for (const PriceRounding* rounding : {&plain, &charmed}) {
            const Money converted_a = convert(a, pair, *rounding);
            CHECK(converted_a <= convert(b, pair, *rounding));  // monotonic
            CHECK(rounded_price(converted_a.amount(), Decimal(1), to, *rounding) == converted_a);  // idempotent
        }
        // A charm only ever lifts the plain conversion, by less than its step.
        const Money lifted = convert(a, pair, charmed), plain_price = convert(a, pair, plain);
        CHECK(lifted >= plain_price);
        CHECK((lifted - plain_price).amount() < d(step));
    }
}
