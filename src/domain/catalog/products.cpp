#include "domain/catalog/products.h"

#include "core/error.h"
#include "core/permission_names.h"
#include "domain/catalog/gtin.h"
#include "domain/catalog/product_input.h"

#include <fmt/format.h>

namespace commerce {
namespace {

[[noreturn]] void throw_exists(std::string_view field, const std::string& message) {
    throw Error(COMMERCE_ERR_EXISTS, message, {{"field", field}});
}

// What the store must confirm before a product is written: slug, SKUs and barcodes free, categories known.
void check_against_store(Transaction& tx, const Product& product) {
    if (tx.products().slug_taken(product.slug, product.id))
        throw_exists("slug", fmt::format("a product with slug '{}' already exists", product.slug));
    for (const auto& variant : product.variants) {
        if (auto owner = tx.products().variant_by_sku(variant.sku); owner && owner->product_id != product.id)
            throw_exists("sku", fmt::format("a variant with SKU '{}' already exists", variant.sku));
        if (!variant.barcode) continue;
        if (auto owner = tx.products().variant_by_barcode(*variant.barcode); owner && owner->product_id != product.id)
            throw_exists("barcode", fmt::format("a variant with barcode {} already exists", *variant.barcode));
    }
    for (const auto& category_id : product.category_ids)
        if (!tx.categories().by_id(category_id))
            throw_invalid("category_ids", "unknown_category", fmt::format("no category with id '{}'", category_id));
}

}  // namespace

Product existing_product(Transaction& tx, std::string_view id) {
    auto product = tx.products().by_id(id);
    if (!product)
        throw_not_found("product_id", std::string(id), fmt::format("no product with id '{}'", id));
    return *product;
}

Product create_product(const CatalogContext& context, const Actor& actor, const json& input,
                       std::map<std::string, int64_t>& initial_stock) {
    actor.require(permission::catalog_write);
    Product product = parse_new_product(input, context.ids, context.now_ms, context.settings, initial_stock);
    check_against_store(context.tx, product);
    context.tx.products().insert(product);
    context.tx.search_index().product_changed(product.id);
    return product;
}

Product update_product(const CatalogContext& context, const Actor& actor, std::string_view id, const json& patch) {
    actor.require(permission::catalog_write);
    Product product = existing_product(context.tx, id);
    if (auto expected = optional_integer(patch, "expected_version", 1, INT64_MAX); expected && *expected != product.version)
        throw Error(COMMERCE_ERR_CONFLICT,
                    fmt::format("the product changed: version {} expected, {} found", *expected, product.version),
                    {{"expected_version", *expected}, {"current_version", product.version}});
    apply_product_patch(product, patch, context.ids, context.settings);
    check_against_store(context.tx, product);
    product.version += 1;
    product.updated_ms = context.now_ms;
    context.tx.products().update(product);
    context.tx.search_index().product_changed(product.id);
    return product;
}

void delete_product(Transaction& tx, const Actor& actor, std::string_view id) {
    actor.require(permission::catalog_write);
    if (!tx.products().remove(id))
        throw_not_found("product_id", std::string(id), fmt::format("no product with id '{}'", id));
    tx.search_index().product_removed(id);
}

Product visible_product(Transaction& tx, std::string_view id_or_slug, int64_t now_ms) {
    auto product = tx.products().by_id(id_or_slug);
    if (!product) product = tx.products().by_slug(id_or_slug);
    if (!product || !product->visible_at(now_ms))
        throw_not_found("product_id", std::string(id_or_slug), fmt::format("no product '{}' is on sale", id_or_slug));
    return *product;
}

ProductPage list_products(Transaction& tx, const json& query) {
    reject_unknown_members(query, "a product query",
                           {"status", "category_id", "collection_id", "tag", "search", "limit", "after", "page"});
    ProductQuery filter{.status = optional_string(query, "status", 16).value_or(""),
                        .category_id = optional_string(query, "category_id", kMaxShortText).value_or(""),
                        .collection_id = optional_string(query, "collection_id", kMaxShortText).value_or(""),
                        .tag = optional_string(query, "tag", kMaxShortText).value_or(""),
                        .search = optional_string(query, "search", kMaxShortText).value_or(""),
                        .after_id = optional_string(query, "after", kMaxShortText).value_or(""),
                        .offset = 0,
                        .limit = optional_integer(query, "limit", 1, 200).value_or(50)};
    const auto page = optional_integer(query, "page", 1, 1'000'000);
    if (page && !filter.after_id.empty()) throw_invalid("page", "ambiguous", "give either page or after");
    ProductPage result;
    if (page) {
        filter.offset = (*page - 1) * filter.limit;
        result.items = tx.products().page(filter);
        result.total = tx.products().count(filter);
        return result;
    }
    // One extra row tells whether another page follows without a second query.
    const int64_t limit = filter.limit;
    filter.limit += 1;
    result.items = tx.products().page(filter);
    if (static_cast<int64_t>(result.items.size()) > limit) {
        result.items.pop_back();
        result.next = result.items.back().id;
    }
    return result;
}

std::string stored_barcode(std::string_view barcode) {
    auto normalized = normalized_gtin(barcode);
    if (!normalized)
        throw_invalid("barcode", "check_digit", "barcode must be an EAN-13, UPC-A or EAN-8 with a valid check digit");
    return *std::move(normalized);
}

Product product_by_barcode(Transaction& tx, std::string_view barcode) {
    auto product = tx.products().by_barcode(stored_barcode(barcode));
    if (!product) throw_not_found("barcode", std::string(barcode), fmt::format("no variant has barcode {}", barcode));
    return *product;
}

}  // namespace commerce
