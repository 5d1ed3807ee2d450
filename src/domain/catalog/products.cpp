#include "domain/catalog/products.h"

#include "core/error.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"

#include <fmt/format.h>

namespace commerce {
namespace {

std::vector<Money> parse_prices(const json& input) {
    const auto& prices = input.at("prices");
    if (!prices.is_array()) throw_invalid("prices", "prices must be an array of {amount, currency}");
    std::vector<Money> parsed;
    for (const auto& entry : prices) {
        Money price = Money::from_json(entry);
        if (price.is_negative()) throw_invalid("prices", "a price must not be negative");
        for (const auto& seen : parsed)
            if (&seen.currency() == &price.currency())
                throw_invalid("prices", fmt::format("two prices in {}", price.currency().code));
        parsed.push_back(price);
    }
    return parsed;
}

// Applies the members present in input to the product; shared by create (all members) and update (a patch).
void apply_fields(Product& product, const json& input) {
    if (auto sku = optional_string(input, "sku", kMaxShortText)) {
        if (sku->empty()) throw_invalid("sku", "sku must not be empty");
        product.sku = *sku;
    }
    if (auto title = optional_string(input, "title", kMaxShortText)) {
        if (title->empty()) throw_invalid("title", "title must not be empty");
        product.title = *title;
    }
    if (auto description = optional_string(input, "description", kMaxLongText)) product.description = *description;
    if (input.contains("prices")) product.prices = parse_prices(input);
    if (auto stock = optional_integer(input, "stock", 0, kMaxStock)) product.stock = *stock;
}

Product existing_product(Transaction& tx, std::string_view id) {
    auto product = tx.products().by_id(id);
    if (!product)
        throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("no product with id '{}'", id), {{"product_id", id}});
    return *product;
}

void check_sku_free(Transaction& tx, const Product& product) {
    if (tx.products().sku_taken(product.sku, product.id))
        throw Error(COMMERCE_ERR_EXISTS, fmt::format("a product with SKU '{}' already exists", product.sku),
                    {{"field", "sku"}});
}

}  // namespace

Product create_product(Transaction& tx, IdGenerator& ids, int64_t now_ms, const Actor& actor, const json& input) {
    actor.require(permission::catalog_write);
    reject_unknown_members(input, "a product", {"sku", "title", "description", "prices", "stock"});
    required_string(input, "sku", kMaxShortText);
    required_string(input, "title", kMaxShortText);
    if (!input.contains("prices")) throw_invalid("prices", "prices is required");
    Product product{.id = ids.next(), .sku = {}, .title = {}, .description = {}, .prices = {}, .stock = 0,
                    .version = 1, .created_ms = now_ms, .updated_ms = now_ms};
    apply_fields(product, input);
    check_sku_free(tx, product);
    tx.products().insert(product);
    return product;
}

Product update_product(Transaction& tx, int64_t now_ms, const Actor& actor, std::string_view id, const json& patch) {
    actor.require(permission::catalog_write);
    reject_unknown_members(patch, "a product patch",
                           {"sku", "title", "description", "prices", "stock", "expected_version"});
    Product product = existing_product(tx, id);
    if (auto expected = optional_integer(patch, "expected_version", 1, INT64_MAX); expected && *expected != product.version)
        throw Error(COMMERCE_ERR_CONFLICT,
                    fmt::format("the product changed: version {} expected, {} found", *expected, product.version),
                    {{"expected_version", *expected}, {"current_version", product.version}});
    apply_fields(product, patch);
    check_sku_free(tx, product);
    product.version += 1;
    product.updated_ms = now_ms;
    tx.products().update(product);
    return product;
}

Product get_product(Transaction& tx, std::string_view id) { return existing_product(tx, id); }

void delete_product(Transaction& tx, const Actor& actor, std::string_view id) {
    actor.require(permission::catalog_write);
    if (!tx.products().remove(id))
        throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("no product with id '{}'", id), {{"product_id", id}});
}

ProductPage list_products(Transaction& tx, const json& query) {
    reject_unknown_members(query, "a product query", {"limit", "after"});
    const int64_t limit = optional_integer(query, "limit", 1, 200).value_or(50);
    const std::string after = optional_string(query, "after", kMaxShortText).value_or("");
    // One extra row tells whether another page follows without a second query.
    ProductPage page{tx.products().page(after, limit + 1), std::nullopt};
    if (static_cast<int64_t>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next = page.items.back().sku;
    }
    return page;
}

json product_document(const Product& product) {
    json prices = json::array();
    for (const auto& price : product.prices) prices.push_back(price.to_json());
    return {{"type", "product"},           {"schema_version", 1},
            {"id", product.id},            {"sku", product.sku},
            {"title", product.title},      {"description", product.description},
            {"prices", prices},            {"stock", product.stock},
            {"version", product.version},  {"created_at", format_rfc3339(product.created_ms)},
            {"updated_at", format_rfc3339(product.updated_ms)}};
}

json product_list_document(const ProductPage& page) {
    json items = json::array();
    for (const auto& product : page.items) items.push_back(product_document(product));
    return {{"type", "product_list"}, {"schema_version", 1}, {"items", items},
            {"next", page.next ? json(*page.next) : json(nullptr)}};
}

}  // namespace commerce
