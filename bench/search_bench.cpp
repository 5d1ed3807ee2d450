// Search latency through the C ABI on 100,000 generated products (p50/p99 per query kind), and how long it
// takes to generate them with bulk SQL and to build the in-memory index on the first search.
//
// Products: 3-6 word titles and 20-40 word descriptions over a 6,000-word Zipf-like vocabulary, 1-4 of 200
// tags, 3 attributes, a price in EUR, stock (20% sold out), ratings, sales, a leaf of a 3-level category tree
// (10 x 10 x 5), and a German title on 20% of them.
#include "adapters/storage/sqlite/sqlite_transaction.h"
#include "bench_support.h"
#include "capi/handles.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr int kProducts = 100'000;
constexpr int64_t kStart = 1'700'000'000'000;

struct Fixture {
    commerce_engine* engine = nullptr;
    std::vector<std::string> words;  // by frequency rank
    std::vector<std::string> leaves, roots;
    double generate_s = 0, first_search_s = 0;
};

std::string make_word(std::mt19937& random) {
    static const char* syllables[] = {"ka", "lo", "mi", "ra", "te", "su", "no", "vel", "dor", "an", "ri", "zu",
                                      "pe", "gra", "sto", "len", "mar", "qui", "bo", "fen", "tra", "el", "or", "is"};
    std::string word;
    const int count = 2 + static_cast<int>(random() % 3);
    for (int i = 0; i < count; ++i) word += syllables[random() % 24];
    return word;
}

Fixture& fixture() {
    static Fixture f = [] {
        Fixture f;
        const std::string path = "/tmp/commerce-search-bench.db";
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
        json config = {{"path", path}, {"durability", "normal"}};
        if (commerce_engine_open(&f.engine, config.dump().c_str()) != COMMERCE_OK) throw std::runtime_error("open");
        std::mt19937 random(2024);
        std::vector<std::string> unique;
        while (f.words.size() < 6000) {
            std::string word = make_word(random);
            if (std::find(f.words.begin(), f.words.end(), word) == f.words.end()) f.words.push_back(word);
        }
        // Zipf-like: rank r drawn with weight 1/(r+10).
        std::vector<double> weights(f.words.size());
        for (std::size_t r = 0; r < weights.size(); ++r) weights[r] = 1.0 / (static_cast<double>(r) + 10.0);
        std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
        auto text = [&](int count) {
            std::string out;
            for (int i = 0; i < count; ++i) out += (i ? " " : "") + f.words[pick(random)];
            return out;
        };
        const auto begin = std::chrono::steady_clock::now();
        f.engine->engine->storage().write([&](commerce::Transaction& tx) {
            auto& db = static_cast<commerce::sqlite::SqliteTransaction&>(tx).connection();
            for (int a = 0; a < 10; ++a) {
                const std::string root = "c" + std::to_string(a);
                f.roots.push_back(root);
                db.query("INSERT INTO categories (id, parent_id, slug, name, position, path, created_ms, updated_ms) "
                         "VALUES (?1, NULL, ?1, ?1, 0, '/' || ?1 || '/', 0, 0)").bind(1, root).run();
                for (int b = 0; b < 10; ++b) {
                    const std::string mid = root + "-" + std::to_string(b);
                    db.query("INSERT INTO categories (id, parent_id, slug, name, position, path, created_ms, updated_ms) "
                             "VALUES (?1, ?2, ?1, ?1, 0, '/' || ?2 || '/' || ?1 || '/', 0, 0)")
                        .bind(1, mid).bind(2, root).run();
                    for (int c = 0; c < 5; ++c) {
                        const std::string leaf = mid + "-" + std::to_string(c);
                        f.leaves.push_back(leaf);
                        db.query("INSERT INTO categories (id, parent_id, slug, name, position, path, created_ms, "
                                 "updated_ms) VALUES (?1, ?2, ?1, ?1, 0, '/' || ?3 || '/' || ?2 || '/' || ?1 || '/', 0, 0)")
                            .bind(1, leaf).bind(2, mid).bind(3, root).run();
                    }
                }
            }
            const char* platforms[] = {"pc", "ps5", "xbox", "switch", "mobile"};
            const char* colours[] = {"red", "blue", "green", "black", "white", "grey", "pink", "gold", "teal", "navy",
                                     "orange", "purple"};
            for (int i = 0; i < kProducts; ++i) {
                char id[32];
                std::snprintf(id, sizeof id, "p%06d", i);
                json attributes = {{"platform", platforms[random() % 5]}, {"colour", colours[random() % 12]},
                                   {"brand", "brand" + std::to_string(random() % 300)}};
                const int64_t rating_count = random() % 20;
                db.query("INSERT INTO products (id, slug, kind, status, title, description, attributes, rating_sum, "
                         "rating_count, units_sold, version, created_ms, updated_ms) "
                         "VALUES (?1, ?1, 'physical', 'published', ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)")
                    .bind(1, id).bind(2, text(3 + static_cast<int>(random() % 4)))
                    .bind(3, text(20 + static_cast<int>(random() % 21))).bind(4, attributes.dump())
                    .bind(5, rating_count * (1 + static_cast<int64_t>(random() % 5))).bind(6, rating_count)
                    .bind(7, static_cast<int64_t>(random() % 10000)).bind(8, kStart + i).run();
                db.query("INSERT INTO variants (id, product_id, position, sku) VALUES (?1, ?1, 0, ?1)").bind(1, id).run();
                db.query("INSERT INTO variant_prices VALUES (?1, 'EUR', ?2)")
                    .bind(1, id).bind(2, static_cast<int64_t>(100 + random() % 49900)).run();
                if (random() % 5 != 0)
                    db.query("INSERT INTO stock_levels VALUES (?1, 'default', ?2)")
                        .bind(1, id).bind(2, static_cast<int64_t>(1 + random() % 20)).run();
                const int tags = 1 + static_cast<int>(random() % 4);
                for (int t = 0; t < tags; ++t)
                    db.query("INSERT OR IGNORE INTO product_tags VALUES (?1, ?2)")
                        .bind(1, id).bind(2, "tag" + std::to_string(random() % 200)).run();
                db.query("INSERT INTO product_categories VALUES (?1, ?2)")
                    .bind(1, id).bind(2, f.leaves[random() % f.leaves.size()]).run();
                if (random() % 5 == 0)
                    db.query("INSERT INTO product_translations (product_id, locale, title) VALUES (?1, 'de', ?2)")
                        .bind(1, id).bind(2, text(3)).run();
            }
        });
        f.generate_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        const auto first = std::chrono::steady_clock::now();
        call([&](commerce_doc** doc) { return commerce_search(doc, f.engine, R"({"q":"warmup"})"); });
        f.first_search_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - first).count();
        return f;
    }();
    return f;
}

