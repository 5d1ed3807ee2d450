// A product as the catalog sells it: options (Edition: Standard, Deluxe), variants (one SKU each, its own prices,
// barcode and shipping facts), images, tags, attributes, SEO texts, categories and translations per locale.
#pragma once

#include "core/money.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

inline constexpr std::string_view kProductDraft = "draft";
inline constexpr std::string_view kProductPublished = "published";
inline constexpr std::string_view kProductArchived = "archived";
inline constexpr std::string_view kPhysical = "physical";
inline constexpr std::string_view kDigital = "digital";

struct ProductOption {
    std::string name;
    std::vector<std::string> values;  // display order
};

struct ProductImage {
    std::string url;
    std::string alt;
};

struct Seo {
    std::optional<std::string> title;
    std::optional<std::string> description;
};

struct Dimensions {
    int64_t length = 0;
    int64_t width = 0;
    int64_t height = 0;
};

struct Variant {
    std::string id;
    std::string sku;
    std::map<std::string, std::string> options;  // option name -> value
    std::optional<std::string> barcode;          // GTIN-13 form (see gtin.h) or EAN-8
    std::vector<Money> prices;                   // at most one per currency
    std::optional<int64_t> weight_grams;
    std::optional<Dimensions> dimensions_mm;
    std::optional<int64_t> low_stock_threshold;
    int64_t backorder_limit = 0;  // a sale may take on hand down to -backorder_limit

    std::optional<Money> price_in(const Currency& currency) const {
        for (const auto& price : prices)
            if (&price.currency() == &currency) return price;
        return std::nullopt;
    }
};

struct ProductTranslation {
    std::optional<std::string> title;
    std::optional<std::string> description;
    Seo seo;
    std::map<std::string, std::string> option_names;  // option name -> translated name
};

struct Product {
    std::string id;
    std::string slug;
    std::string kind{kPhysical};
    // Which rates of the store's tax definition apply (docs/taxes.md): "standard", "reduced", "zero", "digital"
    // or a class the shop defined. A new product takes "digital" or "standard" by its kind.
    std::string tax_class{"standard"};
    std::string status{kProductPublished};
    std::optional<int64_t> publish_at_ms;  // on a draft: published from then on, without a write
    std::string title;
    std::string description;
    Seo seo;
    nlohmann::json attributes = nlohmann::json::object();  // name -> string or array of strings
    std::optional<std::string> licence_type;                // digital products only
    std::optional<std::string> asset;
    std::vector<ProductOption> options;
    std::vector<Variant> variants;  // at least one, in display order
    std::vector<ProductImage> images;
    std::vector<std::string> tags;          // sorted, unique
    std::vector<std::string> category_ids;  // sorted, unique
    std::map<std::string, ProductTranslation> translations;  // by canonical locale
    int64_t rating_count = 0;
    int64_t rating_sum = 0;
    int64_t units_sold = 0;
    int64_t version = 1;  // bumped on every update; optimistic concurrency
    int64_t created_ms = 0;
    int64_t updated_ms = 0;

    // What shoppers may see and buy: published, or a draft whose publish time has come.
    bool visible_at(int64_t now_ms) const {
        return status == kProductPublished || (status == kProductDraft && publish_at_ms && now_ms >= *publish_at_ms);
    }

    const Variant* variant(std::string_view variant_id) const {
        for (const auto& candidate : variants)
            if (candidate.id == variant_id) return &candidate;
        return nullptr;
    }
};

}  // namespace commerce
