// Locales of catalog texts: BCP 47 tags of a language with an optional script and region, canonicalised with
// ICU ("pt-br" -> "pt-BR", "zh-hant-tw" -> "zh-Hant-TW").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

// The canonical tag, or nullopt when the language is not an ISO 639 language ICU knows, the region not an
// ISO 3166 country, or the tag carries anything else (variants, extensions).
std::optional<std::string> canonical_locale(std::string_view tag);

// Where texts for locale are looked for, in order, without repeats: the locale, its language, the default
// locale, the default's language. "pt-BR" with default "en" -> pt-BR, pt, en.
std::vector<std::string> locale_fallbacks(std::string_view locale, std::string_view default_locale);

}  // namespace commerce

namespace commerce {

// The canonical form of tag, which must also be one of `allowed` when that list is not empty. Anything else is
// INVALID_ARGUMENT with field "locale" and reason "unknown_locale".
std::string require_locale(std::string_view tag, const std::vector<std::string>& allowed);

}  // namespace commerce
