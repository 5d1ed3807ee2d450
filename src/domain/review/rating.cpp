#include "domain/review/rating.h"

namespace commerce {
namespace {

RatingDelta counted(const Review* review) {
    if (review == nullptr || review->status != kReviewApproved) return {};
    return {review->rating, 1};
}

}  // namespace

RatingDelta rating_delta(const Review* before, const Review* after) {
    const RatingDelta removed = counted(before), added = counted(after);
    return {added.sum - removed.sum, added.count - removed.count};
}

}  // namespace commerce
