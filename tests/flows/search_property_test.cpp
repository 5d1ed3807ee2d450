// Search checked against a brute-force model on random data (docs/search.md is the spec the model follows).
//
// A catalog of 150 products over a 12-word vocabulary (so words collide, with accented spellings that must fold
// alike), a 3-level category tree, tags, attributes, one or two variants each with an EUR price, stock with live
// and expired reservations or licence keys, ratings, sales, and scheduled, plain and archived drafts. Each round
// asks random requests with every filter, every facet and a random sort, walks every page by cursor, and compares
// totals, facets, items and order with the model; then it writes randomly through SQL and the index hook, as the
// catalog does, and sometimes moves the clock, so later rounds run on an index full of stale slots.
//
// Only the base text is used (no translations). The order of a relevance sort with words is BM25F's, which the
// model does not recompute: there the set of products across the pages is compared.
#include "search_fixture.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace commerce;
using namespace search_fixture;

namespace {

constexpr int kProducts = 150;
constexpr int kRounds = 40;
constexpr int kRequestsPerRound = 6;
constexpr int kWritesPerRound = 6;
constexpr int64_t kSecond = 1000;
// Publish times, reservation expiries and clock steps fall on one grid, so that "now" often meets them exactly.
constexpr int64_t kTick = 30 * kSecond;

// Each word's folded form first, then spellings that must fold to it. "ring" is a prefix of "ringlet"; "ember" is
// also a tag; "carnival" is long enough for two typo edits. The last word, "quests", comes and goes through one
// write of its own (random texts never hold it), so that at times only stale rows hold it: a query for it must
// then be corrected to "quest", not found among the stale rows.
const std::vector<std::vector<std::string>> kWords = {
    {"cafe", "Café", "CAFÉ", "café"}, {"creme", "crème", "Crème"}, {"naive", "naïve", "NAÏVE"}, {"ring", "Ring"},
    {"ringlet", "Ringlet"}, {"lantern", "Lantern"}, {"dragon", "DRAGON"}, {"quest", "Quest"}, {"pixel", "Pixel"},
    {"ember", "Ember"}, {"carnival", "Carnival"}, {"quests", "Quests"}};
const std::vector<std::string> kFillers = {"with", "and", "the"};  // only in descriptions
const std::vector<std::string> kSeparators = {" ", " ", " ", ": ", "-", ", "};
const std::vector<std::string> kTags = {"indie", "co-op", "retro", "sale", "gift", "eco", "bundle", "ember"};
const std::map<std::string, std::vector<std::string>> kAttributes = {
    {"platform", {"pc", "ps5", "switch", "xbox"}}, {"colour", {"red", "green", "blue", "black", "white"}}};
// Single-token words of tags and attributes, also asked for: their fields are indexed too.
const std::vector<std::string> kOtherWords = {"indie", "co", "op", "retro", "platform", "colour", "pc", "ps5", "red"};
// EUR cents: on and around the default price facet bounds (10, 25, 50, 100, 250 EUR), with ties.
const std::vector<int64_t> kPrices = {99, 500, 999, 1000, 1001, 2499, 2500, 4999, 5000, 9999,
                                      10000, 24999, 25000, 30000};
const std::vector<int64_t> kBuckets = {1000, 2500, 5000, 10000, 25000};
const std::vector<std::string> kSorts = {"relevance", "price_asc", "price_desc", "newest", "rating", "best_selling"};

struct Category {
    std::string id, name, parent;
};
const std::vector<Category> kCategories = {
    {"games", "Games", ""},        {"rpg", "Role-playing", "games"}, {"jrpg", "JRPG", "rpg"},
    {"arpg", "Action RPG", "rpg"}, {"puzzle", "Puzzle", "games"},   {"logic", "Logic", "puzzle"},
    {"home", "Home", ""},          {"kitchen", "Kitchen", "home"},  {"tea", "Tea", "kitchen"},
    {"garden", "Garden", "home"}};

// Whether a byte of the text this test writes separates words: ASCII other than letters and digits (every
// non-ASCII character here is an accented letter).
bool separator(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x80 && !std::isalnum(byte);
}

// The folded tokens of a text, as FTS5's unicode61 with remove_diacritics 2 gives them for the characters this test
// writes: ASCII letters and digits lowercased, the accented letters of kWords without their accent.
std::vector<std::string> tokens(std::string_view text) {
    static const std::map<std::string, char, std::less<>> kAccented = {
        {"é", 'e'}, {"É", 'e'}, {"è", 'e'}, {"ï", 'i'}, {"Ï", 'i'}};
    std::vector<std::string> out;
    std::string current;
    auto finish = [&] {
        if (!current.empty()) out.push_back(std::move(current));
        current.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {  // every accented letter here is two bytes of UTF-8
            const auto it = kAccented.find(text.substr(i, 2));
            REQUIRE(it != kAccented.end());
            current += it->second;
            i += 2;
        } else {
            if (separator(text[i])) finish();
            else current += static_cast<char>(std::tolower(byte));
            ++i;
        }
    }
    finish();
    return out;
}

// Optimal string alignment distance (insert, delete, substitute, swap neighbours); folded terms are ASCII.
int osa_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

// Typo tolerance: no edit below 4 letters, 1 for 4-7, 2 from 8.
int allowed_edits(std::size_t letters) { return letters < 4 ? 0 : letters < 8 ? 1 : 2; }

std::string amount(int64_t cents) { return fmt::format("{}.{:02}", cents / 100, cents % 100); }
json money(int64_t cents) { return {{"amount", amount(cents)}, {"currency", "EUR"}}; }

// The average rating with 2 decimals, half-even.
std::string average(int64_t sum, int64_t count) {
    if (count == 0) return "0.00";
    int64_t hundredths = sum * 100 / count;
    const int64_t twice_remainder = 2 * (sum * 100 % count);
    if (twice_remainder > count || (twice_remainder == count && hundredths % 2 == 1)) ++hundredths;
    return amount(hundredths);
}

struct Reservation {
    std::string id;
    int64_t quantity = 0, expires_ms = 0;
};

struct Variant {
    std::optional<int64_t> price;  // EUR cents
    int64_t on_hand = 0;
    std::vector<Reservation> reservations;
    int64_t keys = 0, keys_sold = 0;  // a digital variant's licence keys, the first keys_sold handed to orders
};

struct Product {
    std::string id, kind = "physical", status = "published", title, description;
    std::optional<int64_t> publish_at;
    std::set<std::string> tags, categories;
    std::map<std::string, std::vector<std::string>> attributes;
    std::vector<Variant> variants;
    int64_t rating_sum = 0, rating_count = 0, units_sold = 0, created_ms = 0;

