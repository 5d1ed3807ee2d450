#include "flows/fulfillment.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_output.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "domain/cart/cart_items.h"
#include "domain/order/lifecycle.h"
#include "domain/order/shipment.h"
#include "domain/order/transitions.h"
#include "flows/access.h"
#include "flows/order_support.h"

#include <fmt/format.h>

namespace commerce::flows {
namespace {

namespace def = definition;

ShipmentRequest shipment_request(const json& request, const Order& order) {
    ShipmentRequest shipment{.lines = {}, .carrier = def::text_member(request, "carrier", "carrier", kMaxShortText),
                             .tracking_number = def::text_member(request, "tracking_number", "tracking_number",
                                                                 kMaxShortText),
                             .tracking_url = def::text_member(request, "tracking_url", "tracking_url", kMaxShortText),
                             .handed_over = def::bool_member(request, "handed_over", "handed_over").value_or(false)};
    if (const json* lines = def::array_member(request, "lines", "lines", order.lines.size()))
        for (std::size_t i = 0; i < lines->size(); ++i) {
            const std::string field = def::indexed("lines", i);
            const json& line = (*lines)[i];
            def::require_known_members(line, field, {"line", "quantity"});
            shipment.lines.push_back(
                {def::integer_member(line, "line", def::path(field, "line"), 0, kMaxLineQuantity).value_or(-1),
                 def::integer_member(line, "quantity", def::path(field, "quantity"), 1, kMaxLineQuantity).value_or(0)});
        }
    return shipment;
}

// A shipping update about one shipment: "shipment.shipped", ".out_for_delivery" or ".delivered".
void emit_shipment_event(Engine& engine, Transaction& tx, const Order& order, const Shipment& shipment) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : shipment.lines) {
        const OrderLine& bought = order.lines[static_cast<std::size_t>(line.line)];
        lines.push_back(
            {{"line", line.line}, {"quantity", line.quantity}, {"sku", bought.sku}, {"title", bought.title}});
    }
    emit_event(engine.outbox(tx), "shipment." + shipment.status, order.id,
               {{"order_id", order.id}, {"number", order.number}, {"user_id", nullable(order.user_id)},
                {"email", order.email}, {"shipment_id", shipment.id}, {"status", shipment.status},
                {"carrier", nullable(shipment.carrier)}, {"tracking_number", nullable(shipment.tracking_number)},
                {"tracking_url", nullable(shipment.tracking_url)}, {"lines", std::move(lines)}});
}

// Runs `body` on the order as staff ("orders.manage") in one write transaction, saves it, and returns its
// document; emits "order.delivered" when the body delivered the order's last goods.
template <typename Body>
nlohmann::json change_order(Engine& engine, const char* session, const char* order_id, Body&& body) {
    const std::string_view id = checked_text(order_id, "order_id");
    nlohmann::json document;
    write_as(engine, session, permission::orders_manage, [&](Transaction& tx, const Actor& actor) {
        Order order = existing_order(tx, id);
        const std::string was = order.status;
        body(tx, actor, order);
        tx.orders().update(order);
        if (order.status == order_status::delivered && was != order_status::delivered)
            emit_order_event(engine, tx, "order.delivered", order);
        document = order_with_keys(engine, tx, order);
    });
    return document;
}

}  // namespace

nlohmann::json ship_order(Engine& engine, const char* session, const char* order_id, const char* request_json) {
    const json request = parse_object(request_json, "request", /*optional=*/true);
    reject_unknown_members(request, "a shipment",
                           {"lines", "carrier", "tracking_number", "tracking_url", "handed_over", "note"});
    return change_order(engine, session, order_id, [&](Transaction& tx, const Actor& actor, Order& order) {
        Shipment shipment = plan_shipment(order, shipment_request(request, order));
        shipment.id = engine.ids().next();
        record_shipment(order, std::move(shipment), change_by(engine, actor.user_id, request));
        emit_shipment_event(engine, tx, order, order.shipments.back());
    });
}

nlohmann::json update_shipment(Engine& engine, const char* session, const char* order_id, const char* shipment_id,
                               const char* request_json) {
    const std::string_view shipment = checked_text(shipment_id, "shipment_id");
    const json request = parse_object(request_json, "request");
    reject_unknown_members(request, "a shipment update", {"status", "tracking_number", "tracking_url", "note"});
    const std::string status = def::required_text_member(request, "status", "status", kMaxShortText);
    return change_order(engine, session, order_id, [&](Transaction& tx, const Actor& actor, Order& order) {
        record_shipment_step(order, shipment, status,
                             def::text_member(request, "tracking_number", "tracking_number", kMaxShortText),
                             def::text_member(request, "tracking_url", "tracking_url", kMaxShortText),
                             change_by(engine, actor.user_id, request));
        for (const auto& each : order.shipments)
            if (each.id == shipment) emit_shipment_event(engine, tx, order, each);
    });
}

nlohmann::json complete_order(Engine& engine, const char* session, const char* order_id, const char* request_json) {
    const json request = parse_object(request_json, "request", /*optional=*/true);
    reject_unknown_members(request, "a completion", {"note"});
    return change_order(engine, session, order_id, [&](Transaction& tx, const Actor& actor, Order& order) {
        record_completion(order, change_by(engine, actor.user_id, request));
        emit_order_event(engine, tx, "order.completed", order);
    });
}

}  // namespace commerce::flows
