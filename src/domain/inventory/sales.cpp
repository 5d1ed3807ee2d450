#include "domain/inventory/sales.h"

#include "domain/inventory/ledger.h"

namespace commerce {

void sell(const OutboxContext& context, const Sale& sale) {
    require_location(context.tx, sale.location_id, "location_id");
    nlohmann::json shortages = nlohmann::json::array();
    for (const auto& line : sale.lines) {
        const StockedVariant variant = stocked_variant(context.tx, line.variant_id);
        if (!variant.tracked) continue;
        const int64_t available = available_to(context.tx, variant.id, sale.location_id, context.now_ms, sale.cart_id);
        // Every line is checked, so the shopper learns of all short lines at once; the caller rolls back.
        if (auto item = shortage(variant, sale.location_id, available, line.quantity, Floor::backorder)) {
            shortages.push_back(std::move(*item));
            continue;
        }
        // The cart's hold goes before the sale is recorded, so the low-stock check does not count it twice.
        if (sale.cart_id) context.tx.reservations().remove_for_reference(variant.id, *sale.cart_id);
        record_movement(context, variant, {.location_id = sale.location_id, .kind = "sale", .quantity = -line.quantity,
                                           .reason = "order", .reference = sale.order_id, .actor_id = sale.actor_id});
    }
    if (!shortages.empty()) throw_out_of_stock(shortages);
}

void require_sellable(Transaction& tx, std::string_view variant_id, int64_t quantity,
                      const std::optional<std::string>& cart_id, int64_t now_ms, std::string_view location_id) {
    const StockedVariant variant = stocked_variant(tx, variant_id);
    if (!variant.tracked) return;
    require_stock(variant, location_id, available_to(tx, variant.id, location_id, now_ms, cart_id), quantity,
                  Floor::backorder);
}

void restock(const OutboxContext& context, const StockReturn& stock_return) {
    require_location(context.tx, stock_return.location_id, "location_id");
    const StockedVariant variant = stocked_variant(context.tx, stock_return.variant_id);
    if (!variant.tracked) return;
    record_movement(context, variant, {.location_id = stock_return.location_id, .kind = "return",
                                       .quantity = stock_return.quantity, .reason = stock_return.reason,
                                       .reference = stock_return.order_id, .actor_id = stock_return.actor_id});
}

}  // namespace commerce