    std::string variant_id(std::size_t index) const { return fmt::format("{}-v{}", id, index); }

    // What can ever be shown: these products are indexed, and their rows count for a word's frequency (scheduled
    // drafts included). The words of the products visible now are the vocabulary a query may use.
    bool indexed() const { return status == "published" || (status == "draft" && publish_at); }
    bool visible(int64_t now) const {
        return status == "published" || (status == "draft" && publish_at && *publish_at <= now);
    }

    std::optional<int64_t> lowest_price() const {
        std::optional<int64_t> lowest;
        for (const auto& variant : variants)
            if (variant.price && (!lowest || *variant.price < *lowest)) lowest = variant.price;
        return lowest;
    }

    bool in_stock(int64_t now) const {
        for (const auto& variant : variants) {
            if (kind == "digital") {
                if (variant.keys == 0 || variant.keys_sold < variant.keys) return true;
                continue;
            }
            int64_t available = variant.on_hand;
            for (const auto& reservation : variant.reservations)
                if (reservation.expires_ms > now) available -= reservation.quantity;
            if (available > 0) return true;
        }
        return false;
    }

    // The folded words of the title, description, tags and attribute names and values.
    std::set<std::string> terms() const {
        std::set<std::string> out;
        auto add = [&](std::string_view text) {
            for (auto& token : tokens(text)) out.insert(std::move(token));
        };
        add(title);
        add(description);
        for (const auto& tag : tags) add(tag);
        for (const auto& [name, values] : attributes) {
            for (const auto& value : values) {
                add(name);
                add(value);
            }
        }
        return out;
    }

    json attributes_json() const {
        json out = json::object();
        for (const auto& [name, values] : attributes) out[name] = values.size() == 1 ? json(values[0]) : json(values);
        return out;
    }
};

struct QueryWord {
    std::string text;  // folded
    bool prefix = false;
};

struct Request {
    std::string q;
    std::optional<std::string> category;
    std::vector<std::string> tags;
    std::map<std::string, std::vector<std::string>> attributes;
    std::optional<int64_t> price_min, price_max, min_rating;
    bool in_stock = false;
    std::string sort;
    int64_t limit = 20;

    json body() const {
        json out = {{"q", q}, {"currency", "EUR"}, {"facets", {"categories", "tags", "attributes", "price"}},
                    {"sort", sort}, {"limit", limit}};
        json filters = json::object();
        if (category) filters["category_id"] = *category;
        if (!tags.empty()) filters["tags"] = tags;
        if (!attributes.empty()) {
            json wanted = json::object();
            for (const auto& [name, values] : attributes)
                wanted[name] = values.size() == 1 ? json(values[0]) : json(values);
            filters["attributes"] = std::move(wanted);
        }
        if (price_min || price_max) {
            json price = json::object();
            if (price_min) price["min"] = amount(*price_min);
            if (price_max) price["max"] = amount(*price_max);
            filters["price"] = std::move(price);
        }
        if (min_rating) filters["min_rating"] = *min_rating;
        if (in_stock) filters["in_stock"] = true;
        if (!filters.empty()) out["filters"] = std::move(filters);
        return out;
    }

