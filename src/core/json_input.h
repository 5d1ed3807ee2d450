// Reading JSON inputs (configs, requests, patches) with errors that name the offending field.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace commerce {

using json = nlohmann::json;

// Parses a JSON object. NULL or "" gives an empty object when `optional` is true. Invalid JSON, invalid
// UTF-8, a non-object or an over-long text is INVALID_ARGUMENT with `field` in the details.
json parse_object(const char* text, std::string_view field, bool optional = false);

// Members of an object, each checked for type and bounds; a wrong type is INVALID_ARGUMENT naming the member.
std::string required_string(const json& object, std::string_view member, std::size_t max_bytes);
std::optional<std::string> optional_string(const json& object, std::string_view member, std::size_t max_bytes);
std::optional<int64_t> optional_integer(const json& object, std::string_view member, int64_t min, int64_t max);
std::optional<bool> optional_bool(const json& object, std::string_view member);

// Rejects members that the operation does not know, so a typo is an error instead of being ignored.
void reject_unknown_members(const json& object, std::string_view where, std::initializer_list<std::string_view> known);

}  // namespace commerce
