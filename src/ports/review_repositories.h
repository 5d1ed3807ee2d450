// The storage port for reviews, their votes, and the product facts reviews depend on (visibility, rating,
// purchases).
#pragma once

#include "domain/review/rating.h"
#include "domain/review/review.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace commerce {

// The moderation queue, oldest first: reviews with id > after_id.
struct ReviewQueueQuery {
    std::optional<std::string> status;  // none: every status
    bool reported_only = false;         // only reviews with at least one report
    std::string after_id;
    int64_t limit = 50;
};

enum class ReviewSort { newest, helpful, rating_desc, rating_asc };

// A product's approved reviews in `sort` order, after the position (key, id) of the previous page's last
// review: key is the sort column (helpful_count or rating; unused for newest), ties broken by newest first.
struct ProductReviewQuery {
    std::string product_id;
    ReviewSort sort = ReviewSort::newest;
    std::optional<int64_t> after_key;
    std::string after_id;  // "" for the first page
    int64_t limit = 20;
};

class ReviewRepository {
public:
    virtual ~ReviewRepository() = default;
    virtual void insert(const Review& review) = 0;
    // Writes every field an edit or a moderation changes; the product, author, counts and creation stay.
    virtual void update(const Review& review) = 0;
    virtual std::optional<Review> by_id(std::string_view id) = 0;
    virtual std::optional<Review> by_author(std::string_view product_id, std::string_view user_id) = 0;
    virtual bool remove(std::string_view id) = 0;  // its votes go with it
    virtual std::vector<Review> queue(const ReviewQueueQuery& query) = 0;
    virtual std::vector<Review> approved_for_product(const ProductReviewQuery& query) = 0;
    virtual std::vector<Review> for_user(std::string_view user_id) = 0;  // oldest first

    virtual std::optional<ReviewedProduct> product(std::string_view product_id) = 0;
    virtual void adjust_rating(std::string_view product_id, const RatingDelta& delta) = 0;
    // Whether the user has an order that was paid (paid or any later state) with a line of the product.
    virtual bool has_purchased(std::string_view user_id, std::string_view product_id) = 0;
};

class ReviewVoteRepository {
public:
    virtual ~ReviewVoteRepository() = default;
    // Records the vote and counts it on the review; false (and nothing written) when the user already cast
    // a vote of that kind on the review.
    virtual bool insert(const ReviewVote& vote) = 0;
    virtual std::vector<ReviewVote> for_user(std::string_view user_id) = 0;  // oldest first
    // Deletes the user's votes and takes them off the reviews' counts.
    virtual void remove_for_user(std::string_view user_id) = 0;
};

}  // namespace commerce
