#include "domain/catalog/locale.h"

#include <unicode/uloc.h>

#include <algorithm>
#include <cstring>

namespace commerce {
namespace {

bool listed(const char* const* list, std::string_view code) {
    for (; *list != nullptr; ++list)
        if (code == *list) return true;
    return false;
}

std::string language_of(std::string_view locale) { return std::string(locale.substr(0, locale.find('-'))); }

}  // namespace

std::optional<std::string> canonical_locale(std::string_view tag) {
    if (tag.empty() || tag.size() > 32) return std::nullopt;
    const std::string text(tag);
    UErrorCode status = U_ZERO_ERROR;
    char id[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    uloc_forLanguageTag(text.c_str(), id, sizeof id, &parsed, &status);
    if (U_FAILURE(status) || parsed != static_cast<int32_t>(text.size())) return std::nullopt;

    char language[ULOC_LANG_CAPACITY], script[ULOC_SCRIPT_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
    uloc_getLanguage(id, language, sizeof language, &status);
    uloc_getScript(id, script, sizeof script, &status);
    uloc_getCountry(id, region, sizeof region, &status);
    if (U_FAILURE(status) || !listed(uloc_getISOLanguages(), language)) return std::nullopt;
    if (*region != '\0' && !listed(uloc_getISOCountries(), region)) return std::nullopt;

    // Rebuilt from the parts, so variants, extensions and private use never slip through.
    std::string canonical = language;
    if (*script != '\0') canonical += std::string("-") + script;
    if (*region != '\0') canonical += std::string("-") + region;
    const std::size_t parts = 1 + (*script != '\0') + (*region != '\0');
    if (static_cast<std::size_t>(std::count(text.begin(), text.end(), '-')) + 1 != parts) return std::nullopt;
    return canonical;
}

std::vector<std::string> locale_fallbacks(std::string_view locale, std::string_view default_locale) {
    std::vector<std::string> chain;
    for (const std::string& candidate : {std::string(locale), language_of(locale), std::string(default_locale),
                                         language_of(default_locale)})
        if (!candidate.empty() && std::find(chain.begin(), chain.end(), candidate) == chain.end())
            chain.push_back(candidate);
    return chain;
}

}  // namespace commerce

#include "core/error.h"

#include <fmt/format.h>

namespace commerce {

std::string require_locale(std::string_view tag, const std::vector<std::string>& allowed) {
    auto canonical = canonical_locale(tag);
    if (!canonical || (!allowed.empty() && std::find(allowed.begin(), allowed.end(), *canonical) == allowed.end()))
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("'{}' is not a locale of this store", tag),
                    {{"field", "locale"}, {"reason", "unknown_locale"}, {"locale", tag}});
    return *canonical;
}

}  // namespace commerce
