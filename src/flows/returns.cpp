#include "flows/returns.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_output.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "domain/cart/cart_items.h"
#include "domain/order/refund_allocation.h"
#include "domain/order/returns.h"
#include "flows/access.h"
#include "flows/order_support.h"

#include <fmt/format.h>

namespace commerce::flows {
namespace {

namespace def = definition;

// "return.requested", ".approved", ".rejected", ".received": the return as it now is, for the shopper's email.
void emit_return_event(Engine& engine, Transaction& tx, const Order& order, const OrderReturn& order_return) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : order_return.lines) {
        const OrderLine& bought = order.lines[static_cast<std::size_t>(line.line)];
        lines.push_back({{"line", line.line}, {"quantity", line.quantity}, {"sku", bought.sku},
                         {"title", bought.title}, {"disposition", nullable(line.disposition)}});
    }
    const std::string_view status = order_return.status == return_status::refunded
                                        ? return_status::received
                                        : std::string_view(order_return.status);
    emit_event(engine.outbox(tx), fmt::format("return.{}", status), order.id,
               {{"order_id", order.id}, {"number", order.number}, {"user_id", nullable(order.user_id)},
                {"email", order.email}, {"return_id", order_return.id}, {"status", order_return.status},
                {"refund_id", nullable(order_return.refund_id)}, {"lines", std::move(lines)}});
}

// Runs `body` on one of the order's returns as staff in one write transaction; returns the order's document.
template <typename Body>
nlohmann::json change_return(Engine& engine, const char* session, const char* order_id, const char* return_id,
                             Body&& body) {
    const std::string_view id = checked_text(order_id, "order_id");
    const std::string_view returned = checked_text(return_id, "return_id");
    nlohmann::json document;
    write_as(engine, session, permission::orders_manage, [&](Transaction& tx, const Actor& actor) {
        Order order = readable_order(tx, actor, id);
        OrderReturn& order_return = return_of(order, returned);
        body(tx, actor, order, order_return);
        tx.orders().update(order);
        emit_return_event(engine, tx, order, return_of(order, returned));
        document = order_with_keys(engine, tx, order);
    });
    return document;
}

std::vector<ReturnLine> requested_lines(const json& request, const Order& order) {
    std::vector<ReturnLine> lines;
    if (const json* given = def::array_member(request, "lines", "lines", order.lines.size()))
        for (std::size_t i = 0; i < given->size(); ++i) {
            const std::string field = def::indexed("lines", i);
            const json& line = (*given)[i];
            def::require_known_members(line, field, {"line", "quantity", "reason"});
            lines.push_back(
                {def::integer_member(line, "line", def::path(field, "line"), 0, kMaxLineQuantity).value_or(-1),
                 def::integer_member(line, "quantity", def::path(field, "quantity"), 1, kMaxLineQuantity).value_or(0),
                 def::text_member(line, "reason", def::path(field, "reason"), kMaxShortText), std::nullopt});
        }
    return lines;
}

// The disposition of each returned line as the receiving request gives it ("restock" unless said otherwise).
void apply_dispositions(const json& request, OrderReturn& order_return) {
    for (auto& line : order_return.lines) line.disposition = "restock";
    const json* given = def::array_member(request, "lines", "lines", order_return.lines.size());
    if (!given) return;
    for (std::size_t i = 0; i < given->size(); ++i) {
        const std::string field = def::indexed("lines", i);
        const json& line = (*given)[i];
        def::require_known_members(line, field, {"line", "disposition"});
        const int64_t position =
            def::integer_member(line, "line", def::path(field, "line"), 0, kMaxLineQuantity).value_or(-1);
        const std::string disposition = def::required_text_member(line, "disposition", def::path(field, "disposition"),
                                                                  kMaxShortText);
        if (disposition != "restock" && disposition != "discard")
            throw_invalid(def::path(field, "disposition"), "unknown_disposition", "a line is restocked or discarded");
        auto returned = std::find_if(order_return.lines.begin(), order_return.lines.end(),
                                     [&](const ReturnLine& each) { return each.line == position; });
        if (returned == order_return.lines.end())
            throw_invalid(def::path(field, "line"), "unknown_line",
                          fmt::format("line {} is not in this return", position));
        returned->disposition = disposition;
    }
}

}  // namespace

