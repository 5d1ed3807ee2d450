#include "domain/search/search.h"

#include "core/encoding.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_output.h"
#include "core/money.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_set>

namespace commerce::search {
namespace {

constexpr std::array<std::pair<SearchSort, std::string_view>, 6> kSorts = {{
    {SearchSort::relevance, "relevance"},
    {SearchSort::price_asc, "price_asc"},
    {SearchSort::price_desc, "price_desc"},
    {SearchSort::newest, "newest"},
    {SearchSort::rating, "rating"},
    {SearchSort::best_selling, "best_selling"},
}};

std::optional<SearchSort> sort_from(std::string_view name) {
    for (const auto& [sort, text] : kSorts)
        if (text == name) return sort;
    return std::nullopt;
}

// A string member that must be present as a string, bounded, in an array or object value position.
std::string string_value(const json& value, const std::string& field, std::size_t max_bytes = kMaxShortText) {
    if (!value.is_string()) throw_invalid(field, fmt::format("{} must be a string", field));
    const auto& text = value.get_ref<const std::string&>();
    return std::string(checked_text(text.c_str(), field, max_bytes));
}

const json& array_member(const json& object, std::string_view member, const std::string& field) {
    const json& value = object.at(member);
    if (!value.is_array()) throw_invalid(field, fmt::format("{} must be an array", field));
    if (value.size() > kMaxFilterValues)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("{} has more than {} values", field, kMaxFilterValues),
                    {{"field", field}, {"reason", "too_long"}});
    return value;
}

// An amount in the request's currency, exact, never negative.
int64_t amount_minor(const json& value, const std::string& currency_code, const std::string& field) {
    const std::string text = string_value(value, field, 64);
    try {
        const Money money = Money::parse(text, currency_code);
        if (money.is_negative()) throw_invalid(field, fmt::format("{} must not be negative", field));
        return money.minor();
    } catch (const Error& error) {
        if (error.details().value("field", "") == field) throw;
        throw Error(error.code(), error.what(), {{"field", field}});
    }
}

std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t point = length == 1 ? byte : length == 2 ? (byte & 0x1F) : length == 3 ? (byte & 0x0F) : (byte & 0x07);
        for (int k = 1; k < length && i + k < text.size(); ++k)
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(point);
        i += length;
    }
    return out;
}

// Where each code point of UTF-8 text starts, then the end of the text.
std::vector<std::size_t> code_point_bounds(std::string_view text) {
    std::vector<std::size_t> bounds;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) bounds.push_back(i);
    bounds.push_back(text.size());
    return bounds;
}

bool all_of(std::string_view text, int (*predicate)(int)) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
        return predicate(static_cast<unsigned char>(c)) != 0;
    });
}

}  // namespace

std::string_view sort_name(SearchSort sort) {
    for (const auto& [value, text] : kSorts)
        if (value == sort) return text;
    return "relevance";
}

