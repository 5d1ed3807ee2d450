#include "core/locale_format.h"

#include "core/error.h"

#include <unicode/datefmt.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

namespace commerce {
namespace {

void require_success(UErrorCode status, std::string_view what) {
    if (U_FAILURE(status))
        throw Error(COMMERCE_ERR_GENERIC, std::string("ICU could not format the ") + std::string(what) + ": " +
                                              u_errorName(status));
}

std::string utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace

std::string format_money(const Money& money, std::string_view locale) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString code = icu::UnicodeString::fromUTF8(money.currency().code);
    const icu::CurrencyUnit unit(code.getTerminatedBuffer(), status);
    require_success(status, "currency");
    const int digits = money.currency().exponent;
    const std::string amount = money.amount_string();
    const auto formatted = icu::number::NumberFormatter::withLocale(icu::Locale(std::string(locale).c_str()))
                               .unit(unit)
                               .precision(icu::number::Precision::minMaxFraction(digits, digits))
                               .formatDecimal(icu::StringPiece(amount.data(), static_cast<int32_t>(amount.size())),
                                              status);
    require_success(status, "amount");
    const icu::UnicodeString text = formatted.toString(status);
    require_success(status, "amount");
    return utf8(text);
}

std::string format_moment(int64_t epoch_ms, std::string_view locale) {
    std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateTimeInstance(
        icu::DateFormat::kMedium, icu::DateFormat::kMedium, icu::Locale(std::string(locale).c_str())));
    if (!format) throw Error(COMMERCE_ERR_GENERIC, "ICU has no date format for the locale");
    format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    icu::UnicodeString text;
    // UDate counts milliseconds as a double: exact for every moment a store records (below 2^53 ms).
    format->format(static_cast<UDate>(epoch_ms), text);
    return utf8(text);
}

std::size_t printed_width(std::string_view text) {
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    return static_cast<std::size_t>(icu::UnicodeString::fromUTF8(piece).countChar32());
}

std::string fit_width(std::string_view text, std::size_t width) {
    int32_t offset = 0;
    const auto length = static_cast<int32_t>(text.size());
    for (std::size_t printed = 0; offset < length && printed < width; ++printed) U8_FWD_1(text.data(), offset, length);
    return std::string(text.substr(0, static_cast<std::size_t>(offset)));
}

}  // namespace commerce