    // The query's words as docs/search.md defines them: folded tokens, duplicates dropped, the last one a prefix
    // when the text does not end with a separator.
    std::vector<QueryWord> words() const {
        const auto folded = tokens(q);
        std::vector<QueryWord> out;
        for (std::size_t i = 0; i < folded.size(); ++i) {
            const QueryWord word{folded[i], i + 1 == folded.size() && !separator(q.back())};
            auto same = [&](const QueryWord& seen) { return seen.text == word.text && seen.prefix == word.prefix; };
            if (std::none_of(out.begin(), out.end(), same)) out.push_back(word);
        }
        return out;
    }
};

// What the test exercised, so that a generator drifting into trivial requests fails rather than passes vacuously.
struct Coverage {
    int requests = 0, found = 0, several_pages = 0, corrected = 0, prefixes = 0, in_stock_differs = 0;
};

class Run {
public:
    explicit Run(uint32_t seed) : random_(seed), engine_(Engine::open(engine_config().dump().c_str())) {}

    void build() {
        for (const auto& category : kCategories) {
            add_category(*engine_, category.id, category.name, category.parent);
            category_names_[category.id] = category.name;
        }
        for (int i = 0; i < kProducts; ++i) create_product();
    }

    void next_round() { ++round_; }

    // One random write through SQL, as a module of the engine would make it, mirrored in the model.
    void write_randomly() {
        Product& p = std::next(products_.begin(), static_cast<std::ptrdiff_t>(pick(products_.size())))->second;
        const std::size_t v = pick(p.variants.size());
        Variant& variant = p.variants[v];
        const std::string variant_id = p.variant_id(v);
        switch (pick(14)) {
            case 0:
                variant.price = chance(0.15) ? std::nullopt : std::optional<int64_t>(one_of(kPrices));
                change(p, [&](sqlite::Connection& db) {
                    db.query("DELETE FROM variant_prices WHERE variant_id = ?1").bind(1, variant_id).run();
                    if (variant.price) insert_price(db, variant_id, *variant.price);
                });
                break;
            case 1:  // stock, or a licence key handed to an order
                if (p.kind == "digital") {
                    if (variant.keys_sold == variant.keys) break;
                    change(p, [&](sqlite::Connection& db) {
                        db.query("UPDATE licence_keys SET order_id = 'o1' WHERE id = ?1")
                            .bind(1, key_id(variant_id, variant.keys_sold))
                            .run();
                    });
                    ++variant.keys_sold;
                    break;
                }
                variant.on_hand = chance(0.4) ? 0 : 1 + pick(5);
                change(p, [&](sqlite::Connection& db) {
                    db.query("INSERT INTO stock_levels VALUES (?1, 'default', ?2) "
                             "ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = excluded.on_hand")
                        .bind(1, variant_id)
                        .bind(2, variant.on_hand)
                        .run();
                });
                break;
            case 2:  // a reservation made or released, or a licence key imported
                if (p.kind == "digital") {
                    change(p, [&](sqlite::Connection& db) { insert_key(db, variant_id, variant.keys, false); });
                    ++variant.keys;
                } else if (!variant.reservations.empty() && chance(0.4)) {
                    const auto released = variant.reservations.begin() + pick(variant.reservations.size());
                    change(p, [&](sqlite::Connection& db) {
                        db.query("DELETE FROM stock_reservations WHERE id = ?1").bind(1, released->id).run();
                    });
                    variant.reservations.erase(released);
                } else {
                    variant.reservations.push_back(random_reservation());
                    change(p, [&](sqlite::Connection& db) {
                        insert_reservation(db, variant_id, variant.reservations.back());
                    });
                }
                break;
            case 3:
                if (!p.tags.empty() && chance(0.5)) {
                    const std::string tag = *std::next(p.tags.begin(), pick(p.tags.size()));
                    change(p, [&](sqlite::Connection& db) {
                        db.query("DELETE FROM product_tags WHERE product_id = ?1 AND tag = ?2")
                            .bind(1, p.id).bind(2, tag).run();
                    });
                    p.tags.erase(tag);
                } else {
                    const std::string tag = one_of(kTags);
                    change(p, [&](sqlite::Connection& db) {
                        db.query("INSERT OR IGNORE INTO product_tags VALUES (?1, ?2)").bind(1, p.id).bind(2, tag).run();
                    });
                    p.tags.insert(tag);
                }
                break;
            case 4:
                p.title = random_text(1, 3, false);
                change(p, [&](sqlite::Connection& db) {
                    db.query("UPDATE products SET title = ?2 WHERE id = ?1").bind(1, p.id).bind(2, p.title).run();
                });
                break;
            case 5:
                p.description = random_text(0, 4, true);
                change(p, [&](sqlite::Connection& db) {
                    db.query("UPDATE products SET description = ?2 WHERE id = ?1")
                        .bind(1, p.id).bind(2, p.description).run();
                });
                break;
            case 6:  // archived, published (a stale publish time is ignored), scheduled, or back to a plain draft
                random_status(p);
                change(p, [&](sqlite::Connection& db) {
                    db.query("UPDATE products SET status = ?2, publish_at_ms = ?3 WHERE id = ?1")
                        .bind(1, p.id).bind(2, p.status).bind(3, p.publish_at).run();
                });
                break;
            case 7:  // an approved review
                p.rating_sum += 1 + pick(5);
                ++p.rating_count;
                change(p, [&](sqlite::Connection& db) {
                    db.query("UPDATE products SET rating_sum = ?2, rating_count = ?3 WHERE id = ?1")
                        .bind(1, p.id).bind(2, p.rating_sum).bind(3, p.rating_count).run();
                });
                break;
            case 8:
                p.units_sold += pick(20);
                change(p, [&](sqlite::Connection& db) {
                    db.query("UPDATE products SET units_sold = ?2 WHERE id = ?1")
                        .bind(1, p.id).bind(2, p.units_sold).run();
                });
                break;
            case 9:
                p.attributes = random_attributes();
                change(p, [&](sqlite::Connection& db) {
                    db.query("UPDATE products SET attributes = ?2 WHERE id = ?1")
                        .bind(1, p.id).bind(2, p.attributes_json().dump()).run();
                });
                break;
            case 10:
                p.categories = random_categories();
                change(p, [&](sqlite::Connection& db) {
                    db.query("DELETE FROM product_categories WHERE product_id = ?1").bind(1, p.id).run();
                    insert_categories(db, p);
                });
                break;
            case 11: {  // deleted, and another product created (at a fresh slot, with a later id)
                const std::string id = p.id;
                engine_->write([&](Transaction& tx) {
                    sql(tx).query("DELETE FROM products WHERE id = ?1").bind(1, id).run();
                    tx.search_index().product_removed(id);
                });
                products_.erase(id);
                create_product();
                break;
            }
            case 12: {  // the rare word taken off the title that holds it, else written into this one
                auto holds_rare = [](const Product& product) {
                    const auto words = tokens(product.title);
                    return std::find(words.begin(), words.end(), kWords.back()[0]) != words.end();
                };
                Product* target = &p;
                for (auto& [id, product] : products_)
                    if (holds_rare(product)) target = &product;
                target->title =
                    holds_rare(*target) ? random_text(1, 3, false) : target->title + " " + one_of(kWords.back());
                change(*target, [&](sqlite::Connection& db) {
                    db.query("UPDATE products SET title = ?2 WHERE id = ?1")
                        .bind(1, target->id).bind(2, target->title).run();
                });
                break;
            }
            case 13: {  // a category renamed: the facet's label follows (the categories trigger, no product hook)
                const std::string& id = one_of(kCategories).id;
                category_names_[id] = fmt::format("{} {}", one_of(kCategories).name, round_);
                engine_->write([&](Transaction& tx) {
                    sql(tx).query("UPDATE categories SET name = ?2 WHERE id = ?1")
                        .bind(1, id).bind(2, category_names_[id]).run();
                });
                break;
            }
        }
    }

