// The SQLite repositories of reviews and review votes.
#pragma once

#include "adapters/storage/sqlite/connection.h"
#include "ports/review_repositories.h"

namespace commerce::sqlite {

class SqliteReviews final : public ReviewRepository {
public:
    explicit SqliteReviews(Connection& db) : db_(db) {}
    void insert(const Review& review) override;
    void update(const Review& review) override;
    std::optional<Review> by_id(std::string_view id) override;
    std::optional<Review> by_author(std::string_view product_id, std::string_view user_id) override;
    bool remove(std::string_view id) override;
    std::vector<Review> queue(const ReviewQueueQuery& query) override;
    std::vector<Review> approved_for_product(const ProductReviewQuery& query) override;
    std::vector<Review> for_user(std::string_view user_id) override;
    std::optional<ReviewedProduct> product(std::string_view product_id) override;
    void adjust_rating(std::string_view product_id, const RatingDelta& delta) override;
    bool has_purchased(std::string_view user_id, std::string_view product_id) override;

private:
    Connection& db_;
};

class SqliteReviewVotes final : public ReviewVoteRepository {
public:
    explicit SqliteReviewVotes(Connection& db) : db_(db) {}
    bool insert(const ReviewVote& vote) override;
    std::vector<ReviewVote> for_user(std::string_view user_id) override;
    void remove_for_user(std::string_view user_id) override;

private:
    Connection& db_;
};

}  // namespace commerce::sqlite
