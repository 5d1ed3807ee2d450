// One page of a keyset listing (sorted by id, resumed after the last id seen). The rows are fetched with
// limit + 1: the extra row only says that another page follows, and "next" is the cursor to pass as "after".
#pragma once

#include "core/json_output.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce::flows {

template <typename Row, typename IdOf, typename Render>
nlohmann::json keyset_page(std::string_view type, std::vector<Row> rows, int64_t limit, IdOf id_of, Render render) {
    std::optional<std::string> next;
    if (static_cast<int64_t>(rows.size()) > limit) {
        rows.pop_back();
        next = id_of(rows.back());
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : rows) items.push_back(render(row));
    return {{"type", type}, {"schema_version", 1}, {"items", std::move(items)}, {"next", nullable(next)}};
}

}  // namespace commerce::flows
