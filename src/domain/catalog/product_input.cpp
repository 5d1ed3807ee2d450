#include "domain/catalog/product_input.h"

#include "core/error.h"
#include "core/timestamp.h"
#include "domain/catalog/gtin.h"
#include "domain/catalog/input.h"
#include "domain/catalog/limits.h"
#include "domain/catalog/locale.h"
#include "domain/catalog/slug.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace commerce {
namespace {

namespace in = catalog_input;
namespace limits = catalog_limits;

// The members of a variant that a product without options may also give at its top level.
const std::initializer_list<std::string_view> kVariantMembers = {
    "sku", "options", "barcode", "prices", "weight_grams", "dimensions_mm", "low_stock_threshold", "backorder_limit",
    "stock"};

bool has_variant_members(const json& input) {
    for (auto member : kVariantMembers)
        if (member != "options" && input.contains(member)) return true;
    return false;
}

std::vector<Money> parse_prices(const json& prices) {
    if (!prices.is_array()) throw_invalid("prices", "type", "prices must be an array of {amount, currency}");
    std::vector<Money> parsed;
    for (const auto& entry : prices) {
        Money price = Money::from_json(entry);
        if (price.is_negative()) throw_invalid("prices", "negative", "a price must not be negative");
        for (const auto& seen : parsed)
            if (&seen.currency() == &price.currency())
                throw_invalid("prices", "duplicate", fmt::format("two prices in {}", price.currency().code));
        parsed.push_back(price);
    }
    return parsed;
}

std::optional<std::string> parse_barcode(const json& value) {
    if (value.is_null()) return std::nullopt;
    if (!value.is_string()) throw_invalid("barcode", "type", "barcode must be a string of digits");
    auto normalized = normalized_gtin(value.get_ref<const std::string&>());
    if (!normalized)
        throw_invalid("barcode", "check_digit", "barcode must be an EAN-13, UPC-A or EAN-8 with a valid check digit");
    return normalized;
}

Dimensions parse_dimensions(const json& value) {
    if (!value.is_object()) throw_invalid("dimensions_mm", "type", "dimensions_mm must be {length, width, height}");
    reject_unknown_members(value, "dimensions_mm", {"length", "width", "height"});
    auto side = [&](const char* name) {
        auto parsed = optional_integer(value, name, 0, limits::kMaxMillimetres);
        if (!parsed) throw_invalid(name, "required", fmt::format("dimensions_mm.{} is required", name));
        return *parsed;
    };
    return {side("length"), side("width"), side("height")};
}

std::map<std::string, std::string> parse_option_values(const json& value) {
    if (!value.is_object()) throw_invalid("options", "type", "a variant's options must be an object name -> value");
    std::map<std::string, std::string> parsed;
    for (const auto& [name, choice] : value.items()) {
        if (!choice.is_string()) throw_invalid("options", "type", "a variant's option values must be strings");
        parsed[name] = choice.get<std::string>();
    }
    return parsed;
}

// Applies the variant members present in input; `creating` allows "stock" (received at the default location).
void apply_variant(Variant& variant, const json& input, bool creating, std::map<std::string, int64_t>& stock) {
    if (auto sku = in::text(input, "sku", limits::kSku)) variant.sku = *sku;
    if (input.contains("options")) variant.options = parse_option_values(input["options"]);
    if (input.contains("barcode")) variant.barcode = parse_barcode(input["barcode"]);
    if (input.contains("prices")) variant.prices = parse_prices(input["prices"]);
    if (input.contains("weight_grams"))
        variant.weight_grams = optional_integer(input, "weight_grams", 0, limits::kMaxGrams);
    if (input.contains("dimensions_mm"))
        variant.dimensions_mm = input["dimensions_mm"].is_null() ? std::nullopt
                                                                  : std::optional(parse_dimensions(input["dimensions_mm"]));
    if (input.contains("low_stock_threshold"))
        variant.low_stock_threshold = optional_integer(input, "low_stock_threshold", 0, limits::kMaxStock);
    if (auto limit = optional_integer(input, "backorder_limit", 0, limits::kMaxStock)) variant.backorder_limit = *limit;
    if (input.contains("stock")) {
        if (!creating) throw_invalid("stock", "not_here", "stock changes through the inventory functions (inventory.h)");
        if (auto quantity = optional_integer(input, "stock", 0, limits::kMaxStock); quantity && *quantity > 0)
            stock[variant.id] = *quantity;
    }
    if (variant.sku.empty()) throw_invalid("sku", "required", "every variant needs a sku");
}

// "variants" of a create request or a patch: entries with an id update that variant, others are new, and
// variants left out are removed.
std::vector<Variant> parse_variants(const json& list, const std::vector<Variant>& current, IdGenerator& ids,
                                    bool creating, std::map<std::string, int64_t>& stock) {
    std::vector<Variant> variants;
    for (const auto& entry : list) {
        if (!entry.is_object()) throw_invalid("variants", "type", "each variant must be an object");
        std::vector<std::string_view> known(kVariantMembers.begin(), kVariantMembers.end());
        Variant variant;
        if (!creating && entry.contains("id")) {
            const std::string id = required_string(entry, "id", kMaxShortText);
            auto it = std::find_if(current.begin(), current.end(), [&](const Variant& v) { return v.id == id; });
            if (it == current.end()) throw_invalid("variants", "unknown_variant", fmt::format("the product has no variant '{}'", id));
            variant = *it;
        } else {
            variant.id = ids.next();
        }
        for (const auto& [member, value] : entry.items())
            if ((member != "id" || creating) && std::find(known.begin(), known.end(), member) == known.end())
                throw_invalid(member, "unknown_member", fmt::format("a variant has no member '{}'", member));
        apply_variant(variant, entry, creating, stock);
        variants.push_back(std::move(variant));
    }
    return variants;
}

std::vector<ProductOption> parse_options(const json& list) {
    std::vector<ProductOption> options;
    for (const auto& entry : list) {
        if (!entry.is_object()) throw_invalid("options", "type", "each option must be {name, values}");
        reject_unknown_members(entry, "an option", {"name", "values"});
        ProductOption option{*in::text(entry, "name", limits::kName, true), {}};
        const json* values = in::array(entry, "values", limits::kOptionValues);
        if (!values || values->empty()) throw_invalid("options", "required", "an option needs values");
        for (const auto& value : *values) {
            if (!value.is_string() || value.get_ref<const std::string&>().empty() ||
                value.get_ref<const std::string&>().size() > limits::kName)
                throw_invalid("options", "type", "option values are strings of 1 to 64 bytes");
            if (std::find(option.values.begin(), option.values.end(), value.get<std::string>()) != option.values.end())
                throw_invalid("options", "duplicate", fmt::format("option {} lists a value twice", option.name));
            option.values.push_back(value.get<std::string>());
        }
        for (const auto& seen : options)
            if (seen.name == option.name) throw_invalid("options", "duplicate", "two options share a name");
        options.push_back(std::move(option));
    }
    return options;
}

json parse_attributes(const json& value) {
    if (!value.is_object()) throw_invalid("attributes", "type", "attributes must be an object name -> text or [text]");
    if (value.size() > limits::kAttributes) throw_invalid("attributes", "too_many", "too many attributes");
    auto text_value = [](const json& item) {
        if (!item.is_string() || item.get_ref<const std::string&>().size() > limits::kTitle)
            throw_invalid("attributes", "type", "attribute values are strings of at most 200 bytes");
    };
    for (const auto& [name, item] : value.items()) {
        if (name.empty() || name.size() > limits::kName) throw_invalid("attributes", "too_long", "attribute names are 1 to 64 bytes");
        if (item.is_array()) {
            if (item.size() > limits::kAttributeValues) throw_invalid("attributes", "too_many", "too many attribute values");
            for (const auto& element : item) text_value(element);
        } else {
            text_value(item);
        }
    }
    return value;
}

Seo parse_seo(const json& value, Seo seo) {
    if (!value.is_object()) throw_invalid("seo", "type", "seo must be {title, description}");
    reject_unknown_members(value, "seo", {"title", "description"});
    if (value.contains("title")) seo.title = optional_string(value, "title", limits::kTitle);
    if (value.contains("description")) seo.description = optional_string(value, "description", limits::kSeoDescription);
    return seo;
}

void apply_translation(ProductTranslation& translation, const json& value) {
    if (!value.is_object()) throw_invalid("translations", "type", "a translation must be an object");
    reject_unknown_members(value, "a translation", {"title", "description", "seo", "options"});
    if (value.contains("title")) translation.title = optional_string(value, "title", limits::kTitle);
    if (value.contains("description")) translation.description = optional_string(value, "description", limits::kBody);
    if (value.contains("seo")) translation.seo = parse_seo(value["seo"], translation.seo);
    if (value.contains("options")) {
        translation.option_names = parse_option_values(value["options"]);
    }
}

// Per locale: an object merges into that locale's texts, null removes the locale.
void apply_translations(Product& product, const json& value, const CatalogSettings& settings) {
    if (!value.is_object()) throw_invalid("translations", "type", "translations must be an object locale -> texts");
    for (const auto& [tag, texts] : value.items()) {
        const std::string locale = require_locale(tag, settings.locales);
        if (texts.is_null()) product.translations.erase(locale);
        else apply_translation(product.translations[locale], texts);
    }
    if (product.translations.size() > limits::kTranslations) throw_invalid("translations", "too_many", "too many locales");
}

void apply_digital(Product& product, const json& value) {
    if (value.is_null()) {
        product.licence_type.reset();
        product.asset.reset();
        return;
    }
    if (!value.is_object()) throw_invalid("digital", "type", "digital must be {licence_type, asset}");
    reject_unknown_members(value, "digital", {"licence_type", "asset"});
    if (value.contains("licence_type")) product.licence_type = optional_string(value, "licence_type", limits::kName);
    if (value.contains("asset")) product.asset = optional_string(value, "asset", limits::kUrl);
}

std::vector<ProductImage> parse_images(const json& list) {
    std::vector<ProductImage> images;
    for (const auto& entry : list) {
        if (!entry.is_object()) throw_invalid("images", "type", "each image must be {url, alt}");
        reject_unknown_members(entry, "an image", {"url", "alt"});
        images.push_back({*in::text(entry, "url", limits::kUrl, true),
                          optional_string(entry, "alt", limits::kTitle).value_or("")});
    }
    return images;
}

void apply_status(Product& product, const json& input) {
    if (auto status = optional_string(input, "status", 16)) {
        if (*status != kProductDraft && *status != kProductPublished && *status != kProductArchived)
            throw_invalid("status", "unknown_status", "status must be draft, published or archived");
        product.status = *status;
    }
    if (input.contains("publish_at")) {
        auto text = optional_string(input, "publish_at", 64);
        product.publish_at_ms = text ? parse_rfc3339(*text) : std::nullopt;
        if (text && !product.publish_at_ms)
            throw_invalid("publish_at", "format", "publish_at must be an RFC 3339 UTC time like 2026-12-01T00:00:00Z");
    }
}

// Every variant names a value of each option and nothing else, no two share a combination, a SKU or a
// barcode; translations keep only the names of options that exist.
void check_consistency(Product& product) {
    if (product.variants.empty()) throw_invalid("variants", "required", "a product needs at least one variant");
    if (product.variants.size() > limits::kVariants) throw_invalid("variants", "too_many", "too many variants");
    std::set<std::map<std::string, std::string>> combinations;
    std::set<std::string> skus, barcodes;
    for (const auto& variant : product.variants) {
        if (variant.options.size() != product.options.size())
            throw_invalid("options", "option_mismatch", fmt::format("variant {} must give one value per option", variant.sku));
        for (const auto& [name, value] : variant.options) {
            auto option = std::find_if(product.options.begin(), product.options.end(),
                                       [&](const ProductOption& o) { return o.name == name; });
            if (option == product.options.end() ||
                std::find(option->values.begin(), option->values.end(), value) == option->values.end())
                throw_invalid("options", "option_mismatch",
                            fmt::format("variant {}: {} = {} is not an option of the product", variant.sku, name, value));
        }
        if (!combinations.insert(variant.options).second)
            throw_invalid("variants", "duplicate", "two variants have the same option values");
        if (!skus.insert(variant.sku).second)
            throw Error(COMMERCE_ERR_EXISTS, fmt::format("SKU '{}' is given twice", variant.sku), {{"field", "sku"}});
        if (variant.barcode && !barcodes.insert(*variant.barcode).second)
            throw Error(COMMERCE_ERR_EXISTS, "a barcode is given twice", {{"field", "barcode"}});
    }
    if (product.kind == kPhysical && (product.licence_type || product.asset))
        throw_invalid("digital", "physical", "only digital products have licence_type and asset");
    for (auto& [locale, translation] : product.translations)
        std::erase_if(translation.option_names, [&](const auto& entry) {
            return std::none_of(product.options.begin(), product.options.end(),
                                [&](const ProductOption& o) { return o.name == entry.first; });
        });
}

// The members shared by create and patch.
void apply_members(Product& product, const json& input, IdGenerator& ids, const CatalogSettings& settings,
                   bool creating, std::map<std::string, int64_t>& stock) {
    if (auto title = in::text(input, "title", limits::kTitle)) product.title = *title;
    if (input.contains("slug")) product.slug = in::slug_or_title(input, product.title);
    if (input.contains("description")) product.description = optional_string(input, "description", limits::kBody).value_or("");
    if (auto kind = optional_string(input, "kind", 16)) {
        if (*kind != kPhysical && *kind != kDigital) throw_invalid("kind", "unknown_kind", "kind must be physical or digital");
        product.kind = *kind;
        if (product.kind == kPhysical && !input.contains("digital")) apply_digital(product, nullptr);
    }
    if (auto tax_class = optional_string(input, "tax_class", limits::kTaxClass)) product.tax_class = *tax_class;
    apply_status(product, input);
    if (input.contains("seo")) product.seo = parse_seo(input["seo"], product.seo);
    if (const json* tags = in::array(input, "tags", limits::kTags)) product.tags = in::sorted_strings(*tags, "tags", limits::kTag);
    if (const json* ids_json = in::array(input, "category_ids", limits::kCategoriesPerProduct))
        product.category_ids = in::sorted_strings(*ids_json, "category_ids", kMaxShortText);
    if (input.contains("attributes")) product.attributes = parse_attributes(input["attributes"]);
    if (const json* images = in::array(input, "images", limits::kImages)) product.images = parse_images(*images);
    if (input.contains("digital")) apply_digital(product, input["digital"]);
    if (const json* options = in::array(input, "options", limits::kOptions)) product.options = parse_options(*options);

    if (const json* variants = in::array(input, "variants", limits::kVariants)) {
        if (has_variant_members(input))
            throw_invalid("variants", "ambiguous", "give either variants or one variant's members at the top level");
        product.variants = parse_variants(*variants, product.variants, ids, creating, stock);
    } else if (has_variant_members(input) || creating) {
        // A product without options may be its one variant: its members come at the top level.
        if (!product.options.empty()) throw_invalid("variants", "required", "a product with options lists its variants");
        if (product.variants.size() > 1) throw_invalid("variants", "required", "this product has several variants");
        if (product.variants.empty()) product.variants.emplace_back().id = ids.next();
        json members = json::object();
        for (auto member : kVariantMembers)
            if (member != "options" && input.contains(member)) members[std::string(member)] = input[std::string(member)];
        apply_variant(product.variants.front(), members, creating, stock);
    }
    if (input.contains("translations")) apply_translations(product, input["translations"], settings);
    check_consistency(product);
}

}  // namespace