nlohmann::json request_return(Engine& engine, const char* session, const char* order_id, const char* request_json) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(order_id, "order_id");
    const json request = parse_object(request_json, "request");
    reject_unknown_members(request, "a return request", {"lines", "note"});
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        Order order = readable_order(tx, actor, id);
        if (order.user_id != actor.user_id) actor.require(permission::orders_manage);
        OrderReturn order_return = plan_return(order, requested_lines(request, order));
        order_return.id = engine.ids().next();
        order_return.note = def::text_member(request, "note", "note", kMaxLongText);
        order_return.requested_by = actor.user_id;
        order_return.created_ms = order_return.updated_ms = order.updated_ms = engine.now_ms();
        order.timeline.push_back({"return_status", std::nullopt, order_return.status, actor.user_id, order_return.note,
                                  engine.now_ms(), order_return.id});
        order.returns.push_back(std::move(order_return));
        tx.orders().update(order);
        emit_return_event(engine, tx, order, order.returns.back());
        document = order_with_keys(engine, tx, order);
    });
    return document;
}

namespace {

// Staff's decision on a requested return: approved or rejected, with an optional note.
nlohmann::json decide_return(Engine& engine, const char* session, const char* order_id, const char* return_id,
                             const char* request_json, std::string_view decision) {
    const json request = parse_object(request_json, "request", /*optional=*/true);
    reject_unknown_members(request, "a return decision", {"note"});
    return change_return(engine, session, order_id, return_id,
                         [&](Transaction&, const Actor& actor, Order& order, OrderReturn& order_return) {
                             move_return(order, order_return, decision, change_by(engine, actor.user_id, request));
                         });
}

}  // namespace

nlohmann::json approve_return(Engine& engine, const char* session, const char* order_id, const char* return_id,
                              const char* request_json) {
    return decide_return(engine, session, order_id, return_id, request_json, return_status::approved);
}

nlohmann::json reject_return(Engine& engine, const char* session, const char* order_id, const char* return_id,
                             const char* request_json) {
    return decide_return(engine, session, order_id, return_id, request_json, return_status::rejected);
}

nlohmann::json receive_return(Engine& engine, const char* session, const char* order_id, const char* return_id,
                              const char* request_json) {
    const json request = parse_object(request_json, "request", /*optional=*/true);
    reject_unknown_members(request, "a return receipt", {"lines", "refund", "note"});
    const bool refund = def::bool_member(request, "refund", "refund").value_or(true);
    return change_return(engine, session, order_id, return_id,
                         [&](Transaction& tx, const Actor& actor, Order& order, OrderReturn& order_return) {
        const OrderChange change = change_by(engine, actor.user_id, request);
        move_return(order, order_return, return_status::received, change);  // the return's state is told first
        if (refund) actor.require(permission::orders_refund);
        apply_dispositions(request, order_return);
        if (!refund) {
            for (const auto& line : order_return.lines)
                if (line.disposition == "restock")
                    put_back(engine, tx, order, order.lines[static_cast<std::size_t>(line.line)], line.quantity,
                             "return", change.actor_id);
            return;
        }
        RefundRequest units{.lines = {}, .shipping = false, .amount = std::nullopt, .reason = std::string("return"),
                            .note = change.note};
        for (const auto& line : order_return.lines)
            units.lines.push_back({line.line, line.quantity, line.disposition == "restock"});
        give_back(engine, tx, order, plan_refund(order, units), change);
        order_return.refund_id = order.refunds.back().id;
        move_return(order, order_return, return_status::refunded, change);
    });
}

}  // namespace commerce::flows
