// Postal code patterns of tax zones: a deliberately small language instead of regular expressions, so that a
// hostile definition can neither be slow nor surprising. A pattern is a postal code in which '*' stands for any
// run of characters (possibly empty): "75*" is every Paris code, "SW1A*" central London, "*" any code,
// "9021*-*" a ZIP+4 in 9021x. Letters compare without case and spaces are ignored, so "sw1a 1aa" equals
// "SW1A1AA".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

inline constexpr std::size_t kMaxPostalPattern = 32;

// The canonical form of a postal code or pattern: ASCII letters uppercased, spaces removed. nullopt when the
// text holds anything but ASCII letters, digits, '-', ' ' (and '*' when `pattern`), or is empty once spaces are
// gone, or is longer than kMaxPostalPattern.
std::optional<std::string> normalized_postal(std::string_view text, bool pattern);

// Whether a normalized postal code matches a normalized pattern. Linear in practice and at worst
// code x pattern steps, both at most kMaxPostalPattern long.
bool matches_postal_pattern(std::string_view code, std::string_view pattern) noexcept;

}  // namespace commerce
