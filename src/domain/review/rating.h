// The product rating: a sum and a count over approved reviews, kept exact by applying the difference each
// review change makes, and shown as a decimal average.
#pragma once

#include "domain/review/review.h"

#include <nlohmann/json.hpp>

namespace commerce {

struct RatingDelta {
    int64_t sum = 0;
    int64_t count = 0;
};

// What moving a review from `before` to `after` changes in its product's rating; nullptr stands for "no
// review" (a creation or a deletion). Only approved reviews count.
RatingDelta rating_delta(const Review* before, const Review* after);

// sum / count rounded half-even to two places: "4.33"; "0.00" without reviews. Integer arithmetic only.
std::string format_average(int64_t sum, int64_t count);

// {"average": "4.33", "count": 3}
nlohmann::json rating_json(int64_t sum, int64_t count);

}  // namespace commerce
