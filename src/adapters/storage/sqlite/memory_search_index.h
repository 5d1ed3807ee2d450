// The in-memory search index of one store: posting lists per folded term for the text, and per product flat
// arrays (one value per product slot) for everything filters, facets and sorts read, so that a query walks
// contiguous memory instead of chasing one heap object per product. See docs/search.md, "Design".
//
// Products live in slots that are only ever appended: a changed product is removed (its slot and text rows go
// stale) and added again at a new slot. Stale entries are skipped by a liveness check and dropped when the owner
// rebuilds the index (worth_rebuilding()). Not thread-safe: the owner serializes add/remove against queries.
#pragma once

#include "adapters/storage/sqlite/folding_tokenizer.h"
#include "adapters/storage/sqlite/search_source.h"
#include "ports/search.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace commerce::sqlite {

// A set of product slots as bits: 12.5 KB per 100,000 products, so that a query's membership test per posting
// stays in the first-level cache.
class SlotBits {
public:
    void resize(std::size_t slots) { words_.resize((slots + 63) / 64, 0); }
    void clear() { std::fill(words_.begin(), words_.end(), 0); }
    void set(uint32_t slot) { words_[slot >> 6] |= uint64_t{1} << (slot & 63); }
    void reset(uint32_t slot) { words_[slot >> 6] &= ~(uint64_t{1} << (slot & 63)); }
    bool test(uint32_t slot) const { return (words_[slot >> 6] >> (slot & 63)) & 1; }

private:
    std::vector<uint64_t> words_;
};

class MemorySearchIndex {
public:
    // Indexes a product that is not in the index. Products that can never be shown (archived, plain drafts) are
    // left out.
    void add(FoldingTokenizer& tokenizer, const SearchSource& source);
    // Drops the product when it is in the index.
    void remove(std::string_view product_id);
    // Stale rows outweigh live ones: rebuilding from scratch is cheaper than carrying them.
    bool worth_rebuilding() const;
    // Category id -> name, for the labels of the category facet.
    void set_category_names(std::unordered_map<std::string, std::string> names) { category_names_ = std::move(names); }
    const std::unordered_map<std::string, std::string>& category_names() const { return category_names_; }

    SearchResultData query(FoldingTokenizer& tokenizer, const SearchRequest& request, int64_t now_ms) const;

private:
    class Query;  // one run of query(), memory_search_query.cpp

    static constexpr int kFields = 4;  // title, description, tags, attributes
    static constexpr uint32_t kNone = UINT32_MAX;
    static constexpr int64_t kNoPrice = INT64_MIN;

    struct Posting {
        uint32_t row;
        uint32_t slot;  // the row's product: the filters are tested without touching the row
        std::array<uint8_t, kFields> frequency;  // per field, saturated at 255
    };
    struct Term {
        std::string text;
        std::vector<Posting> postings;  // ascending rows (rows are only appended)
        int64_t live_rows = 0;          // document frequency over live rows
    };
    // A category (with every product of its subtree), a tag, or one value of one attribute.
    enum class FacetKind : uint8_t { category, tag, attribute };
    struct FacetValue {
        FacetKind kind;
        std::string name;             // attribute name; empty otherwise
        std::string value;            // category id, tag, attribute value
        std::vector<uint32_t> slots;  // products holding it, ascending, stale ones included
    };
    enum class Availability : uint8_t { always, never, on_reservations };
    struct VariantStock {
        int64_t on_hand = 0;
        std::vector<std::pair<int64_t, int64_t>> reservations;  // quantity, expires_ms
    };

    // Strings to dense ids and back.
    struct Interner {
        std::unordered_map<std::string, uint32_t> ids;
        std::vector<std::string> values;
        uint32_t intern(const std::string& value);
        uint32_t find(const std::string& value) const;
    };

    uint32_t term_id(std::string_view text);
    uint32_t facet_id(FacetKind kind, const std::string& name, const std::string& value);
    uint32_t find_facet(FacetKind kind, const std::string& name, const std::string& value) const;
    void add_row(FoldingTokenizer& tokenizer, uint32_t slot, const std::string& locale, const std::string& title,
                 const std::array<std::string_view, kFields>& fields);
    bool in_stock(uint32_t slot, int64_t now_ms) const;
    std::span<const uint32_t> facets_of(uint32_t slot) const;

    // Vocabulary.
    std::unordered_map<std::string, uint32_t> term_ids_;
    std::map<std::string, uint32_t, std::less<>> sorted_terms_;  // prefix ranges
    std::vector<Term> terms_;
    std::unordered_map<std::string, std::vector<uint32_t>> trigrams_;  // typo candidates

    // Text rows: a product's base text, then one per translation; a product's rows are consecutive.
    std::vector<uint32_t> row_slot_;  // kNone once stale
    std::vector<uint16_t> row_locale_;
    std::vector<std::array<uint16_t, kFields>> row_length_;
    std::vector<std::string> row_title_;
    std::vector<uint32_t> row_terms_begin_, row_terms_;  // distinct terms per row, to keep live_rows right
    std::array<double, kFields> total_length_{};
    int64_t live_rows_ = 0, stale_rows_ = 0;

    // Products by slot.
    std::unordered_map<std::string, uint32_t> slot_of_;  // live products only
    std::vector<std::string> product_id_, slug_;
    SlotBits live_;
    std::vector<uint32_t> first_row_;
    std::vector<uint16_t> row_count_;
    std::vector<int64_t> visible_from_ms_, created_ms_, rating_sum_, rating_count_, units_sold_;
    std::vector<Availability> availability_;
    std::unordered_map<uint32_t, std::vector<VariantStock>> reserved_stock_;  // slots whose stock is on_reservations
    std::vector<std::vector<int64_t>> lowest_price_;  // [currency id][slot], kNoPrice when none
    std::vector<uint32_t> facets_begin_, facets_;     // facet ids per slot, ascending

    Interner locales_, currencies_, facet_keys_;
    std::vector<FacetValue> facet_values_;
    std::unordered_map<std::string, std::string> category_names_;
};

}  // namespace commerce::sqlite
