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

std::optional<int64_t> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    std::tm tm{};
    tm.tm_year = number(0, 4) - 1900;
    tm.tm_mon = number(5, 2) - 1;
    tm.tm_mday = number(8, 2);
    const int year = tm.tm_year, month = tm.tm_mon, day = tm.tm_mday;
    const std::time_t seconds = timegm(&tm);  // normalises 02-30 to 03-02, which the check below refuses
    if (tm.tm_year != year || tm.tm_mon != month || tm.tm_mday != day) return std::nullopt;
    return static_cast<int64_t>(seconds) * 1000;
}

std::string format_date(int64_t epoch_ms) { return format_rfc3339(epoch_ms).substr(0, 10); }

std::optional<int64_t> parse_rfc3339(std::string_view text) {
    const bool with_ms = text.size() == 24;
    if ((text.size() != 20 && !with_ms) || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text.back() != 'Z')
        return std::nullopt;
    if (with_ms && text[19] != '.') return std::nullopt;
    auto day = parse_date(text.substr(0, 10));
    if (!day) return std::nullopt;
    auto digits = [&](std::size_t at, std::size_t length, int max) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        if (value > max) return std::nullopt;
        return value;
    };
    auto hours = digits(11, 2, 23), minutes = digits(14, 2, 59), seconds = digits(17, 2, 59);
    auto millis = with_ms ? digits(20, 3, 999) : std::optional<int>(0);
    if (!hours || !minutes || !seconds || !millis) return std::nullopt;
    return *day + ((*hours * 60LL + *minutes) * 60 + *seconds) * 1000 + *millis;
}

}  // namespace commerce