    // Time passes between some rounds: reservations lapse and scheduled drafts come due, without a write.
    void maybe_advance_clock() {
        if (!chance(0.4)) return;
        const int64_t delta = pick(5) * kTick;
        engine_->manual_clock().advance(delta);
        now_ += delta;
    }

    Request random_request() {
        Request request;
        request.q = random_q();
        if (chance(0.3)) request.category = chance(0.1) ? "nowhere" : one_of(kCategories).id;
        for (int n = std::vector<int>{0, 0, 0, 0, 0, 0, 1, 1, 1, 2}[pick(10)]; n > 0; --n) {
            const std::string tag = chance(0.05) ? "unknown" : one_of(kTags);
            if (std::find(request.tags.begin(), request.tags.end(), tag) == request.tags.end())
                request.tags.push_back(tag);
        }
        if (chance(0.3)) {
            const auto& [name, values] = *std::next(kAttributes.begin(), pick(kAttributes.size()));
            std::set<std::string> wanted;
            for (int n = 1 + pick(2); n > 0; --n) wanted.insert(chance(0.1) ? "beige" : one_of(values));
            request.attributes[name].assign(wanted.begin(), wanted.end());
        }
        if (chance(0.25)) {
            int64_t low = one_of(kPrices), high = one_of(kPrices);
            if (low > high) std::swap(low, high);
            if (chance(0.7)) request.price_min = low;
            if (chance(0.7) || !request.price_min) request.price_max = high;
        }
        if (chance(0.2)) request.min_rating = pick(6);
        request.in_stock = chance(0.3);
        request.sort = one_of(kSorts);
        request.limit = 1 + pick(10);
        return request;
    }

