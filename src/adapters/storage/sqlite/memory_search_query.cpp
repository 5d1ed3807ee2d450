// One query over the in-memory index, in the order that keeps it cheap:
//   1. words -> dictionary terms (exact, a prefix range, or a typo correction);
//   2. the structural filters (category, tags, attributes) -> the set of admissible products, driven by the
//      smallest member list and checked against each product's own sorted facet ids;
//   3. posting lists, rarest word first, scoring only rows of admissible products (BM25F);
//   4. facets over the matches, then sort keys from flat arrays and a partial sort for the page.
#include "adapters/storage/sqlite/memory_search_index.h"

#include "core/text.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

namespace commerce::sqlite {
namespace {

constexpr std::array<double, 4> kFieldWeights = {10.0, 1.0, 4.0, 3.0};  // title, description, tags, attributes
constexpr double kK1 = 1.2, kB = 0.75;
constexpr std::size_t kMaxFacetValues = 100;

struct Match {
    uint32_t slot;
    uint32_t row;  // the text row that matched, or none (a query without words)
    float score;
    int64_t key;   // ascending sort key
};

// Per-thread work arrays, reused across queries (no large allocation per query); an entry counts only when its stamp is the current one, so
// nothing is cleared between queries.
struct Scratch {
    uint32_t current = 0;
    SlotBits admissible;                                // products that pass the structural filters
    struct RowState {  // together, so that a posting costs one cache miss, not three
        uint32_t stamp = 0;
        uint32_t mask = 0;  // the words that met the row
        float score = 0;
    };
    std::vector<RowState> rows;  // rows met by the words so far
    std::vector<uint32_t> touched_rows;
    std::vector<uint32_t> facet_counts;
    std::vector<uint32_t> admissible_slots;
    std::vector<Match> matches;

    void begin(std::size_t slots, std::size_t row_count) {
        if (++current == 0) {  // wrapped: forget every old stamp
            for (auto& row : rows) row.stamp = 0;
            current = 1;
        }
        admissible.resize(slots);
        if (rows.size() < row_count) rows.resize(row_count);
        touched_rows.clear();
        admissible_slots.clear();
        matches.clear();
    }
};

thread_local Scratch scratch;

}  // namespace

class MemorySearchIndex::Query {
public:
    Query(const MemorySearchIndex& index, const SearchRequest& request, int64_t now_ms)
        : index_(index), request_(request), now_ms_(now_ms) {}

    SearchResultData run(FoldingTokenizer& tokenizer) {
        scratch.begin(index_.product_id_.size(), index_.row_slot_.size());
        expand_words(tokenizer);
        resolve_locale_chain();
        resolve_price();
        if (resolve_structure() && !unmatchable_) {
            if (words_.empty()) collect_without_text();
            else match_text();
        }
        result_.total = static_cast<int64_t>(matches_.size());
        count_facets();
        page();
        return std::move(result_);
    }

private:
    // 1. Words to terms.
    void expand_words(FoldingTokenizer& tokenizer) {
        const auto query_terms = search::query_terms(tokenizer.tokens(request_.q), request_.q);
        bool corrected = false;
        std::string shown;
        for (const auto& word : query_terms) {
            std::vector<uint32_t> found;
            std::string display = word.text;
            if (word.prefix) {
                found = prefix_range(word.text);
            } else if (auto it = index_.term_ids_.find(word.text);
                       it != index_.term_ids_.end() && shown_now(index_.terms_[it->second])) {
                found.push_back(it->second);
            }
            if (found.empty()) {
                if (const uint32_t correction = closest_term(word.text); correction != kNone) {
                    found.push_back(correction);
                    display = index_.terms_[correction].text;
                    corrected = true;
                }
            }
            if (found.empty()) unmatchable_ = true;
            shown += (shown.empty() ? "" : " ") + display;
            words_.push_back(std::move(found));
        }
        if (corrected) result_.corrected_query = shown;
    }

    // Whether a product that shows now holds the term. Only such terms are words a query may use, expand to or be
    // corrected to: a word that only a scheduled draft holds must not leak (through corrected_query, or through
    // the difference between "no match" and "corrected") before the draft goes on sale. Usually the first posting
    // answers; stale postings come first only until the index is rebuilt.
    bool shown_now(const Term& term) const {
        if (term.live_rows == 0) return false;
        for (const Posting& posting : term.postings)
            if (index_.live_.test(posting.slot) && index_.visible_from_ms_[posting.slot] <= now_ms_) return true;
        return false;
    }

