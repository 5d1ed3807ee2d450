#include "domain/tax/place_codes.h"

namespace commerce {
namespace {

constexpr std::size_t kMaxRegion = 8;

// `text` uppercased when its length is within bounds and every character is an ASCII letter (or digit, when
// allowed).
std::optional<std::string> uppercase_code(std::string_view text, std::size_t min, std::size_t max, bool digits) {
    if (text.size() < min || text.size() > max) return std::nullopt;
    std::string code;
    for (char c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (!((c >= 'A' && c <= 'Z') || (digits && c >= '0' && c <= '9'))) return std::nullopt;
        code.push_back(c);
    }
    return code;
}

}  // namespace

std::optional<std::string> normalized_country(std::string_view text) { return uppercase_code(text, 2, 2, false); }

std::optional<std::string> normalized_region(std::string_view text) {
    return uppercase_code(text, 1, kMaxRegion, true);
}

}  // namespace commerce