    // Runs the request, walks every page by cursor, and compares each page with the model.
    void check(const Request& request) {
        const json body = request.body();
        INFO("round ", round_, ", clock at start + ", (now_ - kStart) / kSecond, " s, request ", body.dump());
        json page = run_search(*engine_, body);

        const auto words = request.words();
        const auto word_terms = resolve(words, page);
        std::vector<const Product*> expected;
        for (const auto& [id, p] : products_)
            if (passes_filters(p, request) && has_words(p, word_terms)) expected.push_back(&p);
        // With words, relevance orders by BM25F score: only the set is compared (expected stays in id order).
        const bool ranked = request.sort == "relevance" && !words.empty();
        if (!ranked)
            std::sort(expected.begin(), expected.end(), [&](const Product* a, const Product* b) {
                const int order = compare(*a, *b, request.sort);
                return order != 0 ? order < 0 : a->id < b->id;
            });
        const json expected_facets = facets(expected);

        std::vector<std::string> seen;
        const auto limit = static_cast<std::size_t>(request.limit);
        for (std::size_t pages = 1;; ++pages) {
            REQUIRE(pages <= expected.size() / limit + 1);
            REQUIRE(page["total"] == expected.size());
            REQUIRE(normalized(page["facets"]) == expected_facets);
            REQUIRE(page["items"].size() <= limit);
            for (const auto& item : page["items"]) {
                const std::string id = item["product_id"];
                REQUIRE(products_.count(id) == 1);
                check_item(item, products_.at(id));
                seen.push_back(id);
            }
            if (page["next"].is_null()) break;
            REQUIRE(page["items"].size() == limit);  // only the last page is short
            json next = body;
            next["after"] = page["next"];
            page = run_search(*engine_, next);
        }
        std::vector<std::string> want;
        for (const Product* p : expected) want.push_back(p->id);
        if (ranked) std::sort(seen.begin(), seen.end());
        REQUIRE(json(seen) == json(want));  // every match exactly once, in order unless ranked

        ++coverage_.requests;
        if (!expected.empty()) ++coverage_.found;
        if (expected.size() > limit) ++coverage_.several_pages;
        if (!words.empty() && words.back().prefix) ++coverage_.prefixes;
        if (std::any_of(expected.begin(), expected.end(), [&](const Product* p) { return !p->in_stock(now_); }) &&
            std::any_of(expected.begin(), expected.end(), [&](const Product* p) { return p->in_stock(now_); }))
            ++coverage_.in_stock_differs;
    }

    const Coverage& coverage() const { return coverage_; }

private:
    std::size_t pick(std::size_t n) { return random_() % n; }
    int64_t pick(int64_t n) { return static_cast<int64_t>(random_() % static_cast<uint64_t>(n)); }
    int pick(int n) { return static_cast<int>(random_() % static_cast<uint32_t>(n)); }
    bool chance(double p) { return static_cast<double>(random_()) < p * 4294967296.0; }
    template <typename T>
    const T& one_of(const std::vector<T>& values) { return values[pick(values.size())]; }

    // Words with random spellings and separators; descriptions also take filler words.
    std::string random_text(int min_words, int max_words, bool fillers) {
        std::string text;
        for (int n = min_words + pick(max_words - min_words + 1); n > 0; --n) {
            if (!text.empty()) text += one_of(kSeparators);
            text += fillers && chance(0.3) ? one_of(kFillers) : one_of(kWords[pick(kWords.size() - 1)]);
        }
        return text;
    }

    // 0-2 words: vocabulary spellings, tag and attribute words, or vocabulary words with typos. Usually finished
    // by a space (whole words); otherwise the last one is cut to a prefix of at least 2 letters.
    std::string random_q() {
        std::vector<std::string> words;
        for (int n = pick(3); n > 0; --n) {
            const int kind = pick(20);
            words.push_back(kind < 13   ? one_of(one_of(kWords))
                            : kind < 16 ? one_of(kOtherWords)
                                        : typo(one_of(kWords)[0]));
        }
        if (words.empty()) return "";
        if (chance(0.25)) {
            const std::string folded = tokens(words.back())[0];
            if (folded.size() >= 2) words.back() = folded.substr(0, 2 + pick(folded.size() - 1));
        } else {
            words.back() += ' ';
        }
        std::string q;
        for (const auto& word : words) q += (q.empty() ? "" : " ") + word;
        return q;
    }

    std::string typo(std::string word) {
        const char letter = static_cast<char>('a' + pick(26));
        for (int edits = 1 + (word.size() >= 8 ? pick(2) : 0); edits > 0; --edits) {
            switch (pick(4)) {
                case 0: word.erase(pick(word.size()), 1); break;
                case 1: word.insert(pick(word.size() + 1), 1, letter); break;
                case 2: word[pick(word.size())] = letter; break;
                default: {
                    const std::size_t at = pick(word.size() - 1);
                    std::swap(word[at], word[at + 1]);
                }
            }
        }
        return word;
    }

    std::map<std::string, std::vector<std::string>> random_attributes() {
        std::map<std::string, std::vector<std::string>> out;
        if (chance(0.8)) {
            const auto& platforms = kAttributes.at("platform");
            std::set<std::string> chosen = {one_of(platforms)};
            if (chance(0.4)) chosen.insert(one_of(platforms));
            out["platform"].assign(chosen.begin(), chosen.end());
        }
        if (chance(0.7)) out["colour"] = {one_of(kAttributes.at("colour"))};
        return out;
    }

    std::set<std::string> random_categories() {
        std::set<std::string> out;
        for (int n = std::vector<int>{0, 1, 1, 1, 1, 1, 2}[pick(7)]; n > 0; --n) out.insert(one_of(kCategories).id);
        return out;
    }

