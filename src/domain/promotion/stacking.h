// Which promotions may apply together. The shop decides by policy, not by accident of order:
//  - an exclusive promotion applies only alone: once it applied nothing else does (blocked_by_exclusive:<id>),
//    and it does not apply after another one did (not_combinable_with:<that id>);
//  - combinable_with, when given, lists the promotion ids or groups a promotion accepts beside it. Two promotions
//    combine only if each accepts the other; absent means it accepts every non-exclusive promotion.
// Candidates are judged in evaluation order against those already applied, so the higher priority keeps its place.
#pragma once

#include "domain/promotion/promotion.h"

#include <optional>
#include <string>
#include <vector>

namespace commerce {

// The reason `candidate` may not join `applied` ("blocked_by_exclusive:<id>" or "not_combinable_with:<id>",
// naming the first applied promotion in the way), or nullopt.
std::optional<std::string> stacking_conflict(const Promotion& candidate, const std::vector<const Promotion*>& applied);

}  // namespace commerce
