#include "domain/catalog/product_document.h"

#include "core/json_output.h"
#include "core/rating.h"
#include "core/timestamp.h"

#include <fmt/format.h>

namespace commerce {
namespace {

using nlohmann::json;

json prices_json(const std::vector<Money>& prices) {
    json list = json::array();
    for (const auto& price : prices) list.push_back(price.to_json());
    return list;
}

// Physical variants are counted; digital ones are limited only by their licence-key pool, if they have one.
json stock_json(const Product& product, const Variant& variant, const StockView& view) {
    if (product.kind == kDigital)
        return {{"tracked", false}, {"on_hand", nullptr}, {"reserved", nullptr},
                {"available", nullable(view.ledger.licence_keys_left(variant.id))}};
    int64_t on_hand = 0, reserved = 0;
    for (const auto& level : view.ledger.levels(variant.id, view.now_ms)) {
        on_hand += level.on_hand;
        reserved += level.reserved;
    }
    return {{"tracked", true}, {"on_hand", on_hand}, {"reserved", reserved}, {"available", on_hand - reserved}};
}

json variant_json(const Product& product, const Variant& variant, const StockView& view) {
    json dimensions = nullptr;
    if (variant.dimensions_mm)
        dimensions = {{"length", variant.dimensions_mm->length}, {"width", variant.dimensions_mm->width},
                      {"height", variant.dimensions_mm->height}};
    return {{"id", variant.id},
            {"sku", variant.sku},
            {"options", variant.options},
            {"barcode", nullable(variant.barcode)},
            {"prices", prices_json(variant.prices)},
            {"weight_grams", nullable(variant.weight_grams)},
            {"dimensions_mm", dimensions},
            {"low_stock_threshold", nullable(variant.low_stock_threshold)},
            {"backorder_limit", variant.backorder_limit},
            {"stock", stock_json(product, variant, view)}};
}

json variants_json(const Product& product, const StockView& view) {
    json list = json::array();
    for (const auto& variant : product.variants) list.push_back(variant_json(product, variant, view));
    return list;
}

json seo_json(const Seo& seo) { return {{"title", nullable(seo.title)}, {"description", nullable(seo.description)}}; }

json images_json(const Product& product) {
    json list = json::array();
    for (const auto& image : product.images) list.push_back({{"url", image.url}, {"alt", image.alt}});
    return list;
}

json translations_json(const Product& product) {
    json translations = json::object();
    for (const auto& [locale, texts] : product.translations)
        translations[locale] = {{"title", nullable(texts.title)}, {"description", nullable(texts.description)},
                                {"seo", seo_json(texts.seo)}, {"options", texts.option_names}};
    return translations;
}

// The first translation in the chain that has the text, else the product's own.
template <typename Pick>
std::optional<std::string> translated(const Product& product, const std::vector<std::string>& chain, Pick pick) {
    for (const auto& locale : chain)
        if (auto it = product.translations.find(locale); it != product.translations.end())
            if (auto text = pick(it->second)) return text;
    return std::nullopt;
}

}  // namespace

json product_document(const Product& product, const StockView& stock) {
    json digital = nullptr;
    if (product.kind == kDigital)
        digital = {{"licence_type", nullable(product.licence_type)}, {"asset", nullable(product.asset)}};
    json options = json::array();
    for (const auto& option : product.options) options.push_back({{"name", option.name}, {"values", option.values}});
    return {{"type", "product"},
            {"schema_version", 1},
            {"id", product.id},
            {"slug", product.slug},
            {"kind", product.kind},
            {"tax_class", product.tax_class},
            {"status", product.status},
            {"publish_at", product.publish_at_ms ? json(format_rfc3339(*product.publish_at_ms)) : json(nullptr)},
            {"title", product.title},
            {"description", product.description},
            {"seo", seo_json(product.seo)},
            {"attributes", product.attributes},
            {"digital", digital},
            {"options", options},
            {"variants", variants_json(product, stock)},
            {"images", images_json(product)},
            {"tags", product.tags},
            {"category_ids", product.category_ids},
            {"translations", translations_json(product)},
            {"rating", rating_json(product.rating_sum, product.rating_count)},
            {"units_sold", product.units_sold},
            {"version", product.version},
            {"created_at", format_rfc3339(product.created_ms)},
            {"updated_at", format_rfc3339(product.updated_ms)}};
}

json product_view_document(const Product& product, const std::vector<std::string>& chain, const StockView& stock) {
    json options = json::array();
    for (const auto& option : product.options) {
        auto label = translated(product, chain, [&](const ProductTranslation& texts) -> std::optional<std::string> {
            auto it = texts.option_names.find(option.name);
            return it == texts.option_names.end() ? std::nullopt : std::optional(it->second);
        });
        options.push_back({{"name", option.name}, {"label", label.value_or(option.name)}, {"values", option.values}});
    }
    const auto text = [&](auto member, const std::string& fallback) {
        return translated(product, chain, member).value_or(fallback);
    };
    const auto seo_text = [&](auto member, const std::optional<std::string>& fallback) {
        auto found = translated(product, chain, member);
        return found ? json(*found) : nullable(fallback);
    };
    return {{"type", "product_view"},
            {"schema_version", 1},
            {"id", product.id},
            {"slug", product.slug},
            {"locale", chain.front()},
            {"kind", product.kind},
            {"title", text([](const ProductTranslation& t) { return t.title; }, product.title)},
            {"description", text([](const ProductTranslation& t) { return t.description; }, product.description)},
            {"seo",
             {{"title", seo_text([](const ProductTranslation& t) { return t.seo.title; }, product.seo.title)},
              {"description",
               seo_text([](const ProductTranslation& t) { return t.seo.description; }, product.seo.description)}}},
            {"attributes", product.attributes},
            {"licence_type", nullable(product.licence_type)},
            {"options", options},
            {"variants", variants_json(product, stock)},
            {"images", images_json(product)},
            {"tags", product.tags},
            {"category_ids", product.category_ids},
            {"rating", rating_json(product.rating_sum, product.rating_count)}};
}

json product_list_document(const std::vector<Product>& products, const std::optional<std::string>& next,
                           const std::optional<int64_t>& total, const StockView& stock) {
    json items = json::array();
    for (const auto& product : products) items.push_back(product_document(product, stock));
    return {{"type", "product_list"}, {"schema_version", 1}, {"items", items}, {"next", nullable(next)},
            {"total", nullable(total)}};
}

json variant_match_document(const Product& product, const Variant& variant, const StockView& stock) {
    return {{"type", "variant_match"},
            {"schema_version", 1},
            {"product",
             {{"id", product.id}, {"slug", product.slug}, {"title", product.title}, {"status", product.status},
              {"kind", product.kind}}},
            {"variant", variant_json(product, variant, stock)}};
}

}  // namespace commerce
