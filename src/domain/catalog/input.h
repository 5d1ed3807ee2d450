// Small readers for catalog JSON input with the catalog's error details (field, reason).
#pragma once

#include "core/json_input.h"
#include "core/text.h"

#include <string>
#include <string_view>
#include <vector>

namespace commerce::catalog_input {

// A text member that must be present (when required) and not empty; nullopt when absent or null.
std::optional<std::string> text(const json& object, std::string_view member, std::size_t max_bytes,
                                bool required = false);

// A member that must be an array of at most max_count entries (reason "too_many"); nullptr when absent.
const json* array(const json& object, std::string_view member, std::size_t max_count);

// An array of distinct non-empty strings, each at most max_bytes, sorted.
std::vector<std::string> sorted_strings(const json& values, std::string_view field, std::size_t max_bytes);

// A slug member, or one made from the title; INVALID_ARGUMENT (field "slug") when neither gives a valid slug.
std::string slug_or_title(const json& object, std::string_view title);

}  // namespace commerce::catalog_input