std::string canonical_locale(std::string_view tag) {
    if (tag.empty()) return {};
    if (tag.size() > 35) throw_invalid("locale", "locale is not a BCP 47 language tag");
    std::string out;
    std::size_t index = 0, start = 0;
    while (start <= tag.size()) {
        std::size_t stop = tag.find_first_of("-_", start);
        if (stop == std::string_view::npos) stop = tag.size();
        std::string part(tag.substr(start, stop - start));
        if (part.empty() || part.size() > 8 || !all_of(part, [](int c) { return std::isalnum(c); }))
            throw_invalid("locale", "locale is not a BCP 47 language tag");
        for (auto& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (index == 0) {
            if (part.size() < 2 || part.size() > 3 || !all_of(part, [](int c) { return std::isalpha(c); }))
                throw_invalid("locale", "locale must start with an ISO 639 language code");
        } else if (part.size() == 4 && all_of(part, [](int c) { return std::isalpha(c); })) {
            part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
        } else if ((part.size() == 2 && all_of(part, [](int c) { return std::isalpha(c); })) ||
                   (part.size() == 3 && all_of(part, [](int c) { return std::isdigit(c); }))) {
            for (auto& c : part) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        if (index > 0) out += '-';
        out += part;
        ++index;
        start = stop + 1;
    }
    return out;
}

std::vector<std::string> locale_chain(std::string_view locale) {
    std::vector<std::string> chain;
    std::string current(locale);
    while (!current.empty()) {
        chain.push_back(current);
        const auto dash = current.rfind('-');
        current = dash == std::string::npos ? std::string() : current.substr(0, dash);
    }
    chain.emplace_back();
    return chain;
}

std::vector<QueryTerm> query_terms(const std::vector<Token>& tokens, std::string_view raw) {
    std::vector<QueryTerm> terms;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < tokens.size() && terms.size() < kMaxQueryTokens; ++i) {
        const bool last = i + 1 == tokens.size();
        const bool prefix = last && tokens[i].end >= raw.size();
        if (!seen.insert(tokens[i].text + (prefix ? "*" : "")).second) continue;
        terms.push_back({tokens[i].text, prefix});
    }
    return terms;
}

int allowed_edits(std::size_t length) {
    if (length < 4) return 0;
    if (length < 8) return 1;
    return 2;
}

int edit_distance(std::string_view a_text, std::string_view b_text, int max) {
    const auto a = code_points(a_text), b = code_points(b_text);
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > max) return max + 1;
    std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
    for (int j = 0; j <= m; ++j) previous[j] = j;
    for (int i = 1; i <= n; ++i) {
        current[0] = i;
        int row_min = current[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
            row_min = std::min(row_min, current[j]);
        }
        if (row_min > max) return max + 1;
        before.swap(previous);
        previous.swap(current);
    }
    return std::min(previous[m], max + 1);
}

std::vector<std::string> trigrams(std::string_view word) {
    const std::string padded = "^" + std::string(word) + "$";
    const auto bounds = code_point_bounds(padded);
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 < bounds.size(); ++i)
        out.push_back(padded.substr(bounds[i], bounds[i + 3] - bounds[i]));
    return out;
}

std::vector<std::string> neighbour_swaps(std::string_view word, int max) {
    std::vector<std::string> out, reached = {std::string(word)};
    for (int swaps = 0; swaps < max; ++swaps) {
        std::vector<std::string> next;
        for (const auto& text : reached) {
            const auto bounds = code_point_bounds(text);
            for (std::size_t i = 0; i + 2 < bounds.size(); ++i)
                next.push_back(text.substr(0, bounds[i]) + text.substr(bounds[i + 1], bounds[i + 2] - bounds[i + 1]) +
                               text.substr(bounds[i], bounds[i + 1] - bounds[i]) + text.substr(bounds[i + 2]));
        }
        out.insert(out.end(), next.begin(), next.end());
        reached = std::move(next);
    }
    return out;
}

std::string encode_cursor(const SearchCursor& cursor) {
    return base64url_encode(fmt::format("s1|{}|{}|{}", sort_name(cursor.sort), cursor.key, cursor.product_id));
}

SearchCursor decode_cursor(std::string_view text) {
    auto fail = [] { throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "after is not a search cursor", {{"field", "after"}, {"reason", "bad_cursor"}}); };
    if (text.size() > 512) fail();
    const auto bytes = base64url_decode(text);
    if (!bytes) fail();
    std::string_view rest(*bytes);
    std::vector<std::string_view> parts;
    for (int i = 0; i < 3; ++i) {
        const auto bar = rest.find('|');
        if (bar == std::string_view::npos) fail();
        parts.push_back(rest.substr(0, bar));
        rest.remove_prefix(bar + 1);
    }
    if (parts[0] != "s1" || rest.empty() || !is_valid_utf8(rest)) fail();
    SearchCursor cursor;
    const auto sort = sort_from(parts[1]);
    if (!sort) fail();
    cursor.sort = *sort;
    const auto [end, error] = std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), cursor.key);
    if (error != std::errc() || end != parts[2].data() + parts[2].size()) fail();
    cursor.product_id = std::string(rest);
    return cursor;
}

std::string rating_average(int64_t sum, int64_t count) {
    if (count <= 0) return "0.00";
    const int64_t scaled = sum * 100;
    int64_t quotient = scaled / count;
    const int64_t remainder = scaled % count;
    if (2 * remainder > count || (2 * remainder == count && quotient % 2 == 1)) ++quotient;
    return fmt::format("{}.{:02}", quotient / 100, quotient % 100);
}

