// A review: one user's rating and words about one product. It counts towards the product's rating only while
// approved, so the moderation status is part of every rating change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace commerce {

inline constexpr std::string_view kReviewPending = "pending";
inline constexpr std::string_view kReviewApproved = "approved";
inline constexpr std::string_view kReviewRejected = "rejected";

inline constexpr std::string_view kVoteHelpful = "helpful";
inline constexpr std::string_view kVoteReport = "report";

struct Review {
    std::string id;
    std::string product_id;
    std::string user_id;
    std::optional<std::string> author_name;  // the author's profile name, read with the review; never written
    int64_t rating = 0;                       // 1..5
    std::string title;
    std::string body;
    std::string status;  // pending | approved | rejected
    std::optional<std::string> moderation_reason;
    std::optional<std::string> moderated_by;
    std::optional<int64_t> moderated_ms;
    bool verified_purchase = false;
    int64_t helpful_count = 0;
    int64_t report_count = 0;
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

struct ReviewVote {
    std::string review_id;
    std::string user_id;
    std::string kind;  // helpful | report
    std::optional<std::string> reason;
    int64_t created_ms = 0;
};

// The product as reviews see it: whether shoppers may see it, and its running rating over approved reviews.
struct ReviewedProduct {
    std::string id;
    std::string status;  // draft | published | archived
    std::optional<int64_t> publish_at_ms;
    int64_t rating_sum = 0;
    int64_t rating_count = 0;
};

}  // namespace commerce