Product parse_new_product(const json& input, IdGenerator& ids, int64_t now_ms, const CatalogSettings& settings,
                          std::map<std::string, int64_t>& initial_stock) {
    reject_unknown_members(input, "a product",
                           {"slug", "title", "description", "kind", "tax_class", "status", "publish_at", "seo", "category_ids",
                            "tags", "attributes", "images", "digital", "options", "variants", "translations", "sku",
                            "barcode", "prices", "weight_grams", "dimensions_mm", "low_stock_threshold",
                            "backorder_limit", "stock"});
    Product product;
    product.id = ids.next();
    product.created_ms = product.updated_ms = now_ms;
    product.title = *in::text(input, "title", limits::kTitle, true);
    product.slug = in::slug_or_title(input, product.title);
    apply_members(product, input, ids, settings, /*creating=*/true, initial_stock);
    if (!input.contains("tax_class") && product.kind == kDigital) product.tax_class = "digital";
    return product;
}

void apply_product_patch(Product& product, const json& patch, IdGenerator& ids, const CatalogSettings& settings) {
    reject_unknown_members(patch, "a product patch",
                           {"slug", "title", "description", "kind", "tax_class", "status", "publish_at", "seo", "category_ids",
                            "tags", "attributes", "images", "digital", "options", "variants", "translations", "sku",
                            "barcode", "prices", "weight_grams", "dimensions_mm", "low_stock_threshold",
                            "backorder_limit", "stock", "expected_version"});
    std::map<std::string, int64_t> no_stock;
    apply_members(product, patch, ids, settings, /*creating=*/false, no_stock);
}

}  // namespace commerce
