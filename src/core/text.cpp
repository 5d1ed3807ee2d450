#include "core/text.h"

#include "core/error.h"

#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

namespace commerce {

bool is_valid_utf8(std::string_view text) noexcept {
    if (text.size() > static_cast<std::size_t>(INT32_MAX)) return false;
    UErrorCode status = U_ZERO_ERROR;
    int32_t utf16_length = 0;
    // Preflighting (no destination) reports U_BUFFER_OVERFLOW_ERROR for valid input and
    // U_INVALID_CHAR_FOUND for ill-formed sequences, surrogates and overlongs.
    u_strFromUTF8(nullptr, 0, &utf16_length, text.data(), static_cast<int32_t>(text.size()), &status);
    return status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status);
}

std::size_t count_code_points(std::string_view text) noexcept {
    std::size_t count = 0;
    int32_t offset = 0;
    const auto length = static_cast<int32_t>(text.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    while (offset < length) {
        UChar32 c;
        U8_NEXT(bytes, offset, length, c);
        ++count;
    }
    return count;
}

std::string_view checked_text(const char* text, std::string_view field, std::size_t max_bytes) {
    if (text == nullptr) throw_invalid(std::string(field), fmt::format("{} is required", field));
    std::string_view view(text);
    if (view.size() > max_bytes)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("{} is longer than {} bytes", field, max_bytes),
                    {{"field", field}, {"reason", "too_long"}, {"max_bytes", max_bytes}});
    if (!is_valid_utf8(view)) throw_invalid(std::string(field), fmt::format("{} is not valid UTF-8", field));
    return view;
}

std::string_view optional_text(const char* text, std::string_view field, std::size_t max_bytes) {
    if (text == nullptr || *text == '\0') return {};
    return checked_text(text, field, max_bytes);
}

}  // namespace commerce
