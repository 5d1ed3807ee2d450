#include "flows/order_lifecycle.h"

#include "core/crypto.h"
#include "core/definition_reader.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "domain/cart/cart_items.h"
#include "domain/order/lifecycle.h"
#include "domain/order/refund_allocation.h"
#include "domain/order/transitions.h"
#include "flows/access.h"
#include "flows/order_support.h"

#include <fmt/format.h>

namespace commerce::flows {
namespace {

// The money a person records on a manual payment: a capture they took at the till or the bank.
constexpr std::string_view kRecordedByStaff = "recorded";

std::optional<Money> optional_amount(const json& request, const Order& order) {
    auto text = optional_string(request, "amount", kMaxShortText);
    if (!text) return std::nullopt;
    return Money::parse(*text, order.currency->code);
}

RefundRequest refund_request(const json& request, const Order& order) {
    namespace def = definition;
    RefundRequest refund{.lines = {}, .shipping = def::bool_member(request, "shipping", "shipping").value_or(false),
                         .amount = optional_amount(request, order),
                         .reason = def::text_member(request, "reason", "reason", kMaxShortText),
                         .note = def::text_member(request, "note", "note", kMaxLongText)};
    if (const json* lines = def::array_member(request, "lines", "lines", order.lines.size()))
        for (std::size_t i = 0; i < lines->size(); ++i) {
            const std::string field = def::indexed("lines", i);
            const json& line = (*lines)[i];
            def::require_known_members(line, field, {"line", "quantity", "restock"});
            refund.lines.push_back(
                {def::integer_member(line, "line", def::path(field, "line"), 0, kMaxLineQuantity).value_or(-1),
                 def::integer_member(line, "quantity", def::path(field, "quantity"), 1, kMaxLineQuantity).value_or(0),
                 def::bool_member(line, "restock", def::path(field, "restock")).value_or(false)});
        }
    return refund;
}

// The units of a line not yet back on hand: refunds that restocked took theirs back already.
int64_t units_out(const Order& order, std::size_t line) {
    int64_t out = order.lines[line].quantity;
    for (const auto& refund : order.refunds)
        for (const auto& refunded : refund.lines)
            if (refunded.restocked && static_cast<std::size_t>(refunded.line) == line) out -= refunded.quantity;
    return out;
}

// Cancels an order that nothing has left: a captured payment is refunded in full first, the goods go back on
// hand, the promotions' redemptions are released.
void cancel(Engine& engine, Transaction& tx, Order& order, const OrderChange& change) {
    if (!refundable(order).is_zero()) {
        RefundRequest everything{.lines = {}, .shipping = false, .amount = refundable(order),
                                 .reason = std::string("cancellation"), .note = change.note};
        give_back(engine, tx, order, plan_refund(order, everything), change);
    }
    for (std::size_t line = 0; line < order.lines.size(); ++line)
        put_back(engine, tx, order, order.lines[line], units_out(order, line), "cancellation", change.actor_id);
    tx.promotions().delete_redemptions(order.id);
    record_cancellation(order, change);
    emit_order_event(engine, tx, "order.cancelled", order);
}

// A customer may call off their own order while nothing was paid; staff may cancel any order nothing has left.
void require_may_cancel(const Actor& actor, const Order& order) {
    const bool own_unpaid = order.user_id == actor.user_id && order.status == order_status::pending_payment &&
                            order.payment.captured.is_zero();
    if (own_unpaid) return;
    actor.require(permission::orders_manage);
    if (!order.payment.captured.is_zero()) actor.require(permission::orders_refund);
}

}  // namespace

nlohmann::json capture_payment(Engine& engine, const char* session, const char* order_id, const char* request_json) {
    const std::string_view id = checked_text(order_id, "order_id");
    const json request = parse_object(request_json, "request", /*optional=*/true);
    reject_unknown_members(request, "a capture", {"amount", "reference", "note"});
    nlohmann::json document;
    write_as(engine, session, permission::orders_manage, [&](Transaction& tx, const Actor& actor) {
        Order order = existing_order(tx, id);
        if (order.status == order_status::cancelled)
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, fmt::format("order {} is cancelled", order.number),
                        {{"field", "status"}, {"current", order.status}, {"order_id", order.id}});
        const OrderChange change = change_by(engine, actor.user_id, request);
        const Money amount = optional_amount(request, order).value_or(order.payment.amount - order.payment.captured);
        const bool was_paid = order.status != order_status::pending_payment;
        record_capture(order,
                       {engine.ids().next(), "capture", "succeeded", amount,
                        optional_string(request, "reference", kMaxShortText), std::string(kRecordedByStaff),
                        change.actor_id, change.now_ms},
                       change);
        tx.orders().update(order);
        if (!was_paid && order.status == order_status::paid) emit_order_event(engine, tx, "order.paid", order, amount);
        document = order_with_keys(engine, tx, order);
    });
    return document;
}

nlohmann::json refund_order(Engine& engine, const char* session, const char* order_id, const char* request_json) {
    const std::string_view id = checked_text(order_id, "order_id");
    const json request = parse_object(request_json, "request");
    reject_unknown_members(request, "a refund",
                           {"lines", "shipping", "amount", "reason", "note", "idempotency_key"});
    const auto idempotency_key = optional_string(request, "idempotency_key", kMaxShortText);
    const std::string request_hash = sha256_hex(std::string(id) + '\n' + request.dump());
    nlohmann::json document;
    write_as(engine, session, permission::orders_refund, [&](Transaction& tx, const Actor& actor) {
        Order order = existing_order(tx, id);
        // A refund key is the order's: a retry of the same refund answers with the order, not a second refund.
        const std::string scope = "refund:" + order.id;
        if (replayed_order(tx, scope, idempotency_key, request_hash)) {
            document = order_with_keys(engine, tx, order);
            return;
        }
        const OrderChange change = change_by(engine, actor.user_id, request);
        give_back(engine, tx, order, plan_refund(order, refund_request(request, order)), change);
        tx.orders().update(order);
        if (idempotency_key)
            tx.idempotency().insert({scope, *idempotency_key, request_hash, order.id, change.now_ms});
        document = order_with_keys(engine, tx, order);
    });
    return document;
}

nlohmann::json cancel_order(Engine& engine, const char* session, const char* order_id, const char* request_json) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(order_id, "order_id");
    const json request = parse_object(request_json, "request", /*optional=*/true);
    reject_unknown_members(request, "a cancellation", {"note"});
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        Order order = readable_order(tx, actor, id);
        // Whoever may see the order learns first that it is past cancelling: that is the answer that matters.
        require_cancellable(order);
        require_may_cancel(actor, order);
        cancel(engine, tx, order, change_by(engine, actor.user_id, request));
        tx.orders().update(order);
        document = order_with_keys(engine, tx, order);
    });
    return document;
}

nlohmann::json sweep_orders(Engine& engine, int64_t limit) {
    if (limit < 1 || limit > 10'000) throw_invalid("limit", "out_of_range", "limit must be between 1 and 10000");
    int64_t expired = 0;
    engine.write([&](Transaction& tx) {
        for (const auto& id : tx.orders().expired_unpaid(engine.now_ms(), limit)) {
            Order order = existing_order(tx, id);
            cancel(engine, tx, order, {std::nullopt, engine.now_ms(), std::string("payment not received in time")});
            tx.orders().update(order);
            ++expired;
        }
    });
    return {{"type", "order_sweep"}, {"schema_version", 1}, {"expired", expired}};
}

}  // namespace commerce::flows
