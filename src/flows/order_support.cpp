#include "flows/order_support.h"

#include "domain/licence/licence_keys.h"
#include "domain/order/document.h"

namespace commerce::flows {

nlohmann::json order_with_keys(Engine& engine, Transaction& tx, const Order& order) {
    LicenceKeysByLine keys;
    for (auto& issued : licence_keys_of_order(tx, engine.keys().seal, order.id))
        keys[issued.order_line].push_back(std::move(issued.key));
    return order_document(order, keys);
}

}  // namespace commerce::flows
