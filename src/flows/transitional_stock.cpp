#include "flows/transitional_stock.h"

#include "core/error.h"

#include <fmt/format.h>

namespace commerce::flows {

void receive_initial_stock(Engine& engine, Transaction& tx, std::string_view variant_id, int64_t quantity) {
    tx.transitional_stock().receive(engine.ids().next(), variant_id, quantity, engine.now_ms());
}

void take_stock_for_sale(Engine& engine, Transaction& tx, const PricedCart& priced, std::string_view order_id) {
    for (const auto& line : priced.lines) {
        if (line.product.kind == kDigital) continue;  // not counted; licence keys are handed out elsewhere
        if (!tx.transitional_stock().take_for_sale(engine.ids().next(), line.variant.id, line.quantity,
                                                   line.variant.backorder_limit, order_id, engine.now_ms()))
            throw Error(COMMERCE_ERR_OUT_OF_STOCK, fmt::format("'{}' is out of stock", line.variant.sku),
                        {{"items", nlohmann::json::array({{{"variant_id", line.variant.id}, {"sku", line.variant.sku}}})}});
    }
}

}  // namespace commerce::flows