// Runs the query that make(i) builds for iteration i and reports p50/p99 of the wall time per call.
template <typename Make>
void timed(benchmark::State& state, Make&& make) {
    Fixture& f = fixture();
    std::vector<double> micros;
    std::size_t i = 0, total = 0;
    for (auto _ : state) {
        const std::string query = make(f, i++);
        const auto begin = std::chrono::steady_clock::now();
        commerce_doc* doc = nullptr;
        if (commerce_search(&doc, f.engine, query.c_str()) != COMMERCE_OK)
            throw std::runtime_error(commerce_last_error_message());
        const auto end = std::chrono::steady_clock::now();
        total += std::string_view(commerce_doc_json(doc)).size();
        commerce_doc_free(doc);
        micros.push_back(std::chrono::duration<double, std::micro>(end - begin).count());
    }
    std::sort(micros.begin(), micros.end());
    auto at = [&](double q) { return micros[std::min(micros.size() - 1, static_cast<std::size_t>(q * micros.size()))]; };
    state.counters["p50_us"] = at(0.50);
    state.counters["p99_us"] = at(0.99);
    state.counters["max_us"] = micros.back();
    state.counters["generate_s"] = f.generate_s;
    state.counters["first_search_s"] = f.first_search_s;
    benchmark::DoNotOptimize(total);
}

// Two filters (a root category and a price range) and every facet, as a shop's search page asks.
json filtered(const Fixture& f, std::size_t i, const std::string& q) {
    return {{"q", q}, {"currency", "EUR"},
            {"filters", {{"category_id", f.roots[i % f.roots.size()]}, {"price", {{"min", "5.00"}, {"max", "300.00"}}}}},
            {"facets", {"categories", "tags", "attributes", "price"}}, {"limit", 20}};
}

// Words of ranks 0..99: the frequent ones, whose posting lists are the longest.
void one_word(benchmark::State& state) {
    timed(state, [](const Fixture& f, std::size_t i) { return filtered(f, i, f.words[(i * 7) % 100] + " ").dump(); });
}
void two_words(benchmark::State& state) {
    timed(state, [](const Fixture& f, std::size_t i) {
        return filtered(f, i, f.words[(i * 7) % 100] + " " + f.words[(i * 13 + 5) % 300] + " ").dump();
    });
}
// Typing: the first three letters of a frequent word, which expand to up to 64 terms.
void prefix(benchmark::State& state) {
    timed(state, [](const Fixture& f, std::size_t i) { return filtered(f, i, f.words[(i * 7) % 100].substr(0, 3)).dump(); });
}
void typo(benchmark::State& state) {
    timed(state, [](const Fixture& f, std::size_t i) {
        std::string word = f.words[(i * 7) % 100 + 100];
        std::swap(word[1], word[2]);
        return filtered(f, i, word + " ").dump();
    });
}
// A category page sorted by price, third page by cursor (the cursor of page 2 is fetched outside the timing).
void category_page3(benchmark::State& state) {
    Fixture& f = fixture();
    std::vector<std::string> queries;
    for (std::size_t c = 0; c < 50; ++c) {
        json query = {{"currency", "EUR"}, {"sort", "price_asc"}, {"limit", 24},
                      {"filters", {{"category_id", f.leaves[c * 7 % f.leaves.size()].substr(0, 4)}}}};
        for (int page = 0; page < 2; ++page) {
            const json result = call([&](commerce_doc** doc) { return commerce_search(doc, f.engine, query.dump().c_str()); });
            query["after"] = result["next"];
        }
        queries.push_back(query.dump());
    }
    timed(state, [&](const Fixture&, std::size_t i) { return queries[i % queries.size()]; });
}

}  // namespace

BENCHMARK(one_word)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(two_words)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(prefix)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(typo)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK(category_page3)->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK_MAIN();
