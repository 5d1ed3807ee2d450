// The product rating: a sum and a count over approved reviews, kept exact by applying the difference each
// review change makes, and shown as a decimal average.
#pragma once

#include "domain/review/review.h"

#include <cstdint>

namespace commerce {

struct RatingDelta {
    int64_t sum = 0;
    int64_t count = 0;
};

// What moving a review from `before` to `after` changes in its product's rating; nullptr stands for "no
// review" (a creation or a deletion). Only approved reviews count.
RatingDelta rating_delta(const Review* before, const Review* after);

}  // namespace commerce
