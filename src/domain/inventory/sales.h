// What checkout and refunds do to stock. Digital variants are skipped: the ledger does not count them.
// Permissions are the caller's business (a guest may buy).
#pragma once

#include "domain/inventory/stock.h"
#include "domain/outbox/outbox.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

struct SaleLine {
    std::string variant_id;
    int64_t quantity = 0;  // >= 1
};

struct Sale {
    std::string location_id{kDefaultLocation};
    std::string order_id;                // the reference of every sale movement
    std::optional<std::string> cart_id;  // the cart's own reservations do not compete with it, and are consumed
    std::optional<std::string> actor_id;
    std::vector<SaleLine> lines;
};

// Records a sale movement per line, consuming the cart's reservations of each variant (at every location) and
// emitting low-stock events. A line may take the location's available stock (on hand minus others' live
// reservations) down to minus the variant's backorder limit. When lines are short, OUT_OF_STOCK lists every
// short line in details.items ({variant_id, product_id, sku, location_id, requested, available,
// backorder_limit}) and the caller's transaction must roll back. NOT_FOUND for an unknown variant or location.
void sell(const OutboxContext& context, const Sale& sale);

// OUT_OF_STOCK (details as for sell) when the location could not sell `quantity` units of the variant now, judged
// as sell() judges it: the cart's own reservations do not count against it. Digital variants always pass. Carts
// check this as lines change, so a shopper learns of a shortage at once rather than at checkout.
void require_sellable(Transaction& tx, std::string_view variant_id, int64_t quantity,
                      const std::optional<std::string>& cart_id, int64_t now_ms,
                      std::string_view location_id = kDefaultLocation);

struct StockReturn {
    std::string variant_id;
    std::string location_id{kDefaultLocation};
    int64_t quantity = 0;  // >= 1
    std::string order_id;
    std::string reason;
    std::optional<std::string> actor_id;
};

// Puts returned goods back on hand with a "return" movement.
void restock(const OutboxContext& context, const StockReturn& stock_return);

}  // namespace commerce