    // The most frequent terms starting with `prefix` that show now.
    std::vector<uint32_t> prefix_range(const std::string& prefix) const {
        std::vector<uint32_t> found;
        const auto& sorted = index_.sorted_terms_;
        for (auto it = sorted.lower_bound(prefix);
             it != sorted.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
            if (shown_now(index_.terms_[it->second])) found.push_back(it->second);
        if (found.size() > search::kMaxPrefixExpansions) {
            std::partial_sort(found.begin(), found.begin() + search::kMaxPrefixExpansions, found.end(),
                              [&](uint32_t a, uint32_t b) {
                                  return index_.terms_[a].live_rows > index_.terms_[b].live_rows;
                              });
            found.resize(search::kMaxPrefixExpansions);
        }
        return found;
    }

    // Typo tolerance: the closest live term within the edits the word's length allows, among the terms that share
    // enough trigrams with it. Of the word's n trigrams (of code points, so that a letter of several bytes is one
    // letter), a term within k edits keeps all but at most 4k: swapping neighbours breaks the 4 trigrams that hold
    // either letter, any other edit at most 3. When n <= 4k (4 letters, or 8) a term may keep none, and only
    // swaps break that many: the words up to k swaps away are looked up as they are.
    uint32_t closest_term(const std::string& word) const {
        const int letters = static_cast<int>(count_code_points(word));
        const int max_edits = search::allowed_edits(letters);
        if (max_edits == 0) return kNone;
        std::unordered_map<uint32_t, int> shared;
        for (const auto& trigram : search::trigrams(word)) {
            auto it = index_.trigrams_.find(trigram);
            if (it == index_.trigrams_.end()) continue;
            for (uint32_t candidate : it->second) ++shared[candidate];
        }
        const int needed = letters - 4 * max_edits;
        if (needed <= 0)
            for (const auto& swapped : search::neighbour_swaps(word, max_edits))
                if (auto it = index_.term_ids_.find(swapped); it != index_.term_ids_.end())
                    shared.try_emplace(it->second, 0);
        uint32_t best = kNone;
        int best_distance = max_edits + 1;
        for (const auto& [candidate, count] : shared) {
            const Term& term = index_.terms_[candidate];
            if (count < needed || !shown_now(term)) continue;
            const int distance = search::edit_distance(word, term.text, max_edits);
            if (distance > max_edits) continue;
            const bool better =
                best == kNone || distance < best_distance ||
                (distance == best_distance &&
                 (term.live_rows > index_.terms_[best].live_rows ||
                  (term.live_rows == index_.terms_[best].live_rows && term.text < index_.terms_[best].text)));
            if (better) {
                best = candidate;
                best_distance = distance;
            }
        }
        return best;
    }

    // Which locales answer, most specific first (only those some row has).
    void resolve_locale_chain() {
        for (const auto& locale : search::locale_chain(request_.locale))
            if (const uint32_t id = index_.locales_.find(locale); id != kNone) chain_.push_back(id);
    }

    // The row a product answers from: the most specific locale of the chain it has a row for.
    uint32_t answering_row(uint32_t slot) const {
        const uint32_t first = index_.first_row_[slot], end = first + index_.row_count_[slot];
        for (uint32_t locale : chain_)
            for (uint32_t row = first; row < end; ++row)
                if (index_.row_locale_[row] == locale) return row;
        return first;
    }

    void resolve_price() {
        if (request_.currency.empty()) return;
        const uint32_t currency = index_.currencies_.find(request_.currency);
        if (currency != kNone) prices_ = &index_.lowest_price_[currency];
        else if (request_.price_min_minor || request_.price_max_minor) unmatchable_ = true;
    }
    std::optional<int64_t> price_of(uint32_t slot) const {
        if (!prices_ || (*prices_)[slot] == kNoPrice) return std::nullopt;
        return (*prices_)[slot];
    }

    // 2. Category, tags and attributes: each a group of facet values of which a product needs one. Returns false
    // when a group names nothing indexed (no product can pass). Otherwise, with any group, marks the products
    // that pass them and the flat filters in scratch.admissible and lists them in admissible_, so that matching
    // the text tests one bit per posting.
    bool resolve_structure() {
        std::vector<std::vector<uint32_t>> groups;
        auto group_of = [&](std::vector<uint32_t> ids) {
            std::erase(ids, kNone);
            if (ids.empty()) return false;
            groups.push_back(std::move(ids));
            return true;
        };
        if (request_.category_id && !group_of({index_.find_facet(FacetKind::category, "", *request_.category_id)}))
            return false;
        for (const auto& tag : request_.tags)
            if (!group_of({index_.find_facet(FacetKind::tag, "", tag)})) return false;
        for (const auto& [name, values] : request_.attributes) {
            std::vector<uint32_t> ids;
            for (const auto& value : values) ids.push_back(index_.find_facet(FacetKind::attribute, name, value));
            if (!group_of(std::move(ids))) return false;
        }
        if (groups.empty()) return true;
        scratch.admissible.clear();
        admit_ = &scratch.admissible;

        auto size_of = [&](const std::vector<uint32_t>& group) {
            std::size_t total = 0;
            for (uint32_t id : group) total += index_.facet_values_[id].slots.size();
            return total;
        };
        std::sort(groups.begin(), groups.end(),
                  [&](const auto& a, const auto& b) { return size_of(a) < size_of(b); });
        auto holds_one_of = [&](uint32_t slot, const std::vector<uint32_t>& group) {
            const auto facets = index_.facets_of(slot);
            for (uint32_t id : group)
                if (std::binary_search(facets.begin(), facets.end(), id)) return true;
            return false;
        };
        for (uint32_t id : groups.front()) {
            for (uint32_t slot : index_.facet_values_[id].slots) {
                if (!index_.live_.test(slot) || scratch.admissible.test(slot)) continue;  // stale, or listed already
                bool ok = true;
                for (std::size_t g = 1; g < groups.size() && ok; ++g) ok = holds_one_of(slot, groups[g]);
                if (!ok || !passes_flat_filters(slot)) continue;
                scratch.admissible.set(slot);
                admissible_.push_back(slot);
            }
        }
        return true;
    }

    // The filters read from flat arrays: visibility now, price range, rating, stock.
    bool passes_flat_filters(uint32_t slot) const {
        if (index_.visible_from_ms_[slot] > now_ms_) return false;
        if (request_.price_min_minor || request_.price_max_minor) {
            const auto price = price_of(slot);
            if (!price || (request_.price_min_minor && *price < *request_.price_min_minor) ||
                (request_.price_max_minor && *price > *request_.price_max_minor))
                return false;
        }
        if (request_.min_rating && *request_.min_rating > 0 &&
            (index_.rating_count_[slot] == 0 ||
             index_.rating_sum_[slot] < *request_.min_rating * index_.rating_count_[slot]))
            return false;
        return !request_.in_stock || index_.in_stock(slot, now_ms_);
    }

    void collect_without_text() {
        if (admit_ != &index_.live_) {
            for (uint32_t slot : admissible_) matches_.push_back({slot, kNone, 0, 0});
            return;
        }
        for (uint32_t slot = 0; slot < index_.product_id_.size(); ++slot)
            if (index_.live_.test(slot) && passes_flat_filters(slot)) matches_.push_back({slot, kNone, 0, 0});
    }

    // 3. Every word must match (AND); rarest first, so later words only visit rows the earlier ones met.
    void match_text() {
        std::vector<std::size_t> order(words_.size());
        std::vector<std::size_t> postings(words_.size(), 0);
        for (std::size_t i = 0; i < words_.size(); ++i) {
            order[i] = i;
            for (uint32_t term : words_[i]) postings[i] += index_.terms_[term].postings.size();
        }
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return postings[a] < postings[b]; });
        const double rows = static_cast<double>(std::max<int64_t>(index_.live_rows_, 1));
        std::array<double, kFields> average_length{};
        for (int field = 0; field < kFields; ++field)
            average_length[field] = std::max(1.0, index_.total_length_[field] / rows);

