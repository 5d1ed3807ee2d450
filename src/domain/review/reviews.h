// Review operations: submitting and editing one's review, moderation, votes, and the product's list. Every
// change to a review goes through one place that moves the product's rating with it, in the same transaction.
#pragma once

#include "core/actor.h"
#include "core/ids.h"
#include "core/json_input.h"
#include "ports/storage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

inline constexpr std::size_t kMaxReviewTitle = 200;   // bytes
inline constexpr std::size_t kMaxReviewReason = 1000;  // moderation and report reasons, bytes

// The caller's review of the product, new or edited ({"rating": 1..5, "title", "body"}); pending again.
Review submit_review(Transaction& tx, IdGenerator& ids, int64_t now_ms, const Actor& actor,
                     std::string_view product_id, const json& input);

// Deletes a review: its author, or "reviews.moderate". Returns what was deleted.
Review delete_review(Transaction& tx, const Actor& actor, std::string_view review_id);

// decision: "approved" | "rejected" ("reviews.moderate"); a rejection needs a reason.
Review moderate_review(Transaction& tx, int64_t now_ms, const Actor& actor, std::string_view review_id,
                       std::string_view decision, std::string_view reason);

// kind: "helpful" | "report", once per user and kind, on someone else's approved review.
Review vote_review(Transaction& tx, int64_t now_ms, const Actor& actor, std::string_view review_id,
                   std::string_view kind, std::string_view reason);

struct ReviewPage {
    std::vector<Review> items;
    std::optional<std::string> next;
};

// {"status", "reported", "limit", "after"} ("reviews.moderate"), oldest first.
ReviewPage review_queue(Transaction& tx, const Actor& actor, const json& query);

// A product's approved reviews: {"sort", "limit", "after"}.
ReviewPage product_reviews(Transaction& tx, const ReviewedProduct& product, const json& query);

// A product shoppers may see, or NOT_FOUND: unknown, draft (unless its publish time has come), or archived.
ReviewedProduct visible_product(Transaction& tx, int64_t now_ms, std::string_view product_id);

// Erasure: the user's votes leave the counts, the user's reviews leave the ratings.
void erase_reviews_of(Transaction& tx, std::string_view user_id);

json review_document(const Review& review);
json review_list_document(const ReviewPage& page);
json product_review_list_document(const ReviewedProduct& product, const ReviewPage& page);

}  // namespace commerce
