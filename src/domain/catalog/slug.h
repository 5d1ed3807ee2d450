// Slugs: the URL names of products, categories and collections.
#pragma once

#include <string>
#include <string_view>

namespace commerce {

inline constexpr std::size_t kMaxSlug = 200;

// 1..200 of a-z, 0-9 and '-'.
bool valid_slug(std::string_view slug) noexcept;

// A slug made from a title in any script: transliterated to Latin, then ASCII, lower case, with every run of
// other characters one '-' ("Café Crème" -> "cafe-creme", "Кофе" -> "kofe"). May be empty (a title of symbols).
std::string slug_from_title(std::string_view title);

}  // namespace commerce
