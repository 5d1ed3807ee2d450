// The documents of products: "product" (every field and translation, for admin screens), "product_view" (what a
// shopper in one locale sees), "product_list" and "variant_match".
#pragma once

#include "domain/catalog/product.h"
#include "ports/inventory_repositories.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace commerce {

// Where the stock figures each variant shows come from: the inventory ledger at a moment of the engine's clock.
struct StockView {
    StockLedgerRepository& ledger;
    int64_t now_ms;
};

nlohmann::json product_document(const Product& product, const StockView& stock);

// Texts from the first locale in `chain` that has them, the product's own texts otherwise.
nlohmann::json product_view_document(const Product& product, const std::vector<std::string>& chain,
                                     const StockView& stock);

nlohmann::json product_list_document(const std::vector<Product>& products, const std::optional<std::string>& next,
                                     const std::optional<int64_t>& total, const StockView& stock);

nlohmann::json variant_match_document(const Product& product, const Variant& variant, const StockView& stock);


}  // namespace commerce
