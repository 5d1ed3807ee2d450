#include "flows/orders.h"

#include "core/error.h"
#include "core/permission_names.h"
#include "core/json_input.h"
#include "core/text.h"
#include "domain/order/document.h"
#include "flows/access.h"
#include "flows/order_support.h"

#include <fmt/format.h>

namespace commerce::flows {

nlohmann::json get_order(Engine& engine, const char* session, const char* order_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(order_id, "order_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        auto order = tx.orders().by_id(id);
        // Someone else's order reads as missing: its existence is not the caller's business.
        if (!order || (order->user_id != actor.user_id && !actor.can(permission::orders_read)))
            throw_not_found("order_id", std::string(id), fmt::format("no order with id '{}'", id));
        document = order_with_keys(engine, tx, *order);
    });
    return document;
}

nlohmann::json list_orders(Engine& engine, const char* session, const char* query_json) {
    const std::string_view token = optional_text(session, "session");
    const json query = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query, "an order query", {"limit", "after", "user_id"});
    const int64_t limit = optional_integer(query, "limit", 1, 200).value_or(50);
    const std::string after = optional_string(query, "after", kMaxShortText).value_or("");
    const auto user_id = optional_string(query, "user_id", kMaxShortText);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        if (user_id && *user_id != actor.user_id) actor.require(permission::orders_read);
        auto orders = tx.orders().page_for_user(user_id.value_or(actor.user_id), after, limit + 1);
        std::optional<std::string> next;
        if (static_cast<int64_t>(orders.size()) > limit) {
            orders.pop_back();
            next = orders.back().id;
        }
        nlohmann::json items = nlohmann::json::array();
        for (const auto& order : orders) items.push_back(order_with_keys(engine, tx, order));
        document = order_list_document(std::move(items), next);
    });
    return document;
}

}  // namespace commerce::flows
