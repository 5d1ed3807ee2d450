// Writes the search benchmarks' catalog: `commerce_search_catalog PATH [PRODUCTS]` creates the store PATH (plain
// file, replaced if present) with PRODUCTS generated products (default 100,000) written as rows with SQL through
// the storage layer, and PATH.queries.json with the requests every search driver times (C ABI, Python), so that
// each language runs exactly the same queries on exactly the same data.
//
// Products: 3-6 word titles and 20-40 word descriptions over a 6,000-word Zipf-like vocabulary, 1-4 of 200 tags,
// 3 attributes, a price in EUR, stock (20% sold out), ratings, sales, a leaf of a 3-level category tree
// (10 x 10 x 5), a German title on 20% of them, and an EAN-13 barcode on every variant.
#include "adapters/storage/sqlite/sqlite_transaction.h"
#include "bench_support.h"
#include "capi/handles.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr int64_t kStart = 1'700'000'000'000;
constexpr std::size_t kQueriesPerKind = 200;

std::string make_word(std::mt19937& random) {
    static const char* syllables[] = {"ka", "lo", "mi", "ra", "te", "su", "no", "vel", "dor", "an", "ri", "zu",
                                      "pe", "gra", "sto", "len", "mar", "qui", "bo", "fen", "tra", "el", "or", "is"};
    std::string word;
    const int count = 2 + static_cast<int>(random() % 3);
    for (int i = 0; i < count; ++i) word += syllables[random() % 24];
    return word;
}

// An EAN-13 for the number n: twelve digits and the GS1 check digit.
std::string ean13(int64_t n) {
    char digits[14];
    std::snprintf(digits, sizeof digits, "200%09lld", static_cast<long long>(n));
    int sum = 0;
    for (int i = 0; i < 12; ++i) sum += (digits[i] - '0') * (i % 2 ? 3 : 1);
    digits[12] = static_cast<char>('0' + (10 - sum % 10) % 10);
    digits[13] = '\0';
    return digits;
}

struct Catalog {
    std::vector<std::string> words;  // by frequency rank
    std::vector<std::string> roots, leaves, barcodes;
};

void insert_categories(commerce::sqlite::Connection& db, Catalog& catalog) {
    auto insert = [&](const std::string& id, const std::string& parent, const std::string& path) {
        db.query("INSERT INTO categories (id, parent_id, slug, name, position, path, created_ms, updated_ms) "
                 "VALUES (?1, ?2, ?1, ?1, 0, ?3, 0, 0)")
            .bind(1, id).bind(2, parent.empty() ? std::optional<std::string>() : parent).bind(3, path).run();
    };
    for (int a = 0; a < 10; ++a) {
        const std::string root = "c" + std::to_string(a);
        catalog.roots.push_back(root);
        insert(root, "", "/" + root + "/");
        for (int b = 0; b < 10; ++b) {
            const std::string mid = root + "-" + std::to_string(b);
            insert(mid, root, "/" + root + "/" + mid + "/");
            for (int c = 0; c < 5; ++c) {
                const std::string leaf = mid + "-" + std::to_string(c);
                catalog.leaves.push_back(leaf);
                insert(leaf, mid, "/" + root + "/" + mid + "/" + leaf + "/");
            }
        }
    }
}

