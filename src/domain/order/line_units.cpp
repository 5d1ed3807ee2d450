#include "domain/order/line_units.h"

#include "core/error.h"

#include <fmt/format.h>

#include <set>

namespace commerce {

void check_line_units(const Order& order, std::span<const LineUnits> asked, const std::vector<int64_t>& available,
                      bool physical_only, std::string_view what) {
    std::set<int64_t> seen;
    for (std::size_t i = 0; i < asked.size(); ++i) {
        const LineUnits& units = asked[i];
        const std::string field = fmt::format("lines[{}]", i);
        if (units.line < 0 || units.line >= static_cast<int64_t>(order.lines.size()))
            throw_invalid(field + ".line", "unknown_line",
                          fmt::format("the order has no line {} (it has {})", units.line, order.lines.size()));
        if (!seen.insert(units.line).second)
            throw_invalid(field + ".line", "duplicate", fmt::format("line {} is given twice", units.line));
        const auto position = static_cast<std::size_t>(units.line);
        if (physical_only && order.lines[position].digital)
            throw_invalid(field + ".line", "digital",
                          fmt::format("line {} is digital: nothing travels {}", units.line, what));
        if (units.quantity < 1 || units.quantity > available[position])
            throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                        fmt::format("line {} has {} units {}; {} asked", units.line, available[position], what,
                                    units.quantity),
                        {{"field", field + ".quantity"},
                         {"reason", "out_of_range"},
                         {"available", available[position]}});
    }
}

}  // namespace commerce
