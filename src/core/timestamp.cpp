#include "core/timestamp.h"

#include <fmt/format.h>

#include <ctime>

namespace commerce {
namespace {
std::tm utc(int64_t epoch_ms) {
    std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    return tm;
}
}  // namespace

std::string format_rfc3339(int64_t epoch_ms) {
    std::tm tm = utc(epoch_ms);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                       tm.tm_hour, tm.tm_min, tm.tm_sec, epoch_ms % 1000);
}

int year_of(int64_t epoch_ms) { return utc(epoch_ms).tm_year + 1900; }

}  // namespace commerce
