#include "adapters/storage/sqlite/search_index.h"

#include "core/currency.h"
#include "core/text.h"
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace commerce::sqlite {

// ---------------------------------------------------------------------------------------------------------------
// The tokenizer

FoldingTokenizer::FoldingTokenizer(Connection& db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (api == nullptr) throw Error(COMMERCE_ERR_STORAGE, "FTS5 is not available in this build");
    auto* module = new fts5_tokenizer{};
    void* user_data = nullptr;
    if (api->xFindTokenizer(api, "unicode61", &user_data, module) != SQLITE_OK) {
        delete module;
        throw Error(COMMERCE_ERR_STORAGE, "FTS5 has no unicode61 tokenizer");
    }
    const char* args[] = {"remove_diacritics", "2"};
    Fts5Tokenizer* instance = nullptr;
    if (module->xCreate(user_data, args, 2, &instance) != SQLITE_OK) {
        delete module;
        throw Error(COMMERCE_ERR_STORAGE, "cannot create the unicode61 tokenizer");
    }
    module_ = module;
    instance_ = instance;
}

FoldingTokenizer::~FoldingTokenizer() {
    auto* module = static_cast<fts5_tokenizer*>(module_);
    module->xDelete(static_cast<Fts5Tokenizer*>(instance_));
    delete module;
}

void FoldingTokenizer::run(std::string_view text, void* context, Callback callback) {
    if (text.empty()) return;
    auto* module = static_cast<fts5_tokenizer*>(module_);
    int rc = module->xTokenize(static_cast<Fts5Tokenizer*>(instance_), context, FTS5_TOKENIZE_DOCUMENT, text.data(),
                               static_cast<int>(text.size()), callback);
    if (rc != SQLITE_OK) throw Error(COMMERCE_ERR_STORAGE, "tokenizing failed");
}

std::vector<search::Token> FoldingTokenizer::tokens(std::string_view text) {
    std::vector<search::Token> out;
    auto collect = [](void* context, int, const char* token, int size, int begin, int end) -> int {
        static_cast<std::vector<search::Token>*>(context)->push_back(
            {std::string(token, static_cast<std::size_t>(size)), static_cast<std::size_t>(begin),
             static_cast<std::size_t>(end)});
        return 0;
    };
    run(text, &out, collect);
    return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The in-memory index

namespace {

constexpr int kFields = 4;  // title, description, tags, attributes
constexpr std::array<double, kFields> kWeights = {10.0, 1.0, 4.0, 3.0};
constexpr double kK1 = 1.2, kB = 0.75;
constexpr uint32_t kNone = UINT32_MAX;

struct Posting {
    uint32_t row;
    std::array<uint8_t, kFields> tf;
};

struct Term {
    std::string text;
    std::vector<Posting> postings;  // rows in ascending order (rows are only ever appended)
    int64_t live = 0;               // live rows holding the term
};

struct TextRow {
    uint32_t product;
    uint16_t locale;
    bool live = true;
    std::array<uint16_t, kFields> length{};
    std::string title;
    std::vector<uint32_t> terms;  // distinct terms, to keep Term::live right when the row dies
};

struct VariantStock {
    int64_t on_hand = 0;
    std::vector<std::pair<int64_t, int64_t>> reservations;  // quantity, expires_ms
};

struct ProductEntry {
    std::string id, slug;
    bool live = true;
    int64_t visible_from_ms = 0;
    int64_t created_ms = 0, rating_sum = 0, rating_count = 0, units_sold = 0;
    bool unlimited = false;  // a digital variant that never runs out, or one with keys left
    std::vector<VariantStock> stock;
    std::vector<uint32_t> categories, tags, attributes;  // interned; categories include every ancestor
    std::vector<std::pair<uint32_t, int64_t>> prices;    // currency -> lowest variant price, minor units
    std::vector<uint32_t> rows;                          // text rows, the base row first
};

// Strings to dense ids and back.
struct Interner {
    std::unordered_map<std::string, uint32_t> ids;
    std::vector<std::string> values;
    uint32_t intern(const std::string& value) {
        auto [it, added] = ids.emplace(value, static_cast<uint32_t>(values.size()));
        if (added) values.push_back(value);
        return it->second;
    }
    uint32_t find(const std::string& value) const {
        auto it = ids.find(value);
        return it == ids.end() ? kNone : it->second;
    }
};

struct Scratch {
    std::vector<uint32_t> epoch, mask;
    std::vector<float> score;
    std::vector<uint32_t> touched;
    uint32_t current = 0;
    std::vector<uint32_t> counts;
    void begin(std::size_t rows) {
        if (epoch.size() < rows) {
            epoch.resize(rows, 0);
            mask.resize(rows, 0);
            score.resize(rows, 0);
        }
        if (++current == 0) {
            std::fill(epoch.begin(), epoch.end(), 0);
            current = 1;
        }
        touched.clear();
    }
};

thread_local Scratch scratch;

bool in_stock(const ProductEntry& product, int64_t now_ms) {
    if (product.unlimited) return true;
    for (const auto& variant : product.stock) {
        int64_t available = variant.on_hand;
        for (const auto& [quantity, expires_ms] : variant.reservations)
            if (expires_ms > now_ms) available -= quantity;
        if (available > 0) return true;
    }
    return false;
}

}  // namespace

namespace {
struct RawProduct;
}  // namespace

struct SearchCache::State {
    std::shared_mutex mutex;
    int64_t revision = 0, categories_revision = 0;

    std::vector<ProductEntry> products;
    std::vector<TextRow> rows;
    std::unordered_map<std::string, uint32_t> product_slot;  // live products only
    int64_t dead_rows = 0, live_rows = 0;
    std::array<double, kFields> total_length{};

    std::map<std::string, uint32_t, std::less<>> dictionary;  // sorted: prefix ranges
    std::vector<Term> terms;
    std::unordered_map<std::string, std::vector<uint32_t>> trigrams;  // typo candidates

    Interner locales, currencies, categories, tags, attributes;
    std::vector<uint32_t> attribute_name;  // attribute pair id -> name id
    Interner attribute_names;
    std::vector<std::string> attribute_value;
    std::unordered_map<std::string, std::string> category_names;

    void clear() {
        products.clear();
        rows.clear();
        product_slot.clear();
        dead_rows = live_rows = 0;
        total_length = {};
        dictionary.clear();
        terms.clear();
        trigrams.clear();
        revision = 0;
    }

    uint32_t term_id(std::string_view text) {
        auto it = dictionary.find(text);
        if (it != dictionary.end()) return it->second;
        const auto id = static_cast<uint32_t>(terms.size());
        terms.push_back({std::string(text), {}, 0});
        dictionary.emplace(std::string(text), id);
        const std::string padded = "^" + std::string(text) + "$";
        for (std::size_t i = 0; i + 3 <= padded.size(); ++i) trigrams[padded.substr(i, 3)].push_back(id);
        return id;
    }

    void kill(uint32_t slot) {
        auto& product = products[slot];
        product.live = false;
        for (uint32_t row_id : product.rows) {
            auto& row = rows[row_id];
            row.live = false;
            for (uint32_t term : row.terms) --terms[term].live;
            for (int f = 0; f < kFields; ++f) total_length[f] -= row.length[f];
            ++dead_rows;
            --live_rows;
        }
        product_slot.erase(product.id);
    }

    void add_row(FoldingTokenizer& tokenizer, uint32_t slot, uint16_t locale, std::string title,
                 const std::array<std::string_view, kFields>& fields) {
        const auto row_id = static_cast<uint32_t>(rows.size());
        TextRow row{slot, locale, true, {}, std::move(title), {}};
        std::unordered_map<uint32_t, std::array<uint8_t, kFields>> frequencies;
        for (int f = 0; f < kFields; ++f) {
            int64_t length = 0;
            tokenizer.each(fields[f], [&](std::string_view token) {
                ++length;
                auto& tf = frequencies[term_id(token)][f];
                if (tf < 255) ++tf;
            });
            row.length[f] = static_cast<uint16_t>(std::min<int64_t>(length, 65535));
            total_length[f] += row.length[f];
        }
        row.terms.reserve(frequencies.size());
        for (const auto& [term, tf] : frequencies) {
            terms[term].postings.push_back({row_id, tf});
            ++terms[term].live;
            row.terms.push_back(term);
        }
        rows.push_back(std::move(row));
        products[slot].rows.push_back(row_id);
        ++live_rows;
    }

    void build(FoldingTokenizer& tokenizer, const RawProduct& raw);
    void sync(Connection& db);
    SearchResultData run(Connection& db, const SearchRequest& request, int64_t now_ms);
};

namespace {

// What a search entry is made from, as read from the catalog tables.
struct RawVariant {
    std::string id;
    int64_t on_hand = 0;
    bool has_keys = false, keys_left = false;
    std::vector<std::pair<int64_t, int64_t>> reservations;
};
struct RawProduct {
    std::string id, slug, status, title, description, attributes, kind;
    std::optional<int64_t> publish_at;
    int64_t rating_sum = 0, rating_count = 0, units_sold = 0, created_ms = 0;
    std::vector<RawVariant> variants;
    std::vector<std::pair<std::string, int64_t>> prices;
    std::vector<std::string> tags, category_paths;
    std::vector<std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>> translations;
};

// The same statements for one product (?1) or for all of them: one column of product id first.
#define SEARCH_PRODUCTS                                                                                           \
    "SELECT id, slug, status, publish_at_ms, title, description, attributes, rating_sum, rating_count, "          \
    "units_sold, created_ms, kind FROM products "
#define SEARCH_VARIANTS                                                                                           \
    "SELECT v.product_id, v.id, (SELECT coalesce(sum(on_hand), 0) FROM stock_levels WHERE variant_id = v.id), "  \
    "EXISTS (SELECT 1 FROM licence_keys WHERE variant_id = v.id), "                                              \
    "EXISTS (SELECT 1 FROM licence_keys WHERE variant_id = v.id AND order_id IS NULL) FROM variants v "
#define SEARCH_RESERVATIONS                                                                                       \
    "SELECT v.product_id, r.variant_id, r.quantity, r.expires_ms FROM stock_reservations r "                     \
    "JOIN variants v ON v.id = r.variant_id "
#define SEARCH_PRICES                                                                                             \
    "SELECT v.product_id, p.currency, min(p.amount_minor) FROM variant_prices p JOIN variants v ON v.id = p.variant_id "
#define SEARCH_TAGS "SELECT product_id, tag FROM product_tags "
#define SEARCH_CATEGORIES                                                                                         \
    "SELECT pc.product_id, c.path FROM product_categories pc JOIN categories c ON c.id = pc.category_id "
#define SEARCH_TRANSLATIONS "SELECT product_id, locale, title, description FROM product_translations "

// Reads the products (all, or the one with id) into raw entries.
std::vector<RawProduct> fetch(Connection& db, const std::string* id) {
    std::vector<RawProduct> out;
    std::unordered_map<std::string, std::size_t> index;
    auto rows = [&](const char* one, const char* all, auto&& body) {
        Query query = db.query(id ? one : all);
        if (id) query.bind(1, *id);
        while (query.step()) body(query);
    };
    rows(SEARCH_PRODUCTS "WHERE id = ?1", SEARCH_PRODUCTS, [&](Query& q) {
            RawProduct p;
            p.id = q.text(0);
            p.slug = q.text(1);
            p.status = q.text(2);
            p.publish_at = q.optional_integer(3);
            p.title = q.text(4);
            p.description = q.text(5);
            p.attributes = q.text(6);
            p.rating_sum = q.integer(7);
            p.rating_count = q.integer(8);
            p.units_sold = q.integer(9);
            p.created_ms = q.integer(10);
            p.kind = q.text(11);
            index.emplace(p.id, out.size());
            out.push_back(std::move(p));
    });
    auto each = [&](const char* one, const char* all, auto&& add) {
        rows(one, all, [&](Query& q) {
            auto it = index.find(q.text(0));
            if (it != index.end()) add(out[it->second], q);
        });
    };
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> variant_at;
    each(SEARCH_VARIANTS "WHERE v.product_id = ?1", SEARCH_VARIANTS, [&](RawProduct& p, Query& q) {
        variant_at[q.text(1)] = {index[p.id], p.variants.size()};
        p.variants.push_back({q.text(1), q.integer(2), q.integer(3) != 0, q.integer(4) != 0, {}});
    });
    each(SEARCH_RESERVATIONS "WHERE v.product_id = ?1", SEARCH_RESERVATIONS, [&](RawProduct&, Query& q) {
        auto it = variant_at.find(q.text(1));
        if (it != variant_at.end())
            out[it->second.first].variants[it->second.second].reservations.emplace_back(q.integer(2), q.integer(3));
    });
    each(SEARCH_PRICES "WHERE v.product_id = ?1 GROUP BY p.currency", SEARCH_PRICES "GROUP BY v.product_id, p.currency",
         [&](RawProduct& p, Query& q) { p.prices.emplace_back(q.text(1), q.integer(2)); });
    each(SEARCH_TAGS "WHERE product_id = ?1", SEARCH_TAGS,
         [&](RawProduct& p, Query& q) { p.tags.push_back(q.text(1)); });
    each(SEARCH_CATEGORIES "WHERE pc.product_id = ?1", SEARCH_CATEGORIES,
         [&](RawProduct& p, Query& q) { p.category_paths.push_back(q.text(1)); });
    each(SEARCH_TRANSLATIONS "WHERE product_id = ?1", SEARCH_TRANSLATIONS, [&](RawProduct& p, Query& q) {
        p.translations.emplace_back(q.text(1), q.optional_text(2), q.optional_text(3));
    });
    return out;
}

}  // namespace

void SearchCache::State::build(FoldingTokenizer& tokenizer, const RawProduct& raw) {
    if (raw.status != "published" && !(raw.status == "draft" && raw.publish_at)) return;  // never shown
    ProductEntry product;
    product.id = raw.id;
    product.slug = raw.slug;
    product.visible_from_ms = raw.status == "published" ? INT64_MIN : *raw.publish_at;
    product.rating_sum = raw.rating_sum;
    product.rating_count = raw.rating_count;
    product.units_sold = raw.units_sold;
    product.created_ms = raw.created_ms;

    std::string attribute_text;
    const auto attributes_json = nlohmann::json::parse(raw.attributes, nullptr, false);
    if (attributes_json.is_object()) {
        for (const auto& [name, value] : attributes_json.items()) {
            std::vector<std::string> values;
            if (value.is_string()) values.push_back(value.get<std::string>());
            if (value.is_array())
                for (const auto& item : value)
                    if (item.is_string()) values.push_back(item.get<std::string>());
            const uint32_t name_id = attribute_names.intern(name);
            for (const auto& text : values) {
                const uint32_t pair = attributes.intern(name + '\x1f' + text);
                if (pair >= attribute_name.size()) {
                    attribute_name.push_back(name_id);
                    attribute_value.push_back(text);
                }
                product.attributes.push_back(pair);
                attribute_text += name + ' ' + text + ' ';
            }
        }
    }
    const bool digital = raw.kind == "digital";
    for (const auto& variant : raw.variants) {
        if (digital) {
            if (!variant.has_keys || variant.keys_left) product.unlimited = true;
            continue;
        }
        product.stock.push_back({variant.on_hand, variant.reservations});
    }
    for (const auto& [code, amount] : raw.prices) product.prices.emplace_back(currencies.intern(code), amount);
    std::string tag_text;
    for (const auto& tag : raw.tags) {
        product.tags.push_back(tags.intern(tag));
        tag_text += tag + ' ';
    }
    for (const auto& path : raw.category_paths) {
        std::size_t start = 0;
        while (start < path.size()) {
            std::size_t stop = path.find('/', start);
            if (stop == std::string::npos) stop = path.size();
            if (stop > start) product.categories.push_back(categories.intern(path.substr(start, stop - start)));
            start = stop + 1;
        }
    }
    std::sort(product.categories.begin(), product.categories.end());
    product.categories.erase(std::unique(product.categories.begin(), product.categories.end()),
                             product.categories.end());

    // Text rows: the base text, then one per translation with each field falling back along the locale chain.
    std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>> translations;
    for (const auto& [locale, title, description] : raw.translations) translations[locale] = {title, description};

    const auto slot = static_cast<uint32_t>(products.size());
    products.push_back(std::move(product));
    product_slot[raw.id] = slot;
    add_row(tokenizer, slot, static_cast<uint16_t>(locales.intern("")), raw.title,
            {raw.title, raw.description, tag_text, attribute_text});
    for (const auto& [locale, ignored] : translations) {
        std::optional<std::string> localized_title, localized_description;
        for (const auto& step : search::locale_chain(locale)) {
            auto it = translations.find(step);
            if (it == translations.end()) continue;
            if (!localized_title) localized_title = it->second.first;
            if (!localized_description) localized_description = it->second.second;
        }
        const std::string row_title = localized_title.value_or(raw.title);
        add_row(tokenizer, slot, static_cast<uint16_t>(locales.intern(locale)), row_title,
                {row_title, localized_description.value_or(raw.description), tag_text, attribute_text});
    }
}

void SearchCache::State::sync(Connection& db) {
    auto state = db.query("SELECT revision, categories_revision FROM search_state WHERE id = 1");
    if (!state.step()) return;
    const int64_t target = state.integer(0), target_categories = state.integer(1);
    if (target <= revision && target_categories <= categories_revision) return;

    if (target_categories > categories_revision) {
        category_names.clear();
        auto names = db.query("SELECT id, name FROM categories");
        while (names.step()) category_names[names.text(0)] = names.text(1);
        categories_revision = target_categories;
    }
    if (target <= revision) return;

    // Too much garbage: start over (a full load reads every product).
    if (dead_rows > 10000 && dead_rows > live_rows) clear();
    FoldingTokenizer tokenizer(db);
    if (revision == 0) {  // everything, with one scan per table
        for (const auto& raw : fetch(db, nullptr)) build(tokenizer, raw);
    } else {
        std::vector<std::string> changed;
        auto ids = db.query("SELECT product_id FROM search_changes WHERE revision > ?1");
        ids.bind(1, revision);
        while (ids.step()) changed.push_back(ids.text(0));
        for (const auto& id : changed) {
            if (auto it = product_slot.find(id); it != product_slot.end()) kill(it->second);
            for (const auto& raw : fetch(db, &id)) build(tokenizer, raw);
        }
    }
    revision = target;
}

SearchResultData SearchCache::State::run(Connection& db, const SearchRequest& request, int64_t now_ms) {
    SearchResultData result;

    // Terms, each expanded to the dictionary entries it stands for (itself, its prefix range or a correction).
    std::vector<search::Token> tokens;
    {
        FoldingTokenizer tokenizer(db);
        tokens = tokenizer.tokens(request.q);
    }
    const auto query_terms = search::query_terms(tokens, request.q);
    std::vector<std::vector<uint32_t>> expansions;
    bool corrected = false;
    std::vector<std::string> shown;
    for (const auto& term : query_terms) {
        std::vector<uint32_t> found;
        if (term.prefix) {
            for (auto it = dictionary.lower_bound(term.text);
                 it != dictionary.end() && it->first.compare(0, term.text.size(), term.text) == 0; ++it)
                if (terms[it->second].live > 0) found.push_back(it->second);
            if (found.size() > search::kMaxPrefixExpansions) {
                std::partial_sort(found.begin(), found.begin() + search::kMaxPrefixExpansions, found.end(),
                                  [&](uint32_t a, uint32_t b) { return terms[a].live > terms[b].live; });
                found.resize(search::kMaxPrefixExpansions);
            }
        } else if (auto it = dictionary.find(term.text); it != dictionary.end() && terms[it->second].live > 0) {
            found.push_back(it->second);
        }
        std::string display = term.text;
        if (found.empty()) {
            // Typo tolerance: the closest indexed term within the edits the length allows, sharing trigrams.
            const int max_edits = search::allowed_edits(count_code_points(term.text));
            if (max_edits > 0) {
                std::unordered_map<uint32_t, int> shared;
                const std::string padded = "^" + term.text + "$";
                for (std::size_t i = 0; i + 3 <= padded.size(); ++i) {
                    auto it = trigrams.find(padded.substr(i, 3));
                    if (it == trigrams.end()) continue;
                    for (uint32_t candidate : it->second) ++shared[candidate];
                }
                const int needed = std::max(1, static_cast<int>(padded.size()) - 2 - 3 * max_edits);
                uint32_t best = kNone;
                int best_distance = max_edits + 1;
                for (const auto& [candidate, count] : shared) {
                    if (count < needed || terms[candidate].live == 0) continue;
                    const int distance = search::edit_distance(term.text, terms[candidate].text, max_edits);
                    if (distance > max_edits) continue;
                    if (distance < best_distance ||
                        (distance == best_distance && (terms[candidate].live > terms[best].live ||
                                                       (terms[candidate].live == terms[best].live &&
                                                        terms[candidate].text < terms[best].text)))) {
                        best = candidate;
                        best_distance = distance;
                    }
                }
                if (best != kNone) {
                    found.push_back(best);
                    display = terms[best].text;
                    corrected = true;
                }
            }
        }
        shown.push_back(display);
        expansions.push_back(std::move(found));
    }
    if (corrected) {
        std::string text;
        for (const auto& word : shown) text += (text.empty() ? "" : " ") + word;
        result.corrected_query = text;
    }

    // Which locale each product answers in: the most specific of the chain it has a row for.
    std::vector<uint32_t> chain;
    for (const auto& locale : search::locale_chain(request.locale)) {
        const uint32_t id = locales.find(locale);
        if (id != kNone) chain.push_back(id);
    }
    auto answering_row = [&](const ProductEntry& product) -> uint32_t {
        for (uint32_t locale : chain)
            for (uint32_t row_id : product.rows)
                if (rows[row_id].locale == locale) return row_id;
        return product.rows.empty() ? kNone : product.rows.front();
    };

    // Full-text matching and BM25F scoring over the posting lists, rarest term first.
    struct Candidate {
        uint32_t product;
        uint32_t row;
        float score;
        int64_t key;
    };
    std::vector<Candidate> candidates;
    const bool text_query = !query_terms.empty();
    bool impossible = false;
    for (const auto& found : expansions)
        if (found.empty()) impossible = true;
    if (text_query && !impossible) {
        std::vector<std::size_t> order(expansions.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        auto weight = [&](std::size_t i) {
            std::size_t total = 0;
            for (uint32_t t : expansions[i]) total += terms[t].postings.size();
            return total;
        };
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weight(a) < weight(b); });
        const double n = static_cast<double>(std::max<int64_t>(live_rows, 1));
        std::array<double, kFields> average{};
        for (int f = 0; f < kFields; ++f) average[f] = std::max(1.0, total_length[f] / n);
        scratch.begin(rows.size());
        for (std::size_t step = 0; step < order.size(); ++step) {
            const uint32_t want = (1u << step) - 1, bit = 1u << step;
            for (uint32_t t : expansions[order[step]]) {
                const Term& term = terms[t];
                const double df = static_cast<double>(term.live);
                const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
                for (const Posting& posting : term.postings) {
                    const uint32_t r = posting.row;
                    if (step == 0) {
                        if (!rows[r].live) continue;
                        if (scratch.epoch[r] != scratch.current) {
                            scratch.epoch[r] = scratch.current;
                            scratch.mask[r] = 0;
                            scratch.score[r] = 0;
                            scratch.touched.push_back(r);
                        }
                    } else if (scratch.epoch[r] != scratch.current || (scratch.mask[r] & want) != want) {
                        continue;
                    }
                    double s = 0;
                    const TextRow& row = rows[r];
                    for (int f = 0; f < kFields; ++f) {
                        const double tf = posting.tf[f];
                        if (tf == 0) continue;
                        s += kWeights[f] * tf * (kK1 + 1) / (tf + kK1 * (1 - kB + kB * row.length[f] / average[f]));
                    }
                    scratch.mask[r] |= bit;
                    scratch.score[r] += static_cast<float>(idf * s);
                }
            }
        }
        const uint32_t full = order.size() >= 32 ? UINT32_MAX : (1u << order.size()) - 1;
        for (uint32_t r : scratch.touched) {
            if (scratch.mask[r] != full) continue;
            const ProductEntry& product = products[rows[r].product];
            if (!product.live || answering_row(product) != r) continue;
            candidates.push_back({rows[r].product, r, scratch.score[r], 0});
        }
    }

    // Filters.
    const uint32_t currency_id = request.currency.empty() ? kNone : currencies.find(request.currency);
    auto price_of = [&](const ProductEntry& product) -> std::optional<int64_t> {
        if (currency_id == kNone) return std::nullopt;
        for (const auto& [currency, amount] : product.prices)
            if (currency == currency_id) return amount;
        return std::nullopt;
    };
    uint32_t category_filter = kNone;
    bool nothing = false;
    if (request.category_id) {
        category_filter = categories.find(*request.category_id);
        if (category_filter == kNone) nothing = true;
    }
    std::vector<uint32_t> tag_filter;
    for (const auto& tag : request.tags) {
        const uint32_t id = tags.find(tag);
        if (id == kNone) nothing = true;
        tag_filter.push_back(id);
    }
    std::vector<std::vector<uint32_t>> attribute_filter;
    for (const auto& [name, values] : request.attributes) {
        std::vector<uint32_t> ids;
        for (const auto& value : values) {
            const uint32_t id = attributes.find(name + '\x1f' + value);
            if (id != kNone) ids.push_back(id);
        }
        if (ids.empty()) nothing = true;
        attribute_filter.push_back(std::move(ids));
    }
    const bool price_filter = request.price_min_minor || request.price_max_minor;
    auto contains = [](const std::vector<uint32_t>& set, uint32_t id) {
        return std::find(set.begin(), set.end(), id) != set.end();
    };
    std::vector<Candidate> passed;
    if (!nothing) {
        auto passes = [&](const ProductEntry& product) {
            if (product.visible_from_ms > now_ms) return false;
            if (category_filter != kNone && !std::binary_search(product.categories.begin(), product.categories.end(),
                                                                category_filter))
                return false;
            bool ok = true;
            for (uint32_t tag : tag_filter)
                if (!contains(product.tags, tag)) ok = false;
            for (const auto& any : attribute_filter) {
                bool hit = false;
                for (uint32_t id : any) hit = hit || contains(product.attributes, id);
                ok = ok && hit;
            }
            if (!ok) return false;
            if (price_filter) {
                const auto price = price_of(product);
                if (!price || (request.price_min_minor && *price < *request.price_min_minor) ||
                    (request.price_max_minor && *price > *request.price_max_minor))
                    return false;
            }
            if (request.min_rating && *request.min_rating > 0 &&
                (product.rating_count == 0 || product.rating_sum < *request.min_rating * product.rating_count))
                return false;
            return !request.in_stock || in_stock(product, now_ms);
        };
        if (text_query) {
            passed.reserve(candidates.size());
            for (const auto& candidate : candidates)
                if (passes(products[candidate.product])) passed.push_back(candidate);
        } else {  // every product; the answering row is only looked up for the page
            for (uint32_t slot = 0; slot < products.size(); ++slot)
                if (products[slot].live && passes(products[slot])) passed.push_back({slot, kNone, 0, 0});
        }
    }
    result.total = static_cast<int64_t>(passed.size());

    // Facets over everything that passed.
    auto top_counts = [&](auto&& each_value, std::size_t universe, auto&& describe) {
        auto& counts = scratch.counts;
        counts.assign(universe, 0);
        for (const auto& candidate : passed) each_value(products[candidate.product], [&](uint32_t id) { ++counts[id]; });
        std::vector<uint32_t> ids;
        for (uint32_t id = 0; id < universe; ++id)
            if (counts[id] > 0) ids.push_back(id);
        std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
            return counts[a] != counts[b] ? counts[a] > counts[b] : describe(a) < describe(b);
        });
        return std::make_pair(ids, counts);
    };
    if (request.facet_categories) {
        auto [ids, counts] = top_counts([](const ProductEntry& p, auto&& add) { for (auto id : p.categories) add(id); },
                                        categories.values.size(), [&](uint32_t id) { return categories.values[id]; });
        for (std::size_t i = 0; i < ids.size() && i < 100; ++i) {
            const auto& id = categories.values[ids[i]];
            auto name = category_names.find(id);
            result.categories.push_back({id, name == category_names.end() ? "" : name->second, counts[ids[i]]});
        }
    }
    if (request.facet_tags) {
        auto [ids, counts] = top_counts([](const ProductEntry& p, auto&& add) { for (auto id : p.tags) add(id); },
                                        tags.values.size(), [&](uint32_t id) { return tags.values[id]; });
        for (std::size_t i = 0; i < ids.size() && i < 100; ++i)
            result.tags.push_back({tags.values[ids[i]], "", counts[ids[i]]});
    }
    if (request.facet_attributes) {
        auto [ids, counts] = top_counts([](const ProductEntry& p, auto&& add) { for (auto id : p.attributes) add(id); },
                                        attributes.values.size(), [&](uint32_t id) { return attribute_value[id]; });
        std::map<std::string, std::vector<FacetCount>> by_name;
        for (uint32_t id : ids) {
            auto& list = by_name[attribute_names.values[attribute_name[id]]];
            if (list.size() < 100) list.push_back({attribute_value[id], "", counts[id]});
        }
        for (auto& [name, list] : by_name) result.attributes.emplace_back(name, std::move(list));
    }
    if (request.facet_price) {
        const auto& bounds = request.price_buckets;
        std::vector<int64_t> counts(bounds.size() + 1, 0);
        for (const auto& candidate : passed) {
            const auto price = price_of(products[candidate.product]);
            if (!price) continue;
            ++counts[std::upper_bound(bounds.begin(), bounds.end(), *price) - bounds.begin()];
        }
        for (std::size_t i = 0; i <= bounds.size(); ++i) {
            PriceBucketCount bucket;
            if (i > 0) bucket.from_minor = bounds[i - 1];
            if (i < bounds.size()) bucket.to_minor = bounds[i];
            bucket.count = counts[i];
            result.prices.push_back(bucket);
        }
    }

    // Sort keys (ascending, ties by product id) and the page.
    for (auto& candidate : passed) {
        const ProductEntry& product = products[candidate.product];
        switch (request.sort) {
            case SearchSort::relevance:
                candidate.key = text_query ? -std::llround(static_cast<double>(candidate.score) * 1e6)
                                           : -product.created_ms;
                break;
            case SearchSort::price_asc: candidate.key = price_of(product).value_or(INT64_MAX); break;
            case SearchSort::price_desc: {
                const auto price = price_of(product);
                candidate.key = price ? -*price : INT64_MAX;
                break;
            }
            case SearchSort::newest: candidate.key = -product.created_ms; break;
            case SearchSort::rating: {
                const int64_t average = product.rating_count ? product.rating_sum * 1'000'000 / product.rating_count : 0;
                candidate.key = -(average * 4096 + std::min<int64_t>(product.rating_count, 4095));
                break;
            }
            case SearchSort::best_selling: candidate.key = -product.units_sold; break;
        }
    }
    auto before = [&](const Candidate& a, const Candidate& b) {
        if (a.key != b.key) return a.key < b.key;
        return products[a.product].id < products[b.product].id;
    };
    if (request.after) {
        const auto& cursor = *request.after;
        std::erase_if(passed, [&](const Candidate& c) {
            return c.key < cursor.key || (c.key == cursor.key && products[c.product].id <= cursor.product_id);
        });
    }
    const std::size_t offset = request.page ? static_cast<std::size_t>((*request.page - 1) * request.limit) : 0;
    const std::size_t end = offset + static_cast<std::size_t>(request.limit);
    const std::size_t sorted = std::min(end + 1, passed.size());
    std::partial_sort(passed.begin(), passed.begin() + static_cast<std::ptrdiff_t>(sorted), passed.end(), before);
    for (std::size_t i = offset; i < std::min(end, passed.size()); ++i) {
        const Candidate& candidate = passed[i];
        const ProductEntry& product = products[candidate.product];
        SearchHit hit;
        hit.product_id = product.id;
        hit.slug = product.slug;
        const uint32_t row = candidate.row != kNone ? candidate.row : answering_row(product);
        if (row != kNone) {
            hit.title = rows[row].title;
            hit.locale = locales.values[rows[row].locale];
        }
        hit.price_minor = price_of(product);
        hit.rating_sum = product.rating_sum;
        hit.rating_count = product.rating_count;
        hit.units_sold = product.units_sold;
        hit.created_ms = product.created_ms;
        hit.in_stock = in_stock(product, now_ms);
        hit.score = candidate.score;
        result.items.push_back(std::move(hit));
    }
    if (passed.size() > end && end > offset) {
        const Candidate& last = passed[end - 1];
        result.next = SearchCursor{request.sort, last.key, products[last.product].id};
    }
    return result;
}

