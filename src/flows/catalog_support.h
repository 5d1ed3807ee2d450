// What the catalog flows take from the engine for one transaction.
#pragma once

#include "domain/catalog/product_document.h"
#include "domain/catalog/products.h"
#include "engine/engine.h"

namespace commerce::flows {

inline CatalogContext catalog_context(Engine& engine, Transaction& tx) {
    return {tx, engine.ids(), engine.now_ms(), engine.catalog()};
}

inline StockView stock_view(Engine& engine, Transaction& tx) { return {tx.stock_ledger(), engine.now_ms()}; }

}  // namespace commerce::flows
