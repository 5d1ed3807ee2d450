#include "domain/order/returns.h"

#include "core/error.h"
#include "domain/order/line_units.h"
#include "domain/order/shipment.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {

bool return_step_allowed(std::string_view from, std::string_view to) {
    namespace rs = return_status;
    return (from == rs::requested && (to == rs::approved || to == rs::rejected)) ||
           (from == rs::approved && to == rs::received) || (from == rs::received && to == rs::refunded);
}

}  // namespace

std::vector<int64_t> returnable_units(const Order& order) {
    std::vector<int64_t> returnable = shipped_units(order);
    for (const auto& order_return : order.returns)
        if (order_return.status != return_status::rejected)
            for (const auto& line : order_return.lines)
                returnable.at(static_cast<std::size_t>(line.line)) -= line.quantity;
    return returnable;
}

OrderReturn plan_return(const Order& order, std::vector<ReturnLine> lines) {
    if (lines.empty()) throw_invalid("lines", "required", "name the lines to return");
    const std::vector<int64_t> returnable = returnable_units(order);
    std::vector<LineUnits> asked;
    for (const auto& line : lines) asked.push_back({line.line, line.quantity});
    check_line_units(order, asked, returnable, /*physical_only=*/true, "that may be returned");
    std::sort(lines.begin(), lines.end(), [](const ReturnLine& a, const ReturnLine& b) { return a.line < b.line; });
    return {.id = {}, .status = std::string(return_status::requested), .lines = std::move(lines), .note = std::nullopt,
            .requested_by = std::nullopt, .refund_id = std::nullopt, .created_ms = 0, .updated_ms = 0};
}

OrderReturn& return_of(Order& order, std::string_view return_id) {
    auto found = std::find_if(order.returns.begin(), order.returns.end(),
                              [&](const OrderReturn& each) { return each.id == return_id; });
    if (found == order.returns.end())
        throw_not_found("return_id", std::string(return_id),
                        fmt::format("order {} has no return '{}'", order.number, return_id));
    return *found;
}

void move_return(Order& order, OrderReturn& order_return, std::string_view to, const OrderChange& change) {
    if (!return_step_allowed(order_return.status, to))
        throw Error(COMMERCE_ERR_ILLEGAL_STATE,
                    fmt::format("return {} cannot go from {} to {}", order_return.id, order_return.status, to),
                    {{"field", "return.status"}, {"current", order_return.status}, {"requested", to},
                     {"return_id", order_return.id}, {"order_id", order.id}});
    order.timeline.push_back({"return_status", order_return.status, std::string(to), change.actor_id, change.note,
                              change.now_ms, order_return.id});
    order_return.status = std::string(to);
    order_return.updated_ms = order.updated_ms = change.now_ms;
}

}  // namespace commerce