SearchCache::SearchCache() : state_(std::make_unique<State>()) {}
SearchCache::~SearchCache() = default;

SearchResultData SearchCache::search(Connection& db, const SearchRequest& request, int64_t now_ms) {
    State& state = *state_;
    int64_t revision = 0, categories = 0;
    {
        // Scoped: sync() runs the same (cached) statement, which must be reset first.
        auto current = db.query("SELECT revision, categories_revision FROM search_state WHERE id = 1");
        if (current.step()) {
            revision = current.integer(0);
            categories = current.integer(1);
        }
    }
    {
        std::shared_lock lock(state.mutex);
        if (state.revision >= revision && state.categories_revision >= categories)
            return state.run(db, request, now_ms);
    }
    std::unique_lock lock(state.mutex);
    state.sync(db);
    return state.run(db, request, now_ms);
}

// ---------------------------------------------------------------------------------------------------------------

namespace {

void mark_changed(Connection& db, std::string_view product_id) {
    db.query("UPDATE search_state SET revision = revision + 1 WHERE id = 1").run();
    db.query("INSERT INTO search_changes (product_id, revision) SELECT ?1, revision FROM search_state WHERE id = 1 "
             "ON CONFLICT (product_id) DO UPDATE SET revision = excluded.revision")
        .bind(1, product_id)
        .run();
}

}  // namespace

void SqliteSearchIndex::product_changed(std::string_view product_id) { mark_changed(db_, product_id); }
void SqliteSearchIndex::product_removed(std::string_view product_id) { mark_changed(db_, product_id); }

SearchResultData SqliteSearchIndex::search(const SearchRequest& request, int64_t now_ms) {
    return cache_.search(db_, request, now_ms);
}

}  // namespace commerce::sqlite
