#include "domain/tax/postal_pattern.h"

namespace commerce {

std::optional<std::string> normalized_postal(std::string_view text, bool pattern) {
    if (text.size() > kMaxPostalPattern) return std::nullopt;
    std::string normalized;
    for (char c : text) {
        if (c == ' ') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || (pattern && c == '*');
        if (!allowed) return std::nullopt;
        normalized.push_back(c);
    }
    if (normalized.empty()) return std::nullopt;
    return normalized;
}

bool matches_postal_pattern(std::string_view code, std::string_view pattern) noexcept {
    // The classic wildcard walk: on a mismatch, retry from the last '*' with one more character swallowed by it.
    // Only the last star needs remembering, because an earlier star can never help a later one that failed.
    std::size_t c = 0, p = 0;
    std::size_t star = std::string_view::npos, resume = 0;
    while (c < code.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = c;
        } else if (p < pattern.size() && pattern[p] == code[c]) {
            ++p;
            ++c;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            c = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

}  // namespace commerce
