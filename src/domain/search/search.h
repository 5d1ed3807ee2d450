// Search rules that need no storage: reading a request, locales and their fallback chain, which query token is
// a prefix, typo distance, the opaque keyset cursor, and the "search_result" document.
#pragma once

#include "ports/search.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce::search {

inline constexpr std::size_t kMaxQueryBytes = 512;   // "q"
inline constexpr std::size_t kMaxQueryTokens = 16;   // tokens past this are ignored
inline constexpr int64_t kMaxLimit = 100;
inline constexpr int64_t kMaxPage = 1000;
inline constexpr std::size_t kMaxFilterValues = 50;  // tags, attribute names, values per attribute, buckets
inline constexpr std::size_t kMaxPrefixExpansions = 64;  // terms a prefix token expands to, most frequent first

// Reads and validates a commerce_search request. INVALID_ARGUMENT with details.field on anything wrong.
SearchRequest parse_request(const nlohmann::json& input);

// "pt-br" / "pt_BR" -> "pt-BR", "zh-hant-tw" -> "zh-Hant-TW". INVALID_ARGUMENT (field "locale") when malformed.
std::string canonical_locale(std::string_view tag);
// The chain a query in `locale` searches, most specific first, ending with "" (the product's base text):
// "pt-BR" -> {"pt-BR", "pt", ""}; "" -> {""}.
std::vector<std::string> locale_chain(std::string_view locale);

// A token of the user's text after folding (lowercase, diacritics removed), with its byte range in the text.
struct Token {
    std::string text;
    std::size_t begin = 0, end = 0;
};
struct QueryTerm {
    std::string text;
    bool prefix = false;  // the last token while typing: the text does not end after it with a separator
};
// The terms to look up: at most kMaxQueryTokens, duplicates dropped, the last one a prefix when the raw text
// ends inside it.
std::vector<QueryTerm> query_terms(const std::vector<Token>& tokens, std::string_view raw);

// Typo tolerance: how many edits a term of `length` code points may be corrected by (0: too short to guess).
int allowed_edits(std::size_t length);
// Optimal string alignment distance over code points (insert, delete, substitute, swap neighbours), or
// max + 1 as soon as it exceeds max.
int edit_distance(std::string_view a, std::string_view b, int max);
// The trigrams of code points of "^word$" that typo candidates are found by, repeats included: n for n code points.
std::vector<std::string> trigrams(std::string_view word);
// The words reached from `word` by 1 to max swaps of neighbouring code points, repeats included.
std::vector<std::string> neighbour_swaps(std::string_view word, int max);

std::string encode_cursor(const SearchCursor& cursor);
// INVALID_ARGUMENT (field "after") for anything that is not a cursor this library made.
SearchCursor decode_cursor(std::string_view text);

std::string_view sort_name(SearchSort sort);

// Average rating with 2 decimals, half-even; "0.00" when there is none.
std::string rating_average(int64_t sum, int64_t count);

nlohmann::json result_document(const SearchRequest& request, const SearchResultData& result);

}  // namespace commerce::search
