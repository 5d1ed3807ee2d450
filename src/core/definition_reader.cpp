#include "core/definition_reader.h"

#include "core/error.h"

#include <fmt/format.h>

#include <algorithm>

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

const Currency& required_currency_member(const json& object, std::string_view name, const std::string& field) {
    const Currency* found = find_currency(required_string_member(object, name, field));
    if (!found)
        throw_invalid(field, "unknown_currency", fmt::format("{} must be an ISO 4217 code like \"EUR\"", field));
    return *found;
}

}  // namespace commerce::definition
