#include "domain/inventory/locations.h"

#include "core/error.h"
#include "core/text.h"
#include "core/timestamp.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace commerce {
namespace {

constexpr std::size_t kMaxCode = 64;
constexpr std::size_t kMaxName = 200;
constexpr std::array<std::string_view, 3> kKinds = {"warehouse", "shop", "kiosk"};

// Codes appear in URLs, receipts and scripts: lowercase letters, digits, '-' and '_'.
std::string checked_code(const json& input) {
    std::string code = required_string(input, "code", kMaxCode);
    const bool ok = !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!ok) throw_invalid("code", "a location code has 1 to 64 characters a-z, 0-9, '-' or '_'");
    return code;
}

}  // namespace

Location create_location(Transaction& tx, IdGenerator& ids, int64_t now_ms, const json& input) {
    reject_unknown_members(input, "a location", {"code", "name", "kind"});
    Location location{.id = {}, .code = checked_code(input), .name = required_string(input, "name", kMaxName),
                      .kind = required_string(input, "kind", kMaxShortText), .created_ms = now_ms};
    if (location.name.empty()) throw_invalid("name", "name must not be empty");
    if (std::find(kKinds.begin(), kKinds.end(), location.kind) == kKinds.end())
        throw_invalid("kind", "kind is one of warehouse, shop, kiosk");
    if (tx.locations().code_taken(location.code))
        throw Error(COMMERCE_ERR_EXISTS, fmt::format("a location with code '{}' already exists", location.code),
                    {{"field", "code"}});
    location.id = ids.next();
    tx.locations().insert(location);
    return location;
}

json location_document(const Location& location) {
    return {{"type", "location"},         {"schema_version", 1},   {"id", location.id},
            {"code", location.code},      {"name", location.name}, {"kind", location.kind},
            {"created_at", format_rfc3339(location.created_ms)}};
}

json location_list_document(const std::vector<Location>& locations) {
    json items = json::array();
    for (const auto& location : locations) items.push_back(location_document(location));
    return {{"type", "location_list"}, {"schema_version", 1}, {"items", items}};
}

}  // namespace commerce
