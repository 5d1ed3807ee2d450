#include "domain/catalog/slug.h"

#include "core/error.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace commerce {
namespace {

bool slug_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A Transliterator is costly to build and not safe to share between threads, so each thread keeps one.
icu::Transliterator& to_ascii() {
    thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
            "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) throw Error(COMMERCE_ERR_GENERIC, "ICU has no Any-Latin transliterator");
        return made;
    }();
    return *transliterator;
}

}  // namespace

bool valid_slug(std::string_view slug) noexcept {
    if (slug.empty() || slug.size() > kMaxSlug) return false;
    for (char c : slug)
        if (!slug_char(c) && c != '-') return false;
    return true;
}

std::string slug_from_title(std::string_view title) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(title.data(), static_cast<int32_t>(title.size())));
    to_ascii().transliterate(text);
    std::string ascii;
    text.toUTF8String(ascii);
    std::string slug;
    for (char c : ascii) {
        if (slug_char(c)) slug += c;
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    if (slug.size() > kMaxSlug) slug.resize(kMaxSlug);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug;
}

}  // namespace commerce