SearchRequest parse_request(const json& input) {
    reject_unknown_members(input, "search request",
                           {"q", "locale", "currency", "filters", "facets", "price_buckets", "sort", "limit", "after",
                            "page"});
    SearchRequest request;
    request.q = optional_string(input, "q", kMaxQueryBytes).value_or("");
    request.locale = canonical_locale(optional_string(input, "locale", 64).value_or(""));
    if (auto code = optional_string(input, "currency", 8)) request.currency = std::string(currency(*code).code);
    auto need_currency = [&](const std::string& field) {
        if (request.currency.empty())
            throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("{} needs \"currency\"", field),
                        {{"field", "currency"}, {"reason", "required"}});
    };

    if (auto it = input.find("filters"); it != input.end() && !it->is_null()) {
        const json& filters = *it;
        if (!filters.is_object()) throw_invalid("filters", "filters must be an object");
        reject_unknown_members(filters, "filters",
                               {"category_id", "tags", "attributes", "price", "min_rating", "in_stock"});
        request.category_id = optional_string(filters, "category_id", kMaxShortText);
        if (filters.contains("tags") && !filters["tags"].is_null())
            for (const auto& tag : array_member(filters, "tags", "filters.tags"))
                request.tags.push_back(string_value(tag, "filters.tags"));
        if (auto attrs = filters.find("attributes"); attrs != filters.end() && !attrs->is_null()) {
            if (!attrs->is_object()) throw_invalid("filters.attributes", "filters.attributes must be an object");
            if (attrs->size() > kMaxFilterValues)
                throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "filters.attributes has too many names",
                            {{"field", "filters.attributes"}, {"reason", "too_long"}});
            for (const auto& [name, values] : attrs->items()) {
                const std::string field = "filters.attributes." + name;
                checked_text(name.c_str(), "filters.attributes");
                std::vector<std::string> wanted;
                if (values.is_string()) {
                    wanted.push_back(string_value(values, field));
                } else {
                    if (!values.is_array() || values.empty())
                        throw_invalid(field, fmt::format("{} must be a string or a non-empty array of strings", field));
                    if (values.size() > kMaxFilterValues)
                        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("{} has too many values", field),
                                    {{"field", field}, {"reason", "too_long"}});
                    for (const auto& value : values) wanted.push_back(string_value(value, field));
                }
                request.attributes.emplace_back(name, std::move(wanted));
            }
        }
        if (auto price = filters.find("price"); price != filters.end() && !price->is_null()) {
            if (!price->is_object()) throw_invalid("filters.price", "filters.price must be an object");
            reject_unknown_members(*price, "filters.price", {"min", "max"});
            need_currency("filters.price");
            if (price->contains("min") && !(*price)["min"].is_null())
                request.price_min_minor = amount_minor((*price)["min"], request.currency, "filters.price.min");
            if (price->contains("max") && !(*price)["max"].is_null())
                request.price_max_minor = amount_minor((*price)["max"], request.currency, "filters.price.max");
            if (request.price_min_minor && request.price_max_minor && *request.price_min_minor > *request.price_max_minor)
                throw_invalid("filters.price", "filters.price.min is above filters.price.max");
        }
        if (filters.contains("min_rating")) {
            if (auto rating = optional_integer(filters, "min_rating", 0, 5)) request.min_rating = *rating;
        }
        request.in_stock = optional_bool(filters, "in_stock").value_or(false);
    }

    if (auto it = input.find("facets"); it != input.end() && !it->is_null()) {
        for (const auto& facet : array_member(input, "facets", "facets")) {
            const std::string name = string_value(facet, "facets", 32);
            if (name == "categories") request.facet_categories = true;
            else if (name == "tags") request.facet_tags = true;
            else if (name == "attributes") request.facet_attributes = true;
            else if (name == "price") request.facet_price = true;
            else throw_invalid("facets", fmt::format("unknown facet '{}'", name));
        }
    }
    if (request.facet_price) need_currency("the price facet");
    if (auto it = input.find("price_buckets"); it != input.end() && !it->is_null()) {
        need_currency("price_buckets");
        for (const auto& bound : array_member(input, "price_buckets", "price_buckets")) {
            const int64_t minor = amount_minor(bound, request.currency, "price_buckets");
            if (!request.price_buckets.empty() && minor <= request.price_buckets.back())
                throw_invalid("price_buckets", "price_buckets must be strictly ascending");
            request.price_buckets.push_back(minor);
        }
    }
    if (request.facet_price && request.price_buckets.empty()) {
        const Currency& unit = currency(request.currency);
        int64_t scale = 1;
        for (int i = 0; i < unit.exponent; ++i) scale *= 10;
        for (int64_t bound : {10, 25, 50, 100, 250}) request.price_buckets.push_back(bound * scale);
    }

    if (auto sort = optional_string(input, "sort", 32)) {
        const auto parsed = sort_from(*sort);
        if (!parsed) throw_invalid("sort", fmt::format("unknown sort '{}'", *sort));
        request.sort = *parsed;
    }
    if (request.sort == SearchSort::price_asc || request.sort == SearchSort::price_desc) need_currency("a price sort");
    request.limit = optional_integer(input, "limit", 1, kMaxLimit).value_or(20);
    request.page = optional_integer(input, "page", 1, kMaxPage);
    if (auto after = optional_string(input, "after", 512)) {
        if (request.page) throw_invalid("after", "give either \"after\" or \"page\", not both");
        request.after = decode_cursor(*after);
        if (request.after->sort != request.sort)
            throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "the cursor belongs to another sort",
                        {{"field", "after"}, {"reason", "bad_cursor"}});
    }
    return request;
}