    // Published mostly; otherwise scheduled in the past or the future, a plain draft, or archived.
    void random_status(Product& p) {
        const int roll = pick(100);
        p.status = roll < 70 ? "published" : roll < 94 ? "draft" : "archived";
        if (roll < 70) return;  // a published product keeps whatever publish time it had
        p.publish_at.reset();
        if (roll < 78) p.publish_at = now_ - pick(20) * kTick;
        else if (roll < 90) p.publish_at = now_ + (1 + pick(30)) * kTick;
    }

    Reservation random_reservation() {
        return {fmt::format("r{}", next_reservation_++), 1 + pick(int64_t{3}), now_ + (pick(int64_t{22}) - 2) * kTick};
    }

    void create_product() {
        Product p;
        p.id = fmt::format("p{:03}", next_product_++);
        p.kind = chance(0.15) ? "digital" : "physical";
        random_status(p);
        p.title = random_text(1, 3, false);
        p.description = random_text(0, 4, true);
        for (const auto& tag : kTags)
            if (chance(0.2)) p.tags.insert(tag);
        p.categories = random_categories();
        p.attributes = random_attributes();
        for (int n = chance(0.3) ? 2 : 1; n > 0; --n) {
            Variant variant;
            if (!chance(0.1)) variant.price = one_of(kPrices);
            if (p.kind == "digital") {
                if (chance(0.5)) {
                    variant.keys = 1 + pick(int64_t{3});
                    variant.keys_sold = pick(variant.keys + 1);
                }
            } else {
                variant.on_hand = chance(0.3) ? 0 : 1 + pick(int64_t{5});
                for (int r = pick(3); r > 0; --r) variant.reservations.push_back(random_reservation());
            }
            p.variants.push_back(std::move(variant));
        }
        p.rating_count = pick(int64_t{5});
        p.rating_sum = p.rating_count + pick(4 * p.rating_count + 1);  // 1 to 5 stars each
        p.units_sold = pick(int64_t{10}) * 5;                           // ties, broken by id
        p.created_ms = now_ - pick(int64_t{50}) * kSecond;
        engine_->write([&](Transaction& tx) {
            auto& db = sql(tx);
            db.query("INSERT INTO products (id, slug, kind, status, publish_at_ms, title, description, attributes, "
                     "rating_sum, rating_count, units_sold, version, created_ms, updated_ms) "
                     "VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?11)")
                .bind(1, p.id).bind(2, p.kind).bind(3, p.status).bind(4, p.publish_at).bind(5, p.title)
                .bind(6, p.description).bind(7, p.attributes_json().dump()).bind(8, p.rating_sum)
                .bind(9, p.rating_count).bind(10, p.units_sold).bind(11, p.created_ms).run();
            for (std::size_t v = 0; v < p.variants.size(); ++v) {
                const Variant& variant = p.variants[v];
                const std::string id = p.variant_id(v);
                db.query("INSERT INTO variants (id, product_id, position, sku) VALUES (?1, ?2, ?3, ?1)")
                    .bind(1, id).bind(2, p.id).bind(3, static_cast<int64_t>(v)).run();
                if (variant.price) insert_price(db, id, *variant.price);
                if (variant.on_hand > 0)
                    db.query("INSERT INTO stock_levels VALUES (?1, 'default', ?2)")
                        .bind(1, id).bind(2, variant.on_hand).run();
                for (const auto& reservation : variant.reservations) insert_reservation(db, id, reservation);
                for (int64_t k = 0; k < variant.keys; ++k) insert_key(db, id, k, k < variant.keys_sold);
            }
            for (const auto& tag : p.tags)
                db.query("INSERT INTO product_tags VALUES (?1, ?2)").bind(1, p.id).bind(2, tag).run();
            insert_categories(db, p);
            tx.search_index().product_changed(p.id);
        });
        products_[p.id] = std::move(p);
    }

    // One write transaction on the product's rows, told to the index as the catalog does.
    template <typename Fn>
    void change(const Product& p, Fn&& write) {
        engine_->write([&](Transaction& tx) {
            write(sql(tx));
            tx.search_index().product_changed(p.id);
        });
    }

    static std::string key_id(const std::string& variant_id, int64_t k) { return fmt::format("{}-k{}", variant_id, k); }

    static void insert_price(sqlite::Connection& db, const std::string& variant_id, int64_t cents) {
        db.query("INSERT INTO variant_prices VALUES (?1, 'EUR', ?2)").bind(1, variant_id).bind(2, cents).run();
    }
    void insert_reservation(sqlite::Connection& db, const std::string& variant_id, const Reservation& reservation) {
        db.query("INSERT INTO stock_reservations VALUES (?1, ?2, 'default', ?3, NULL, ?4, ?5)")
            .bind(1, reservation.id).bind(2, variant_id).bind(3, reservation.quantity)
            .bind(4, reservation.expires_ms).bind(5, now_).run();
    }
    static void insert_key(sqlite::Connection& db, const std::string& variant_id, int64_t k, bool sold) {
        db.query("INSERT INTO licence_keys (id, variant_id, key_digest, key_sealed, order_id, imported_ms) "
                 "VALUES (?1, ?2, randomblob(16), randomblob(16), ?3, 0)")
            .bind(1, key_id(variant_id, k)).bind(2, variant_id)
            .bind(3, sold ? std::optional<std::string>("o1") : std::nullopt).run();
    }
    static void insert_categories(sqlite::Connection& db, const Product& p) {
        for (const auto& category : p.categories)
            db.query("INSERT INTO product_categories VALUES (?1, ?2)").bind(1, p.id).bind(2, category).run();
    }

