#include "core/rating.h"

#include <fmt/format.h>

namespace commerce {

std::string format_average(int64_t sum, int64_t count) {
    if (count <= 0) return "0.00";
    // Hundredths: sum * 100 / count, with the remainder deciding the rounding (ties go to the even digit).
    const int64_t scaled = sum * 100;
    int64_t hundredths = scaled / count;
    const int64_t twice_remainder = 2 * (scaled % count);
    if (twice_remainder > count || (twice_remainder == count && hundredths % 2 != 0)) ++hundredths;
    return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
}

nlohmann::json rating_json(int64_t sum, int64_t count) {
    return {{"average", format_average(sum, count)}, {"count", count}};
}

}  // namespace commerce
