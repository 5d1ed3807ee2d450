// The stock writes of product creation and checkout until the inventory ledger replaces them: a receipt of a new
// variant's initial stock and a guarded sale at the location 'default', each with a movement.
#pragma once

#include "engine/engine.h"
#include "flows/priced_cart.h"

namespace commerce::flows {

void receive_initial_stock(Engine& engine, Transaction& tx, std::string_view variant_id, int64_t quantity);

// Takes each tracked line's quantity for order_id; OUT_OF_STOCK (the transaction rolls back) when one is short.
void take_stock_for_sale(Engine& engine, Transaction& tx, const PricedCart& priced, std::string_view order_id);

}  // namespace commerce::flows
