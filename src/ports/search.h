// The search port. Write side: after every product write, in the same transaction, the catalog calls
// tx.search_index().product_changed(id) (or product_removed(id)). Query side: search() over the index.
//
// The SQLite adapter also marks products changed from triggers on every table a search row depends on (prices,
// stock, reservations, licence keys, tags, categories, translations, ratings, units sold), so a module that
// forgets the call cannot leave the index stale; the explicit calls stay the contract for other adapters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace commerce {

enum class SearchSort { relevance, price_asc, price_desc, newest, rating, best_selling };

// Where the previous page ended: the sort it belongs to, the sort key of its last item and that item's id.
struct SearchCursor {
    SearchSort sort = SearchSort::relevance;
    int64_t key = 0;
    std::string product_id;
};

struct SearchRequest {
    std::string q;                       // user text: data only, never syntax
    std::string locale;                  // canonical BCP 47 tag, "" = the default (base) text
    std::string currency;                // ISO 4217 code, "" when no price is asked for
    std::optional<std::string> category_id;
    std::vector<std::string> tags;       // every tag must be present
    std::vector<std::pair<std::string, std::vector<std::string>>> attributes;  // each name: any of its values
    std::optional<int64_t> price_min_minor, price_max_minor;
    std::optional<int64_t> min_rating;   // 1..5: average rating >= min_rating
    bool in_stock = false;
    bool facet_categories = false, facet_tags = false, facet_attributes = false, facet_price = false;
    std::vector<int64_t> price_buckets;  // ascending bounds in minor units
    SearchSort sort = SearchSort::relevance;
    int64_t limit = 20;
    std::optional<int64_t> page;         // 1-based; exclusive with after
    std::optional<SearchCursor> after;
};

struct SearchHit {
    std::string product_id, slug, title, locale;  // locale of the text shown ("" = base text)
    std::optional<int64_t> price_minor;            // lowest variant price in the request's currency
    int64_t rating_sum = 0, rating_count = 0, units_sold = 0, created_ms = 0;
    bool in_stock = false;
    double score = 0;
};

struct FacetCount {
    std::string value;  // category id, tag, attribute value
    std::string label;  // category name; empty otherwise
    int64_t count = 0;
};

struct PriceBucketCount {
    std::optional<int64_t> from_minor, to_minor;  // [from, to)
    int64_t count = 0;
};

struct SearchResultData {
    std::vector<SearchHit> items;
    int64_t total = 0;
    std::vector<FacetCount> categories, tags;
    std::vector<std::pair<std::string, std::vector<FacetCount>>> attributes;
    std::vector<PriceBucketCount> prices;
    std::optional<SearchCursor> next;
    std::optional<std::string> corrected_query;
};

class SearchIndex {
public:
    virtual ~SearchIndex() = default;
    // The product's searchable data changed (or it was created): reindexed when the transaction commits.
    virtual void product_changed(std::string_view product_id) = 0;
    // The product is gone or must no longer be found.
    virtual void product_removed(std::string_view product_id) = 0;
    // Runs a validated request against the index as of this transaction's snapshot (or newer); now_ms decides
    // scheduled publication and live stock reservations.
    virtual SearchResultData search(const SearchRequest& request, int64_t now_ms) = 0;
};

}  // namespace commerce
