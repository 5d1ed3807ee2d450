#include "domain/promotion/stacking.h"

#include "domain/promotion/outcome.h"

#include <algorithm>

namespace commerce {
namespace {

// Whether `promotion` accepts `other` beside it (its own side of the agreement only).
bool accepts(const Promotion& promotion, const Promotion& other) {
    if (!promotion.combinable_with) return true;
    const auto& listed = *promotion.combinable_with;  // sorted
    return std::binary_search(listed.begin(), listed.end(), other.id) ||
           (other.group && std::binary_search(listed.begin(), listed.end(), *other.group));
}

std::string reason_naming(std::string_view reason, const Promotion& promotion) {
    return std::string(reason) + ":" + promotion.id;
}

}  // namespace

std::optional<std::string> stacking_conflict(const Promotion& candidate, const std::vector<const Promotion*>& applied) {
    for (const Promotion* earlier : applied)
        if (earlier->exclusive) return reason_naming(promotion_reason::blocked_by_exclusive, *earlier);
    for (const Promotion* earlier : applied)
        if (candidate.exclusive || !accepts(*earlier, candidate) || !accepts(candidate, *earlier))
            return reason_naming(promotion_reason::not_combinable_with, *earlier);
    return std::nullopt;
}

}  // namespace commerce