namespace {

json money_or_null(const std::optional<int64_t>& minor, const std::string& code) {
    if (!minor || code.empty()) return nullptr;
    return Money::from_minor(*minor, currency(code)).to_json();
}

}  // namespace

json result_document(const SearchRequest& request, const SearchResultData& result) {
    json items = json::array();
    for (const auto& hit : result.items) {
        items.push_back({{"product_id", hit.product_id},
                         {"slug", hit.slug},
                         {"title", hit.title},
                         {"locale", hit.locale.empty() ? json(nullptr) : json(hit.locale)},
                         {"price", money_or_null(hit.price_minor, request.currency)},
                         {"rating", {{"average", rating_average(hit.rating_sum, hit.rating_count)},
                                     {"count", hit.rating_count}}},
                         {"in_stock", hit.in_stock}});
    }
    json facets = json::object();
    auto counts = [](const std::vector<FacetCount>& list, const char* key, bool with_label) {
        json out = json::array();
        for (const auto& entry : list) {
            json item(json::value_t::object);  // members set one by one: an initializer list copies each value
            item[key] = entry.value;
            item["count"] = entry.count;
            if (with_label) item["name"] = entry.label;
            out.push_back(std::move(item));
        }
        return out;
    };
    if (request.facet_categories) facets["categories"] = counts(result.categories, "id", true);
    if (request.facet_tags) facets["tags"] = counts(result.tags, "tag", false);
    if (request.facet_attributes) {
        json attributes = json::object();
        for (const auto& [name, values] : result.attributes) attributes[name] = counts(values, "value", false);
        facets["attributes"] = std::move(attributes);
    }
    if (request.facet_price) {
        json buckets = json::array();
        for (const auto& bucket : result.prices)
            buckets.push_back({{"from", money_or_null(bucket.from_minor, request.currency)},
                               {"to", money_or_null(bucket.to_minor, request.currency)},
                               {"count", bucket.count}});
        facets["price"] = std::move(buckets);
    }
    json document = {{"type", "search_result"},
                     {"schema_version", 1},
                     {"q", request.q},
                     {"locale", request.locale.empty() ? json(nullptr) : json(request.locale)},
                     {"sort", sort_name(request.sort)},
                     {"items", std::move(items)},
                     {"total", result.total},
                     {"facets", std::move(facets)},
                     {"next", result.next ? json(encode_cursor(*result.next)) : json(nullptr)}};
    if (request.page) document["page"] = *request.page;
    if (result.corrected_query) document["corrected_query"] = *result.corrected_query;
    return document;
}

}  // namespace commerce::search