        for (std::size_t step = 0; step < order.size(); ++step) {
            const uint32_t earlier = (1u << step) - 1, bit = 1u << step;
            for (uint32_t t : words_[order[step]]) {
                const Term& term = index_.terms_[t];
                const double frequency = static_cast<double>(term.live_rows);
                const double idf = std::log(1.0 + (rows - frequency + 0.5) / (frequency + 0.5));
                for (const Posting& posting : term.postings) {
                    const uint32_t row = posting.row;
                    if (step == 0 && !admit_->test(posting.slot)) continue;  // also drops stale rows: dead slots
                    Scratch::RowState& state = scratch.rows[row];
                    if (step == 0) {
                        if (state.stamp != scratch.current) {
                            if (admit_ == &index_.live_ && !passes_flat_filters(posting.slot)) continue;
                            state = {scratch.current, 0, 0};
                            scratch.touched_rows.push_back(row);
                        }
                    } else if (state.stamp != scratch.current || (state.mask & earlier) != earlier) {
                        continue;
                    }
                    double score = 0;
                    const auto& length = index_.row_length_[row];
                    for (int field = 0; field < kFields; ++field) {
                        const double tf = posting.frequency[field];
                        if (tf == 0) continue;
                        score += kFieldWeights[field] * tf * (kK1 + 1) /
                                 (tf + kK1 * (1 - kB + kB * length[field] / average_length[field]));
                    }
                    state.mask |= bit;
                    state.score += static_cast<float>(idf * score);
                }
            }
        }
        const uint32_t all = (1u << order.size()) - 1;  // at most search::kMaxQueryTokens (16) words
        for (uint32_t row : scratch.touched_rows) {
            if (scratch.rows[row].mask != all) continue;
            const uint32_t slot = index_.row_slot_[row];
            if (answering_row(slot) == row) matches_.push_back({slot, row, scratch.rows[row].score, 0});
        }
    }

