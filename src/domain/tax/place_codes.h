// Country and region codes as tax zones and destinations spell them. Both sides are brought to one canonical
// form, so "in"/"ka" in an address matches "IN"/"KA" in a zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// ISO 3166-1 alpha-2 uppercased, or nullopt unless the text is exactly two ASCII letters. The list of assigned
// codes is not checked: a code nobody uses simply never matches.
std::optional<std::string> normalized_country(std::string_view text);

// The subdivision part of ISO 3166-2 ("CA" of US-CA, "KA" of IN-KA) uppercased, or nullopt unless the text is
// 1 to 8 ASCII letters or digits.
std::optional<std::string> normalized_region(std::string_view text);

}  // namespace commerce
