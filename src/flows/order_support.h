// What every order flow shares: the order document with the licence keys its digital lines received, and the
// outbox event that announces a change of an order.
#pragma once

#include "core/actor.h"
#include "domain/order/transitions.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace commerce::flows {

nlohmann::json order_with_keys(Engine& engine, Transaction& tx, const Order& order);

// The order; NOT_FOUND (field "order_id") otherwise.
Order existing_order(Transaction& tx, std::string_view order_id);

// The order, for its owner or a user with "orders.read"; to anyone else it reads as missing (NOT_FOUND): the
// existence of someone else's order is not the caller's business.
Order readable_order(Transaction& tx, const Actor& actor, std::string_view order_id);

// The order an idempotent request produced before: the id stored with `key` in `scope` when it was used for this
// very request (its hash); CONFLICT (field "idempotency_key", and the earlier "order_id") when it was used for
// another; nullopt when the key is new or absent. Store the key with the result in the same transaction.
std::optional<std::string> replayed_order(Transaction& tx, std::string_view scope,
                                          const std::optional<std::string>& key, std::string_view request_hash);

// Who makes a change now, with the request's "note".
OrderChange change_by(Engine& engine, const std::optional<std::string>& actor_id, const nlohmann::json& request);

// Appends `topic` ("order.placed", "order.paid", "order.cancelled", "order.refunded") about the order, in the
// caller's transaction. The payload names the order and its states (an "order_change", outbox_batch.schema.json);
// `amount` is the money the change moved, when it moved any.
void emit_order_event(Engine& engine, Transaction& tx, std::string_view topic, const Order& order,
                      const std::optional<Money>& amount = std::nullopt);

// Puts units of an order line back on hand at the default location, and takes them off the product's units sold.
// A variant deleted since has nowhere to go back to; a digital one is not counted (inventory's restock skips it).
void put_back(Engine& engine, Transaction& tx, const Order& order, const OrderLine& line, int64_t quantity,
              std::string_view reason, const std::optional<std::string>& actor_id);

// Gives a planned refund back through the order's payment and records it: the refund with its id, actor and
// time, the restock of its lines marked restocked, its ledger entry, the payment's status, "order.refunded".
void give_back(Engine& engine, Transaction& tx, Order& order, Refund refund, const OrderChange& change);

}  // namespace commerce::flows
