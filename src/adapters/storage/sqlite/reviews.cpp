#include "adapters/storage/sqlite/review_repositories.h"

namespace commerce::sqlite {
namespace {

// The author's name comes along so that a list of reviews is one query.
#define REVIEW_SELECT                                                                                          \
    "SELECT r.id, r.product_id, r.user_id, u.name, r.rating, r.title, r.body, r.status, r.moderation_reason, " \
    "r.moderated_by, r.moderated_ms, r.verified_purchase, r.helpful_count, r.report_count, r.created_ms, "      \
    "r.updated_ms FROM reviews r JOIN users u ON u.id = r.user_id "

Review review_row(Query& row) {
    return Review{.id = row.text(0), .product_id = row.text(1), .user_id = row.text(2),
                  .author_name = row.optional_text(3), .rating = row.integer(4), .title = row.text(5),
                  .body = row.text(6), .status = row.text(7), .moderation_reason = row.optional_text(8),
                  .moderated_by = row.optional_text(9), .moderated_ms = row.optional_integer(10),
                  .verified_purchase = row.integer(11) != 0, .helpful_count = row.integer(12),
                  .report_count = row.integer(13), .created_ms = row.integer(14), .updated_ms = row.integer(15)};
}

std::vector<Review> review_rows(Query& rows) {
    std::vector<Review> reviews;
    while (rows.step()) reviews.push_back(review_row(rows));
    return reviews;
}

// The keyset SQL of each sort: after (?2 key, ?3 id), ties newest first. One literal per sort keeps each
// statement cached and able to use an index.
const char* product_page_sql(ReviewSort sort) {
    switch (sort) {
    case ReviewSort::helpful:
        return REVIEW_SELECT "WHERE r.product_id = ?1 AND r.status = 'approved' AND (?3 = '' OR r.helpful_count < ?2 "
                             "OR (r.helpful_count = ?2 AND r.id < ?3)) ORDER BY r.helpful_count DESC, r.id DESC LIMIT ?4";
    case ReviewSort::rating_desc:
        return REVIEW_SELECT "WHERE r.product_id = ?1 AND r.status = 'approved' AND (?3 = '' OR r.rating < ?2 "
                             "OR (r.rating = ?2 AND r.id < ?3)) ORDER BY r.rating DESC, r.id DESC LIMIT ?4";
    case ReviewSort::rating_asc:
        return REVIEW_SELECT "WHERE r.product_id = ?1 AND r.status = 'approved' AND (?3 = '' OR r.rating > ?2 "
                             "OR (r.rating = ?2 AND r.id < ?3)) ORDER BY r.rating ASC, r.id DESC LIMIT ?4";
    case ReviewSort::newest:
        break;
    }
    return REVIEW_SELECT "WHERE r.product_id = ?1 AND r.status = 'approved' AND (?3 = '' OR r.id < ?3) "
                         "ORDER BY r.id DESC LIMIT ?4";
}

}  // namespace

void SqliteReviews::insert(const Review& review) {
    db_.query("INSERT INTO reviews (id, product_id, user_id, rating, title, body, status, moderation_reason, "
              "moderated_by, moderated_ms, verified_purchase, helpful_count, report_count, created_ms, updated_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
        .bind(1, review.id).bind(2, review.product_id).bind(3, review.user_id).bind(4, review.rating)
        .bind(5, review.title).bind(6, review.body).bind(7, review.status).bind(8, review.moderation_reason)
        .bind(9, review.moderated_by).bind(10, review.moderated_ms).bind(11, int64_t{review.verified_purchase})
        .bind(12, review.helpful_count).bind(13, review.report_count).bind(14, review.created_ms)
        .bind(15, review.updated_ms).run();
}

void SqliteReviews::update(const Review& review) {
    // The counts are not written here: votes change them in place (see SqliteReviewVotes).
    db_.query("UPDATE reviews SET rating = ?2, title = ?3, body = ?4, status = ?5, moderation_reason = ?6, "
              "moderated_by = ?7, moderated_ms = ?8, verified_purchase = ?9, updated_ms = ?10 WHERE id = ?1")
        .bind(1, review.id).bind(2, review.rating).bind(3, review.title).bind(4, review.body).bind(5, review.status)
        .bind(6, review.moderation_reason).bind(7, review.moderated_by).bind(8, review.moderated_ms)
        .bind(9, int64_t{review.verified_purchase}).bind(10, review.updated_ms).run();
}

std::optional<Review> SqliteReviews::by_id(std::string_view id) {
    auto row = db_.query(REVIEW_SELECT "WHERE r.id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return review_row(row);
}

std::optional<Review> SqliteReviews::by_author(std::string_view product_id, std::string_view user_id) {
    auto row = db_.query(REVIEW_SELECT "WHERE r.product_id = ?1 AND r.user_id = ?2");
    row.bind(1, product_id).bind(2, user_id);
    if (!row.step()) return std::nullopt;
    return review_row(row);
}

bool SqliteReviews::remove(std::string_view id) {
    db_.query("DELETE FROM reviews WHERE id = ?1").bind(1, id).run();
    return db_.changes() > 0;
}

std::vector<Review> SqliteReviews::queue(const ReviewQueueQuery& query) {
    auto rows = db_.query(REVIEW_SELECT "WHERE (?1 IS NULL OR r.status = ?1) AND (?2 = 0 OR r.report_count > 0) "
                                        "AND r.id > ?3 ORDER BY r.id LIMIT ?4");
    rows.bind(1, query.status).bind(2, int64_t{query.reported_only}).bind(3, query.after_id).bind(4, query.limit);
    return review_rows(rows);
}

std::vector<Review> SqliteReviews::approved_for_product(const ProductReviewQuery& query) {
    auto rows = db_.query(product_page_sql(query.sort));
    rows.bind(1, query.product_id).bind(2, query.after_key.value_or(0)).bind(3, query.after_id).bind(4, query.limit);
    return review_rows(rows);
}

std::vector<Review> SqliteReviews::for_user(std::string_view user_id) {
    auto rows = db_.query(REVIEW_SELECT "WHERE r.user_id = ?1 ORDER BY r.id");
    rows.bind(1, user_id);
    return review_rows(rows);
}

std::optional<ReviewedProduct> SqliteReviews::product(std::string_view product_id) {
    auto row = db_.query("SELECT id, status, publish_at_ms, rating_sum, rating_count FROM products WHERE id = ?1");
    row.bind(1, product_id);
    if (!row.step()) return std::nullopt;
    return ReviewedProduct{.id = row.text(0), .status = row.text(1), .publish_at_ms = row.optional_integer(2),
                           .rating_sum = row.integer(3), .rating_count = row.integer(4)};
}

void SqliteReviews::adjust_rating(std::string_view product_id, const RatingDelta& delta) {
    if (delta.sum == 0 && delta.count == 0) return;
    db_.query("UPDATE products SET rating_sum = rating_sum + ?2, rating_count = rating_count + ?3 WHERE id = ?1")
        .bind(1, product_id).bind(2, delta.sum).bind(3, delta.count).run();
}

bool SqliteReviews::has_purchased(std::string_view user_id, std::string_view product_id) {
    // The buyer paid for it and kept the order: a cash-on-delivery order counts once its money is recorded, a
    // cancelled or fully refunded one does not.
    auto row = db_.query("SELECT EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id "
                         "WHERE o.user_id = ?1 AND l.product_id = ?2 AND o.status <> 'cancelled' "
                         "AND o.payment_status IN ('captured', 'partially_refunded'))");
    row.bind(1, user_id).bind(2, product_id);
    return row.step() && row.integer(0) != 0;
}

}  // namespace commerce::sqlite