    // 4. Facets over every match.
    void count_facets() {
        if (!(request_.facet_categories || request_.facet_tags || request_.facet_attributes)) {
            count_prices();
            return;
        }
        auto& counts = scratch.facet_counts;
        counts.assign(index_.facet_values_.size(), 0);
        for (const Match& match : matches_)
            for (uint32_t id : index_.facets_of(match.slot)) ++counts[id];
        std::vector<uint32_t> categories, tags;
        std::map<std::string, std::vector<uint32_t>> attributes;
        for (uint32_t id = 0; id < counts.size(); ++id) {
            if (counts[id] == 0) continue;
            const FacetValue& value = index_.facet_values_[id];
            switch (value.kind) {
                case FacetKind::category: if (request_.facet_categories) categories.push_back(id); break;
                case FacetKind::tag: if (request_.facet_tags) tags.push_back(id); break;
                case FacetKind::attribute: if (request_.facet_attributes) attributes[value.name].push_back(id); break;
            }
        }
        auto top = [&](std::vector<uint32_t>& ids) {
            const std::size_t kept = std::min(ids.size(), kMaxFacetValues);
            std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(kept), ids.end(),
                              [&](uint32_t a, uint32_t b) {
                                  return counts[a] != counts[b] ? counts[a] > counts[b]
                                                                : index_.facet_values_[a].value < index_.facet_values_[b].value;
                              });
            ids.resize(kept);
            std::vector<FacetCount> out;
            for (uint32_t id : ids) out.push_back({index_.facet_values_[id].value, "", counts[id]});
            return out;
        };
        result_.categories = top(categories);
        for (auto& category : result_.categories) {
            auto name = index_.category_names_.find(category.value);
            if (name != index_.category_names_.end()) category.label = name->second;
        }
        result_.tags = top(tags);
        for (auto& [name, ids] : attributes) result_.attributes.emplace_back(name, top(ids));
        count_prices();
    }

    void count_prices() {
        if (!request_.facet_price) return;
        const auto& bounds = request_.price_buckets;
        std::vector<int64_t> counts(bounds.size() + 1, 0);
        for (const Match& match : matches_)
            if (const auto price = price_of(match.slot))
                ++counts[static_cast<std::size_t>(std::upper_bound(bounds.begin(), bounds.end(), *price) - bounds.begin())];
        for (std::size_t i = 0; i <= bounds.size(); ++i) {
            PriceBucketCount bucket;
            if (i > 0) bucket.from_minor = bounds[i - 1];
            if (i < bounds.size()) bucket.to_minor = bounds[i];
            bucket.count = counts[i];
            result_.prices.push_back(bucket);
        }
    }

    // Ascending sort key of a match; ties break by product id.
    int64_t sort_key(const Match& match) const {
        const uint32_t slot = match.slot;
        switch (request_.sort) {
            case SearchSort::relevance:
                return words_.empty() ? -index_.created_ms_[slot] : -std::llround(static_cast<double>(match.score) * 1e6);
            case SearchSort::price_asc: return price_of(slot).value_or(INT64_MAX);
            case SearchSort::price_desc: {
                const auto price = price_of(slot);
                return price ? -*price : INT64_MAX;
            }
            case SearchSort::newest: return -index_.created_ms_[slot];
            case SearchSort::rating: {
                const int64_t count = index_.rating_count_[slot];
                const int64_t average = count ? index_.rating_sum_[slot] * 1'000'000 / count : 0;
                return -(average * 4096 + std::min<int64_t>(count, 4095));
            }
            case SearchSort::best_selling: return -index_.units_sold_[slot];
        }
        return 0;
    }

    void page() {
        for (Match& match : matches_) match.key = sort_key(match);
        auto before = [&](const Match& a, const Match& b) {
            if (a.key != b.key) return a.key < b.key;
            return index_.product_id_[a.slot] < index_.product_id_[b.slot];
        };
        if (request_.after) {
            const SearchCursor& cursor = *request_.after;
            std::erase_if(matches_, [&](const Match& match) {
                return match.key < cursor.key ||
                       (match.key == cursor.key && index_.product_id_[match.slot] <= cursor.product_id);
            });
        }
        const std::size_t offset = request_.page ? static_cast<std::size_t>((*request_.page - 1) * request_.limit) : 0;
        const std::size_t end = offset + static_cast<std::size_t>(request_.limit);
        const std::size_t sorted = std::min(end + 1, matches_.size());
        std::partial_sort(matches_.begin(), matches_.begin() + static_cast<std::ptrdiff_t>(sorted), matches_.end(),
                          before);
        for (std::size_t i = offset; i < std::min(end, matches_.size()); ++i) result_.items.push_back(hit(matches_[i]));
        if (matches_.size() > end && end > offset) {
            const Match& last = matches_[end - 1];
            result_.next = SearchCursor{request_.sort, last.key, index_.product_id_[last.slot]};
        }
    }

    SearchHit hit(const Match& match) const {
        const uint32_t slot = match.slot;
        const uint32_t row = match.row != kNone ? match.row : answering_row(slot);
        SearchHit hit;
        hit.product_id = index_.product_id_[slot];
        hit.slug = index_.slug_[slot];
        hit.title = index_.row_title_[row];
        hit.locale = index_.locales_.values[index_.row_locale_[row]];
        hit.price_minor = price_of(slot);
        hit.rating_sum = index_.rating_sum_[slot];
        hit.rating_count = index_.rating_count_[slot];
        hit.units_sold = index_.units_sold_[slot];
        hit.created_ms = index_.created_ms_[slot];
        hit.in_stock = index_.in_stock(slot, now_ms_);
        hit.score = match.score;
        return hit;
    }

    const MemorySearchIndex& index_;
    const SearchRequest& request_;
    const int64_t now_ms_;

    std::vector<std::vector<uint32_t>> words_;  // per query word, the terms it stands for
    bool unmatchable_ = false;                  // a word or a filter that nothing can meet
    std::vector<uint32_t> chain_;
    const std::vector<int64_t>* prices_ = nullptr;  // lowest price per slot in the request's currency
    const SlotBits* admit_ = &index_.live_;  // live products, or those that pass the structural filters
    std::vector<uint32_t>& admissible_ = scratch.admissible_slots;  // the latter as a list
    std::vector<Match>& matches_ = scratch.matches;
    SearchResultData result_;
};

SearchResultData MemorySearchIndex::query(FoldingTokenizer& tokenizer, const SearchRequest& request,
                                          int64_t now_ms) const {
    return Query(*this, request, now_ms).run(tokenizer);
}

}  // namespace commerce::sqlite
