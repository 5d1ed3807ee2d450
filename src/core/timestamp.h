// Times are milliseconds since the Unix epoch inside the engine and RFC 3339 UTC text in documents.
#pragma once

#include <cstdint>
#include <string>

namespace commerce {

std::string format_rfc3339(int64_t epoch_ms);  // "2026-11-21T22:46:48.123Z"

int year_of(int64_t epoch_ms);  // the UTC calendar year

}  // namespace commerce
