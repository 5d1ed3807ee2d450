#include "domain/catalog/input.h"

#include "core/error.h"
#include "core/text.h"
#include "domain/catalog/slug.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce::catalog_input {

std::optional<std::string> text(const json& object, std::string_view member, std::size_t max_bytes, bool required) {
    auto value = optional_string(object, member, max_bytes);
    if (required && !value) throw_invalid(member, "required", fmt::format("{} is required", member));
    if (value && value->empty()) throw_invalid(member, "empty", fmt::format("{} must not be empty", member));
    return value;
}

const json* array(const json& object, std::string_view member, std::size_t max_count) {
    auto it = object.find(member);
    if (it == object.end() || it->is_null()) return nullptr;
    if (!it->is_array()) throw_invalid(member, "type", fmt::format("{} must be an array", member));
    if (it->size() > max_count) throw_invalid(member, "too_many", fmt::format("{} has more than {} entries", member, max_count));
    return &*it;
}

std::vector<std::string> sorted_strings(const json& values, std::string_view field, std::size_t max_bytes) {
    std::vector<std::string> result;
    for (const auto& value : values) {
        if (!value.is_string() || value.get_ref<const std::string&>().empty())
            throw_invalid(field, "type", fmt::format("{} must hold non-empty strings", field));
        result.emplace_back(checked_text(value.get_ref<const std::string&>().c_str(), field, max_bytes));
    }
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

std::string slug_or_title(const json& object, std::string_view title) {
    const auto given = optional_string(object, "slug", kMaxSlug);
    const std::string slug = given ? *given : slug_from_title(title);
    if (!valid_slug(slug))
        throw_invalid("slug", "format", given ? "a slug holds 1 to 200 of a-z, 0-9 and '-'" : "give a slug: the title makes none");
    return slug;
}

}  // namespace commerce::catalog_input
