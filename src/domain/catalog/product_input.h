// Reading product create requests and patches into a Product: every rule that needs no storage (formats,
// limits, option/variant consistency, barcodes, locales). Uniqueness against other products and the existence
// of categories are checked by the use cases in products.h.
#pragma once

#include "core/ids.h"
#include "core/json_input.h"
#include "domain/catalog/product.h"
#include "domain/catalog/settings.h"

#include <map>

namespace commerce {

// A new product from a create request. initial_stock receives the "stock" of each variant that gave one.
Product parse_new_product(const json& input, IdGenerator& ids, int64_t now_ms, const CatalogSettings& settings,
                          std::map<std::string, int64_t>& initial_stock);

// Applies a patch to product (not its version or times).
void apply_product_patch(Product& product, const json& patch, IdGenerator& ids, const CatalogSettings& settings);

}  // namespace commerce
