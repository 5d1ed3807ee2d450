// The storage contract of exchange rates, for every SQLite configuration: in-memory, plain file and encrypted
// file. The rate in force at a moment is the pair's latest by effective time; a later record for the same moment
// corrects an earlier one; the rate comes back exactly as written.
#include "adapters/storage/sqlite/sqlite_storage.h"
#include "samples.h"

#include <doctest/doctest.h>

using namespace commerce;
using commerce::test::TempDir;

namespace {

ExchangeRate rate(const char* id, const char* base, const char* quote, const char* value, int64_t effective_ms) {
    return ExchangeRate{.id = id, .base = &currency(base), .quote = &currency(quote), .rate = Decimal::parse(value),
                        .effective_ms = effective_ms, .created_ms = 1, .created_by = std::nullopt};
}

std::string in_force(Transaction& tx, const char* base, const char* quote, int64_t at_ms) {
    const auto found = tx.exchange_rates().in_force(currency(base), currency(quote), at_ms);
    return found ? found->id + "=" + found->rate.to_string() : "none";
}

void run_contract(sqlite::Options options) {
    sqlite::SqliteStorage storage(options);
    storage.write([](Transaction& tx) {
        // Ids are time-ordered: r3 was recorded after r2, for the same moment.
        tx.exchange_rates().insert(rate("r1", "EUR", "USD", "1.0850", 100));
        tx.exchange_rates().insert(rate("r2", "EUR", "USD", "1.0900", 200));
        tx.exchange_rates().insert(rate("r3", "EUR", "USD", "1.0910", 200));
        tx.exchange_rates().insert(rate("r4", "EUR", "USD", "2", 300));
        tx.exchange_rates().insert(rate("r5", "EUR", "JPY", "162.370000000000", 0));
    });
    storage.read([](Transaction& tx) {
        CHECK(in_force(tx, "EUR", "USD", 99) == "none");
        CHECK(in_force(tx, "EUR", "USD", 100) == "r1=1.0850");
        CHECK(in_force(tx, "EUR", "USD", 250) == "r3=1.0910");
        CHECK(in_force(tx, "EUR", "USD", 300) == "r4=2");
        CHECK(in_force(tx, "USD", "EUR", 300) == "none");  // a pair is directed; flows read it backwards
        CHECK(in_force(tx, "EUR", "JPY", 5) == "r5=162.370000000000");

        const auto newest = tx.exchange_rates().page({.base = nullptr, .quote = nullptr, .before_id = "", .limit = 2});
        REQUIRE(newest.size() == 2);
        CHECK(newest[0].id == "r5");
        CHECK(newest[1].id == "r4");
        const auto older = tx.exchange_rates().page({.base = nullptr, .quote = nullptr, .before_id = "r4", .limit = 9});
        CHECK(older.size() == 3);
        const auto yen = tx.exchange_rates().page({.base = nullptr, .quote = &currency("JPY"), .before_id = "",
                                                   .limit = 9});
        REQUIRE(yen.size() == 1);
        CHECK(yen[0].base->code == "EUR");
    });
}

}  // namespace

TEST_CASE("exchange rate storage contract: in-memory") { run_contract({.path = ":memory:"}); }

TEST_CASE("exchange rate storage contract: plain file") {
    TempDir dir;
    run_contract({.path = (dir.path / "plain.db").string()});
}

TEST_CASE("exchange rate storage contract: encrypted file") {
    TempDir dir;
    run_contract({.path = (dir.path / "secret.db").string(), .key = "kiosk key"});
}
