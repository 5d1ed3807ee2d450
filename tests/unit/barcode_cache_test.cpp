// The barcode cache's rules against a scripted change log: when a kept document may be served, what a catch-up
// drops, which entries are refused, how long reserved stock lets an entry live, and the bound on its size.
#include "domain/catalog/barcode_cache.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace commerce;

namespace {

// A change log as a list of (revision, product id) stamps.
struct ScriptedChanges final : CatalogChanges {
    int64_t now = 1;
    std::vector<std::pair<int64_t, std::string>> stamps;
    std::vector<int64_t> asked_since;

    void change(const std::string& product_id) { stamps.emplace_back(++now, product_id); }
    int64_t revision() override { return now; }
    std::vector<std::string> changed_since(int64_t revision) override {
        asked_since.push_back(revision);
        std::vector<std::string> changed;
        for (const auto& [stamp, product_id] : stamps)
            if (stamp > revision) changed.push_back(product_id);
        return changed;
    }
};

BarcodeCache::Entry entry(const std::string& product_id, const std::string& text = "{}", int64_t made_ms = 0,
                          std::optional<int64_t> until_ms = std::nullopt) {
    return {.product_id = product_id, .document = {"variant_match", text}, .made_ms = made_ms, .until_ms = until_ms};
}

std::optional<std::string> text_of(const BarcodeCache& cache, const std::string& code, int64_t committed,
                                   int64_t now = 0) {
    auto found = cache.find(code, committed, now);
    if (!found) return std::nullopt;
    return found->json;
}

}  // namespace

TEST_CASE("barcode cache: an entry serves scans until a newer commit, and a catch-up drops only changed products") {
    BarcodeCache cache;
    ScriptedChanges log;
    CHECK_FALSE(text_of(cache, "1", log.now));
    const int64_t at = cache.catch_up(log);
    CHECK(log.asked_since.empty());  // nothing kept yet, nothing to drop
    cache.store("1", at, entry("p", "pen"));
    cache.store("2", at, entry("q", "ink"));
    cache.store("3", at, entry("p", "pen refill"));
    CHECK(text_of(cache, "1", at) == "pen");
    CHECK(text_of(cache, "1", at - 1) == "pen");  // a commit older than the cache's state: still true

    log.change("p");
    CHECK_FALSE(text_of(cache, "2", log.now));  // behind the commit: nothing is served until it catches up
    CHECK(cache.catch_up(log) == log.now);
    CHECK(log.asked_since == std::vector<int64_t>{at});
    CHECK_FALSE(text_of(cache, "1", log.now));
    CHECK_FALSE(text_of(cache, "3", log.now));
    CHECK(text_of(cache, "2", log.now) == "ink");
    // Caught up already: the log is not read again.
    CHECK(cache.catch_up(log) == log.now);
    CHECK(log.asked_since.size() == 1);
}

TEST_CASE("barcode cache: an entry made in a snapshot older than the cache's state is refused") {
    BarcodeCache cache;
    ScriptedChanges log;
    const int64_t old_snapshot = cache.catch_up(log);
    log.change("p");  // meanwhile another scan catches up past the change to p...
    cache.catch_up(log);
    cache.store("1", old_snapshot, entry("p", "old price"));  // ...so this one's document may be out of date
    CHECK_FALSE(text_of(cache, "1", log.now));
    cache.store("1", log.now, entry("p", "new price"));
    CHECK(text_of(cache, "1", log.now) == "new price");
}

TEST_CASE("barcode cache: a barcode stored again for another product is dropped with that product only") {
    BarcodeCache cache;
    ScriptedChanges log;
    int64_t at = cache.catch_up(log);
    cache.store("1", at, entry("p", "on p"));
    cache.store("1", at, entry("q", "on q"));  // the barcode moved from p to q
    log.change("p");
    at = cache.catch_up(log);
    CHECK(text_of(cache, "1", at) == "on q");
    log.change("q");
    at = cache.catch_up(log);
    CHECK_FALSE(text_of(cache, "1", at));
}

TEST_CASE("barcode cache: an entry holds from the clock reading it was made at until the next reservation expiry") {
    BarcodeCache cache;
    ScriptedChanges log;
    const int64_t at = cache.catch_up(log);
    cache.store("1", at, entry("p", "3 reserved", 1000, 1600));
    cache.store("2", at, entry("q", "none reserved", 1000));
    CHECK_FALSE(text_of(cache, "1", at, 999));
    CHECK(text_of(cache, "1", at, 1000) == "3 reserved");
    CHECK(text_of(cache, "1", at, 1599) == "3 reserved");
    CHECK_FALSE(text_of(cache, "1", at, 1600));  // the reservation no longer counts at its expiry
    CHECK(text_of(cache, "2", at, 1'000'000'000) == "none reserved");
}

TEST_CASE("barcode cache: past its capacity each new entry replaces one, and the bookkeeping stays whole") {
    BarcodeCache cache;
    ScriptedChanges log;
    int64_t at = cache.catch_up(log);
    const int count = static_cast<int>(BarcodeCache::kCapacity) + 100;
    for (int i = 0; i < count; ++i) cache.store(std::to_string(i), at, entry("p" + std::to_string(i % 7)));
    int kept = 0;
    for (int i = 0; i < count; ++i) kept += text_of(cache, std::to_string(i), at).has_value();
    CHECK(kept == static_cast<int>(BarcodeCache::kCapacity));
    CHECK(text_of(cache, std::to_string(count - 1), at));  // the newest is always kept
    for (int p = 0; p < 7; ++p) log.change("p" + std::to_string(p));
    at = cache.catch_up(log);
    int left = 0;
    for (int i = 0; i < count; ++i) left += text_of(cache, std::to_string(i), at).has_value();
    CHECK(left == 0);
}