    // A product's categories with all their ancestors.
    static std::set<std::string> with_ancestors(const std::set<std::string>& categories) {
        std::set<std::string> out;
        for (std::string id : categories) {
            while (!id.empty()) {
                out.insert(id);
                auto category = [&](const Category& c) { return c.id == id; };
                id = std::find_if(kCategories.begin(), kCategories.end(), category)->parent;
            }
        }
        return out;
    }

    // Per query word, the terms it stands for: itself when in the vocabulary, or every vocabulary term it is a prefix
    // of, or else its typo correction. A correction is the closest vocabulary term within the allowed edits, then
    // the one in more indexed products; the spec leaves further ties open, so the index's choice (its corrected_query) is checked
    // to be one of the tied terms and then used. An empty set: the word matches nothing.
    std::vector<std::set<std::string>> resolve(const std::vector<QueryWord>& words, const json& result) {
        std::map<std::string, int> products_with, vocabulary;
        for (const auto& [id, p] : products_)
            if (p.indexed())
                for (const auto& term : p.terms()) ++products_with[term];
        for (const auto& [id, p] : products_)
            if (p.visible(now_))
                for (const auto& term : p.terms()) vocabulary[term] = products_with[term];
        REQUIRE(products_with.size() <= 64);  // so a prefix expands to every term that starts with it

        std::vector<std::set<std::string>> out;
        std::vector<std::set<std::string>> corrections;
        for (const auto& word : words) {
            std::set<std::string> terms, closest;
            for (const auto& [term, count] : vocabulary)
                if (word.prefix ? term.starts_with(word.text) : term == word.text) terms.insert(term);
            if (terms.empty()) {
                int best = allowed_edits(word.text.size()) + 1, most = 0;
                for (const auto& [term, count] : vocabulary) {
                    const int distance = osa_distance(word.text, term);
                    if (distance > allowed_edits(word.text.size())) continue;
                    if (distance < best || (distance == best && count > most)) {
                        best = distance;
                        most = count;
                        closest.clear();
                    }
                    if (distance == best && count == most) closest.insert(term);
                }
            }
            out.push_back(std::move(terms));
            corrections.push_back(std::move(closest));
        }

        const bool corrected =
            std::any_of(corrections.begin(), corrections.end(), [](const auto& c) { return !c.empty(); });
        REQUIRE(result.contains("corrected_query") == corrected);
        if (!corrected) return out;
        ++coverage_.corrected;
        // The words, each replaced by its correction when it has one.
        const auto shown = tokens(result["corrected_query"].get<std::string>());
        REQUIRE(shown.size() == words.size());
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (corrections[i].empty()) {
                REQUIRE(shown[i] == words[i].text);
            } else {
                REQUIRE(corrections[i].count(shown[i]) == 1);
                out[i] = {shown[i]};
            }
        }
        return out;
    }

    static bool has_words(const Product& p, const std::vector<std::set<std::string>>& word_terms) {
        const auto terms = p.terms();
        return std::all_of(word_terms.begin(), word_terms.end(), [&](const std::set<std::string>& any_of) {
            return std::any_of(any_of.begin(), any_of.end(),
                               [&](const std::string& term) { return terms.count(term) == 1; });
        });
    }

    bool passes_filters(const Product& p, const Request& request) const {
        if (!p.visible(now_)) return false;
        if (request.category && !with_ancestors(p.categories).count(*request.category)) return false;
        for (const auto& tag : request.tags)
            if (!p.tags.count(tag)) return false;
        for (const auto& [name, wanted] : request.attributes) {
            const auto held = p.attributes.find(name);
            if (held == p.attributes.end() || std::none_of(wanted.begin(), wanted.end(), [&](const std::string& value) {
                    return std::find(held->second.begin(), held->second.end(), value) != held->second.end();
                }))
                return false;
        }
        if (request.price_min || request.price_max) {
            const auto price = p.lowest_price();
            if (!price || (request.price_min && *price < *request.price_min) ||
                (request.price_max && *price > *request.price_max))
                return false;
        }
        if (request.min_rating && *request.min_rating > 0 &&
            (p.rating_count == 0 || p.rating_sum < *request.min_rating * p.rating_count))
            return false;
        return !request.in_stock || p.in_stock(now_);
    }

