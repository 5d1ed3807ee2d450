// Money and moments written for people, in a locale's conventions, through ICU: "1.234,50 €" in de-DE,
// "€1,234.50" in en-IE, "¥1,235" in ja-JP. The amount reaches ICU as decimal text, never as a binary float.
#pragma once

#include "core/money.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace commerce {

// The amount with the currency's symbol and exactly its minor digits, as the locale writes it.
std::string format_money(const Money& money, std::string_view locale);

// The date and time (UTC) as the locale writes them in its medium style: "06.11.2026, 21:20:00".
std::string format_moment(int64_t epoch_ms, std::string_view locale);

// How many characters a monospace printer prints for the UTF-8 text (code points; combining marks and wide
// characters are not told apart).
std::size_t printed_width(std::string_view text);

// The longest prefix of the UTF-8 text that prints in at most `width` characters, never cutting a character.
std::string fit_width(std::string_view text, std::size_t width);

}  // namespace commerce
