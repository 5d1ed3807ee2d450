// Checks on text that comes in through the C ABI: present, valid UTF-8, and bounded.
#pragma once

#include <cstddef>
#include <string_view>

namespace commerce {

// Bytes, not characters: a bound on memory and storage, applied before anything else looks at the text.
inline constexpr std::size_t kMaxShortText = 256;      // emails, SKUs, titles, ids, keys
inline constexpr std::size_t kMaxLongText = 64 * 1024;  // descriptions
inline constexpr std::size_t kMaxDocumentText = 1024 * 1024;  // JSON inputs

bool is_valid_utf8(std::string_view text) noexcept;

// The number of Unicode code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view text) noexcept;

// Returns the text, or throws INVALID_ARGUMENT naming `field` when it is NULL, not UTF-8 or longer than max_bytes.
std::string_view checked_text(const char* text, std::string_view field, std::size_t max_bytes = kMaxShortText);

// As checked_text, but NULL and "" mean "absent".
std::string_view optional_text(const char* text, std::string_view field, std::size_t max_bytes = kMaxShortText);

}  // namespace commerce
