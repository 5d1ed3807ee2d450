// Times are milliseconds since the Unix epoch inside the engine and RFC 3339 UTC text in documents.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace commerce {

std::string format_rfc3339(int64_t epoch_ms);  // "2026-11-21T22:46:48.123Z"

int year_of(int64_t epoch_ms);  // the UTC calendar year

// The start of a UTC calendar day given as "YYYY-MM-DD"; nullopt for anything else (including 2026-02-30).
std::optional<int64_t> parse_date(std::string_view text);

std::string format_date(int64_t epoch_ms);

// "2026-12-01T00:00:00Z" or with milliseconds ("...00.250Z"), UTC only; nullopt for anything else.
std::optional<int64_t> parse_rfc3339(std::string_view text);  // "2026-11-21"

inline constexpr int64_t kDayMs = 24LL * 3600 * 1000;

}  // namespace commerce
