// What the search index is built from: a product's searchable facts, read from the catalog tables of one
// snapshot (text, translations, tags, category paths, attributes, prices, stock, reservations, licence keys).
#pragma once

#include "adapters/storage/sqlite/connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace commerce::sqlite {

// What a search entry is made from, as read from the catalog tables.
struct SearchVariantSource {
    std::string id;
    int64_t on_hand = 0;
    bool has_keys = false, keys_left = false;
    std::vector<std::pair<int64_t, int64_t>> reservations;
};
struct SearchSource {
    std::string id, slug, status, title, description, attributes, kind;
    std::optional<int64_t> publish_at;
    int64_t rating_sum = 0, rating_count = 0, units_sold = 0, created_ms = 0;
    std::vector<SearchVariantSource> variants;
    std::vector<std::pair<std::string, int64_t>> prices;
    std::vector<std::string> tags, category_paths;
    std::vector<std::tuple<std::string, std::optional<std::string>, std::optional<std::string>>> translations;
};

// Every product (product_id null) or the one with that id (none when it does not exist).
std::vector<SearchSource> read_search_sources(Connection& db, const std::string* product_id);

}  // namespace commerce::sqlite