    // Negative when a sorts before b, zero on a tie (then broken by id). Relevance without words is newest first.
    static int compare(const Product& a, const Product& b, const std::string& sort) {
        auto descending = [](int64_t x, int64_t y) { return x == y ? 0 : x > y ? -1 : 1; };
        if (sort == "price_asc" || sort == "price_desc") {
            const auto x = a.lowest_price(), y = b.lowest_price();
            if (!x || !y) return x ? -1 : y ? 1 : 0;  // without a price: last
            return sort == "price_asc" ? -descending(*x, *y) : descending(*x, *y);
        }
        if (sort == "rating") {  // the average (0 when unrated), then the count
            const int64_t x = a.rating_sum * std::max<int64_t>(b.rating_count, 1);
            const int64_t y = b.rating_sum * std::max<int64_t>(a.rating_count, 1);
            return x != y ? descending(x, y) : descending(a.rating_count, b.rating_count);
        }
        if (sort == "best_selling") return descending(a.units_sold, b.units_sold);
        return descending(a.created_ms, b.created_ms);
    }

    void check_item(const json& item, const Product& p) const {
        REQUIRE(item["slug"] == p.id);
        REQUIRE(item["title"] == p.title);
        REQUIRE(item["locale"].is_null());
        const auto price = p.lowest_price();
        REQUIRE(item["price"] == (price ? money(*price) : json(nullptr)));
        REQUIRE(item["rating"] == json{{"average", average(p.rating_sum, p.rating_count)}, {"count", p.rating_count}});
        REQUIRE(item["in_stock"] == p.in_stock(now_));
    }

    // The facets the model expects, in the shape of normalized(): values keyed, so that only counts are compared.
    json facets(const std::vector<const Product*>& matches) const {
        std::map<std::string, int64_t> categories, tags;
        std::map<std::string, std::map<std::string, int64_t>> attributes;
        std::vector<int64_t> buckets(kBuckets.size() + 1, 0);
        for (const Product* p : matches) {
            for (const auto& id : with_ancestors(p->categories)) ++categories[id];
            for (const auto& tag : p->tags) ++tags[tag];
            for (const auto& [name, values] : p->attributes)
                for (const auto& value : values) ++attributes[name][value];
            if (const auto price = p->lowest_price())  // buckets are [from, to)
                ++buckets[std::upper_bound(kBuckets.begin(), kBuckets.end(), *price) - kBuckets.begin()];
        }
        json out = {{"categories", json::object()}, {"tags", tags}, {"attributes", attributes},
                    {"price", json::array()}};
        for (const auto& [id, count] : categories)
            out["categories"][id] = {{"name", category_names_.at(id)}, {"count", count}};
        for (std::size_t i = 0; i < buckets.size(); ++i)
            out["price"].push_back({{"from", i > 0 ? money(kBuckets[i - 1]) : json(nullptr)},
                                    {"to", i < kBuckets.size() ? money(kBuckets[i]) : json(nullptr)},
                                    {"count", buckets[i]}});
        return out;
    }

    // A result's facets keyed by value, after checking that each list is most frequent first.
    static json normalized(const json& facets) {
        auto most_frequent_first = [](const json& list) {
            for (std::size_t i = 1; i < list.size(); ++i) REQUIRE(list[i - 1]["count"] >= list[i]["count"]);
        };
        json out = {{"categories", json::object()}, {"tags", json::object()}, {"attributes", json::object()},
                    {"price", facets["price"]}};
        most_frequent_first(facets["categories"]);
        for (const auto& entry : facets["categories"])
            out["categories"][entry["id"].get<std::string>()] = {{"name", entry["name"]}, {"count", entry["count"]}};
        most_frequent_first(facets["tags"]);
        for (const auto& entry : facets["tags"]) out["tags"][entry["tag"].get<std::string>()] = entry["count"];
        for (const auto& [name, values] : facets["attributes"].items()) {
            most_frequent_first(values);
            for (const auto& entry : values)
                out["attributes"][name][entry["value"].get<std::string>()] = entry["count"];
        }
        return out;
    }

    std::mt19937 random_;
    std::unique_ptr<Engine> engine_;
    int64_t now_ = kStart;  // the engine's manual clock
    int round_ = 0;
    int next_product_ = 0, next_reservation_ = 0;
    std::map<std::string, Product> products_;
    std::map<std::string, std::string> category_names_;
    Coverage coverage_;
};

}  // namespace

TEST_CASE("search property: a random catalog, requests and writes agree with a brute-force model") {
    Run run(20'260'511);
    run.build();
    for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < kRequestsPerRound; ++i) run.check(run.random_request());
        for (int i = 0; i < kWritesPerRound; ++i) run.write_randomly();
        run.maybe_advance_clock();
        run.next_round();
    }
    // The generator reached the cases that matter, so the comparisons above were not vacuous.
    const Coverage& coverage = run.coverage();
    CHECK(coverage.found > coverage.requests / 3);
    CHECK(coverage.several_pages > coverage.requests / 10);
    CHECK(coverage.corrected > 0);
    CHECK(coverage.prefixes > 0);
    CHECK(coverage.in_stock_differs > 0);
}
