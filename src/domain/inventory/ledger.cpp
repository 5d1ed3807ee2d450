#include "domain/inventory/ledger.h"

#include "core/error.h"

#include <fmt/format.h>

namespace commerce {

StockedVariant stocked_variant(Transaction& tx, std::string_view variant_id, std::string_view field) {
    auto variant = tx.stock_ledger().variant(variant_id);
    if (!variant)
        throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("no variant with id '{}'", variant_id),
                    {{"field", field}, {"variant_id", variant_id}});
    return *variant;
}

StockedVariant tracked_variant(Transaction& tx, std::string_view variant_id) {
    StockedVariant variant = stocked_variant(tx, variant_id);
    if (!variant.tracked)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                    fmt::format("'{}' is a digital variant: the inventory does not count it", variant.sku),
                    {{"field", "variant_id"}, {"reason", "not_tracked"}});
    return variant;
}

void require_location(Transaction& tx, std::string_view location_id, std::string_view field) {
    if (!tx.locations().by_id(location_id))
        throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("no location with id '{}'", location_id),
                    {{"field", field}, {"location_id", location_id}});
}

int64_t available_to(Transaction& tx, std::string_view variant_id, std::string_view location_id, int64_t now_ms,
                     std::optional<std::string_view> holder) {
    return tx.stock_ledger().on_hand(variant_id, location_id) -
           tx.reservations().reserved(variant_id, location_id, now_ms, holder);
}

std::optional<nlohmann::json> shortage(const StockedVariant& variant, std::string_view location_id, int64_t have,
                                       int64_t requested, Floor floor) {
    const int64_t lowest = floor == Floor::backorder ? -variant.backorder_limit : 0;
    if (have - requested >= lowest) return std::nullopt;
    return nlohmann::json{{"variant_id", variant.id}, {"product_id", variant.product_id}, {"sku", variant.sku},
                          {"location_id", location_id}, {"requested", requested}, {"available", have},
                          {"backorder_limit", floor == Floor::backorder ? variant.backorder_limit : 0}};
}

void throw_out_of_stock(const nlohmann::json& items) {
    const auto& first = items.at(0);
    throw Error(COMMERCE_ERR_OUT_OF_STOCK,
                items.size() == 1 ? fmt::format("only {} of '{}' available", first["available"].get<int64_t>(),
                                                first["sku"].get<std::string>())
                                  : fmt::format("{} variants are short of stock", items.size()),
                {{"items", items}});
}

void require_stock(const StockedVariant& variant, std::string_view location_id, int64_t have, int64_t requested,
                   Floor floor) {
    if (auto item = shortage(variant, location_id, have, requested, floor))
        throw_out_of_stock(nlohmann::json::array({*item}));
}

int64_t record_movement(const OutboxContext& context, const StockedVariant& variant, const MovementDraft& draft) {
    const int64_t before = context.tx.stock_ledger().on_hand(variant.id, draft.location_id);
    if (before + draft.quantity > kMaxStockQuantity)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                    fmt::format("stock of '{}' may not exceed {}", variant.sku, kMaxStockQuantity),
                    {{"field", "quantity"}, {"reason", "too_large"}});
    const int64_t after = context.tx.stock_ledger().record(
        {.id = context.ids.next(), .variant_id = variant.id, .location_id = draft.location_id, .kind = draft.kind,
         .quantity = draft.quantity, .reason = draft.reason, .reference = draft.reference,
         .actor_id = draft.actor_id, .created_ms = context.now_ms});
    refresh_low_stock(context, variant);
    return after;
}

void refresh_low_stock(const OutboxContext& context, const StockedVariant& variant) {
    if (!variant.low_stock_threshold) return;
    int64_t available = 0;
    for (const auto& level : context.tx.stock_ledger().levels(variant.id, context.now_ms))
        available += level.available();
    const int64_t threshold = *variant.low_stock_threshold;
    // The stored mark, not the copy the caller holds: one transaction may change the same variant twice.
    const bool alerted = stocked_variant(context.tx, variant.id).low_stock_alerted;
    if (available <= threshold && !alerted) {
        context.tx.stock_ledger().set_low_stock_alerted(variant.id, true);
        emit_event(context, "inventory.low_stock", variant.id,
                   {{"variant_id", variant.id}, {"product_id", variant.product_id}, {"sku", variant.sku},
                    {"available", available}, {"threshold", threshold}});
    } else if (available > threshold && alerted) {
        context.tx.stock_ledger().set_low_stock_alerted(variant.id, false);
    }
}

}  // namespace commerce
