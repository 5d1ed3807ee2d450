// The catalog's product use cases over the storage port. Writes need "catalog.write"; every write tells the
// search index, in the same transaction.
#pragma once

#include "core/actor.h"
#include "core/ids.h"
#include "core/json_input.h"
#include "core/text.h"
#include "domain/catalog/settings.h"
#include "ports/storage.h"

namespace commerce {

struct CatalogContext {
    Transaction& tx;
    IdGenerator& ids;
    int64_t now_ms;
    const CatalogSettings& settings;
};

// initial_stock: the "stock" each new variant was given, for the caller to receive at the default location.
Product create_product(const CatalogContext& context, const Actor& actor, const json& input,
                       std::map<std::string, int64_t>& initial_stock);
Product update_product(const CatalogContext& context, const Actor& actor, std::string_view id, const json& patch);
void delete_product(Transaction& tx, const Actor& actor, std::string_view id);

// NOT_FOUND (details product_id) when there is no such product.
Product existing_product(Transaction& tx, std::string_view id);
// A product shoppers may see, by id or slug: NOT_FOUND for drafts, archived and not-yet-due products.
Product visible_product(Transaction& tx, std::string_view id_or_slug, int64_t now_ms);

struct ProductPage {
    std::vector<Product> items;
    std::optional<std::string> next;  // the cursor of the following page (keyset mode)
    std::optional<int64_t> total;     // page mode only
};

// query: filters (status, category_id, collection_id, tag, search), then "after" (keyset) or "page" (from 1,
// with a total), and "limit" (1..200, default 50).
ProductPage list_products(Transaction& tx, const json& query);

// The form a scanned barcode is stored and looked up in (see normalized_gtin); INVALID_ARGUMENT (reason
// check_digit) for anything else.
std::string stored_barcode(std::string_view barcode);
// The product with only the variant that has this barcode (any accepted form); NOT_FOUND when none has it.
Product product_by_barcode(Transaction& tx, std::string_view barcode);

}  // namespace commerce
