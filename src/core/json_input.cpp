#include "core/json_input.h"

#include "core/error.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {

json parse_object(const char* text, std::string_view field, bool optional) {
    if (optional && (text == nullptr || *text == '\0')) return json::object();
    std::string_view view = checked_text(text, field, kMaxDocumentText);
    json parsed = json::parse(view, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) throw_invalid(std::string(field), fmt::format("{} is not valid JSON", field));
    if (!parsed.is_object()) throw_invalid(std::string(field), fmt::format("{} must be a JSON object", field));
    return parsed;
}

std::optional<std::string> optional_string(const json& object, std::string_view member, std::size_t max_bytes) {
    auto it = object.find(member);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw_invalid(std::string(member), fmt::format("{} must be a string", member));
    const auto& value = it->get_ref<const std::string&>();
    return std::string(checked_text(value.c_str(), member, max_bytes));
}

std::string required_string(const json& object, std::string_view member, std::size_t max_bytes) {
    auto value = optional_string(object, member, max_bytes);
    if (!value) throw_invalid(std::string(member), fmt::format("{} is required", member));
    return *value;
}

std::optional<int64_t> optional_integer(const json& object, std::string_view member, int64_t min, int64_t max) {
    auto it = object.find(member);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer())
        throw_invalid(std::string(member), fmt::format("{} must be an integer", member));
    // Unsigned values above INT64_MAX are stored as uint64; compare before converting.
    if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(max))
        throw_invalid(std::string(member), fmt::format("{} must be between {} and {}", member, min, max));
    auto value = it->get<int64_t>();
    if (value < min || value > max)
        throw_invalid(std::string(member), fmt::format("{} must be between {} and {}", member, min, max));
    return value;
}

std::optional<bool> optional_bool(const json& object, std::string_view member) {
    auto it = object.find(member);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) throw_invalid(std::string(member), fmt::format("{} must be true or false", member));
    return it->get<bool>();
}

void reject_unknown_members(const json& object, std::string_view where, std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            throw_invalid(key, fmt::format("{} has no member '{}'", where, key));
    }
}

}  // namespace commerce