Catalog generate(commerce_engine* engine, int products) {
    Catalog catalog;
    std::mt19937 random(2024);
    while (catalog.words.size() < 6000) {
        std::string word = make_word(random);
        if (std::find(catalog.words.begin(), catalog.words.end(), word) == catalog.words.end())
            catalog.words.push_back(word);
    }
    // Zipf-like: rank r drawn with weight 1/(r+10).
    std::vector<double> weights(catalog.words.size());
    for (std::size_t r = 0; r < weights.size(); ++r) weights[r] = 1.0 / (static_cast<double>(r) + 10.0);
    std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
    auto text = [&](int count) {
        std::string out;
        for (int i = 0; i < count; ++i) out += (i ? " " : "") + catalog.words[pick(random)];
        return out;
    };
    engine->engine->storage().write([&](commerce::Transaction& tx) {
        auto& db = static_cast<commerce::sqlite::SqliteTransaction&>(tx).connection();
        insert_categories(db, catalog);
        const char* platforms[] = {"pc", "ps5", "xbox", "switch", "mobile"};
        const char* colours[] = {"red", "blue", "green", "black", "white", "grey", "pink", "gold", "teal", "navy",
                                 "orange", "purple"};
        for (int i = 0; i < products; ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "p%07d", i);
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
            const std::string barcode = ean13(i);
            db.query("INSERT INTO variants (id, product_id, position, sku, barcode) VALUES (?1, ?1, 0, ?1, ?2)")
                .bind(1, id).bind(2, barcode).run();
            if (catalog.barcodes.size() < 10'000 && random() % 4 == 0) catalog.barcodes.push_back(barcode);
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
                .bind(1, id).bind(2, catalog.leaves[random() % catalog.leaves.size()]).run();
            if (random() % 5 == 0)
                db.query("INSERT INTO product_translations (product_id, locale, title) VALUES (?1, 'de', ?2)")
                    .bind(1, id).bind(2, text(3)).run();
        }
    });
    return catalog;
}

// Two filters (a root category and a price range) and every facet, as a shop's search page asks.
json filtered(const Catalog& catalog, std::size_t i, const std::string& q) {
    return {{"q", q}, {"currency", "EUR"},
            {"filters", {{"category_id", catalog.roots[i % catalog.roots.size()]},
                         {"price", {{"min", "5.00"}, {"max", "300.00"}}}}},
            {"facets", {"categories", "tags", "attributes", "price"}}, {"limit", 20}};
}

// The timed requests, by kind. Words of ranks 0..99 are the frequent ones, whose posting lists are the longest.
json queries(commerce_engine* engine, const Catalog& catalog) {
    json out = json::object();
    const auto& words = catalog.words;
    for (std::size_t i = 0; i < kQueriesPerKind; ++i) {
        out["one_word"].push_back(filtered(catalog, i, words[(i * 7) % 100] + " ").dump());
        out["two_words"].push_back(
            filtered(catalog, i, words[(i * 7) % 100] + " " + words[(i * 13 + 5) % 300] + " ").dump());
        // Typing: the first three letters of a frequent word, which expand to up to 64 terms.
        out["prefix"].push_back(filtered(catalog, i, words[(i * 7) % 100].substr(0, 3)).dump());
        std::string typo = words[(i * 7) % 100 + 100];
        std::swap(typo[1], typo[2]);
        out["typo"].push_back(filtered(catalog, i, typo + " ").dump());
    }
    // A category page sorted by price, third page by cursor: the cursor of page 2 is fetched here, untimed.
    for (std::size_t c = 0; c < kQueriesPerKind / 4; ++c) {
        const std::string& leaf = catalog.leaves[c * 7 % catalog.leaves.size()];
        json query = {{"currency", "EUR"}, {"sort", "price_asc"}, {"limit", 24},
                      {"filters", {{"category_id", leaf.substr(0, leaf.rfind('-'))}}}};
        for (int page = 0; page < 2; ++page) {
            const json result = call([&](commerce_doc** doc) { return commerce_search(doc, engine, query.dump().c_str()); });
            query["after"] = result["next"];
        }
        out["category_page3"].push_back(query.dump());
    }
    out["barcodes"] = catalog.barcodes;
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point begin) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: %s PATH [PRODUCTS]\n", argv[0]);
        return 2;
    }
    const std::string path = argv[1];
    const int products = argc == 3 ? std::stoi(argv[2]) : 100'000;
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    commerce_engine* engine = nullptr;
    const json config = {{"path", path}, {"durability", "normal"}};
    if (commerce_engine_open(&engine, config.dump().c_str()) != COMMERCE_OK) {
        std::fprintf(stderr, "%s\n", commerce_last_error_message());
        return 1;
    }
    auto begin = std::chrono::steady_clock::now();
    const Catalog catalog = generate(engine, products);
    const double generate_s = seconds_since(begin);
    begin = std::chrono::steady_clock::now();
    std::ofstream(path + ".queries.json") << queries(engine, catalog).dump();
    std::printf("catalog %s: %d products generated in %.1f s; queries written in %.1f s (the first builds the index)\n",
                path.c_str(), products, generate_s, seconds_since(begin));
    commerce_engine_free(engine);
    return 0;
}
