#include "core/definition_reader.h"

#include "core/error.h"
#include "core/text.h"
#include "core/timestamp.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace commerce::definition {
namespace {

std::string described(const std::string& field) { return field.empty() ? "the definition" : field; }

}  // namespace

std::string path(std::string_view prefix, std::string_view member) {
    return prefix.empty() ? std::string(member) : fmt::format("{}.{}", prefix, member);
}

std::string indexed(std::string_view prefix, std::size_t index) { return fmt::format("{}[{}]", prefix, index); }

const json* member(const json& object, std::string_view name) {
    auto it = object.find(name);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

void require_object(const json& value, const std::string& field) {
    if (!value.is_object())
        throw_invalid(field.empty() ? "definition" : field, "type", fmt::format("{} must be an object", described(field)));
}

void require_known_members(const json& object, const std::string& field, Members known) {
    require_object(object, field);
    for (const auto& [key, value] : object.items())
        if (std::find(known.begin(), known.end(), key) == known.end())
            throw_invalid(path(field, key), "unknown_member", fmt::format("{} has no member '{}'", described(field), key));
}

const json* array_member(const json& object, std::string_view name, const std::string& field, std::size_t max_count) {
    const json* value = member(object, name);
    if (!value) return nullptr;
    if (!value->is_array()) throw_invalid(field, "type", fmt::format("{} must be an array", field));
    if (value->size() > max_count)
        throw_invalid(field, "too_many", fmt::format("{} has more than {} entries", field, max_count));
    return value;
}

std::optional<std::string> string_member(const json& object, std::string_view name, const std::string& field) {
    const json* value = member(object, name);
    if (!value) return std::nullopt;
    if (!value->is_string()) throw_invalid(field, "type", fmt::format("{} must be a string", field));
    return value->get<std::string>();
}

std::string required_string_member(const json& object, std::string_view name, const std::string& field) {
    auto value = string_member(object, name, field);
    if (!value) throw_invalid(field, "required", fmt::format("{} is required", field));
    return *value;
}

std::optional<bool> bool_member(const json& object, std::string_view name, const std::string& field) {
    const json* value = member(object, name);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) throw_invalid(field, "type", fmt::format("{} must be true or false", field));
    return value->get<bool>();
}

std::optional<std::string> text_member(const json& object, std::string_view name, const std::string& field,
                                       std::size_t max_bytes) {
    const json* value = member(object, name);
    if (!value) return std::nullopt;
    if (!value->is_string()) throw_invalid(field, "type", fmt::format("{} must be a string", field));
    const auto& text = value->get_ref<const std::string&>();
    if (text.empty()) throw_invalid(field, "empty", fmt::format("{} must not be empty", field));
    if (text.size() > max_bytes || !is_valid_utf8(text))
        throw_invalid(field, "too_long", fmt::format("{} must be UTF-8 of at most {} bytes", field, max_bytes));
    return text;
}

std::string required_text_member(const json& object, std::string_view name, const std::string& field,
                                 std::size_t max_bytes) {
    auto value = text_member(object, name, field, max_bytes);
    if (!value) throw_invalid(field, "required", fmt::format("{} is required", field));
    return *value;
}

std::optional<Decimal> decimal_member(const json& object, std::string_view name, const std::string& field) {
    auto text = string_member(object, name, field);
    if (!text) return std::nullopt;
    try {
        return Decimal::parse(*text);
    } catch (const Error&) {
        throw_invalid(field, "format", fmt::format("{} must be a decimal string like \"0.05\"", field));
    }
}

Decimal required_decimal_member(const json& object, std::string_view name, const std::string& field) {
    auto value = decimal_member(object, name, field);
    if (!value) throw_invalid(field, "required", fmt::format("{} is required", field));
    return *value;
}

std::optional<int64_t> integer_member(const json& object, std::string_view name, const std::string& field,
                                      int64_t min, int64_t max) {
    const json* value = member(object, name);
    if (!value) return std::nullopt;
    if (!value->is_number_integer()) throw_invalid(field, "type", fmt::format("{} must be an integer", field));
    // Unsigned values above INT64_MAX are stored as uint64; compare before converting.
    const bool too_big = value->is_number_unsigned() && value->get<uint64_t>() > static_cast<uint64_t>(max);
    if (too_big || value->get<int64_t>() < min || value->get<int64_t>() > max)
        throw_invalid(field, "out_of_range", fmt::format("{} must be between {} and {}", field, min, max));
    return value->get<int64_t>();
}

std::vector<std::string> text_set_member(const json& object, std::string_view name, const std::string& field,
                                         std::size_t max_count, std::size_t max_bytes) {
    const json* value = member(object, name);
    if (!value) return {};
    if (!value->is_array()) throw_invalid(field, "type", fmt::format("{} must be an array of strings", field));
    if (value->size() > max_count)
        throw_invalid(field, "too_many", fmt::format("{} has more than {} entries", field, max_count));
    std::vector<std::string> list;
    for (const auto& entry : *value) {
        if (!entry.is_string() || entry.get_ref<const std::string&>().empty())
            throw_invalid(field, "type", fmt::format("{} must hold non-empty strings", field));
        const auto& text = entry.get_ref<const std::string&>();
        if (text.size() > max_bytes || !is_valid_utf8(text))
            throw_invalid(field, "too_long", fmt::format("{} entries are UTF-8 of at most {} bytes", field, max_bytes));
        list.push_back(text);
    }
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

std::optional<int64_t> timestamp_member(const json& object, std::string_view name, const std::string& field) {
    const json* value = member(object, name);
    if (!value) return std::nullopt;
    if (value->is_string()) {
        if (auto parsed = parse_rfc3339(value->get_ref<const std::string&>())) return parsed;
        throw_invalid(field, "format", fmt::format("{} must be RFC 3339 UTC like 2026-12-01T00:00:00Z", field));
    }
    return integer_member(object, name, field, 0, std::numeric_limits<int64_t>::max());
}

Money money_value(const json& value, const std::string& field, bool allow_zero) {
    std::optional<Money> parsed;
    try {
        parsed = Money::from_json(value);
    } catch (const Error& error) {
        if (error.code() != COMMERCE_ERR_INVALID_ARGUMENT) throw;
        throw_invalid(field, "money_format", fmt::format("{}: {}", field, error.what()));
    }
    if (parsed->is_negative()) throw_invalid(field, "negative", fmt::format("{} must not be negative", field));
    if (parsed->is_zero() && !allow_zero) throw_invalid(field, "zero", fmt::format("{} must be more than zero", field));
    return *parsed;
}

const Currency& known_currency(std::string_view code, const std::string& field) {
    const Currency* found = find_currency(code);
    if (!found)
        throw_invalid(field, "unknown_currency", fmt::format("{} must be an ISO 4217 code like \"EUR\"", field));
    return *found;
}

const Currency& required_currency_member(const json& object, std::string_view name, const std::string& field) {
    return known_currency(required_string_member(object, name, field), field);
}

}  // namespace commerce::definition
