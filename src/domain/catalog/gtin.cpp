#include "domain/catalog/gtin.h"

#include <algorithm>

namespace commerce {

bool gs1_check_digit_valid(std::string_view digits) noexcept {
    if (digits.size() < 2 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    // From the digit left of the check digit leftwards, weights alternate 3, 1, 3...
    int sum = 0, weight = 3;
    for (auto it = digits.rbegin() + 1; it != digits.rend(); ++it, weight = 4 - weight) sum += (*it - '0') * weight;
    return (10 - sum % 10) % 10 == digits.back() - '0';
}

std::optional<std::string> normalized_gtin(std::string_view code) {
    if (code.size() != 8 && code.size() != 12 && code.size() != 13) return std::nullopt;
    if (!gs1_check_digit_valid(code)) return std::nullopt;
    return code.size() == 12 ? "0" + std::string(code) : std::string(code);
}

}  // namespace commerce
