#include "domain/review/reviews.h"

#include "core/error.h"
#include "core/json_output.h"
#include "core/permission_names.h"
#include "core/rating.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/review/rating.h"

#include <fmt/format.h>

#include <charconv>

namespace commerce {
namespace {

constexpr int64_t kMaxPageSize = 200;

// The one way a review changes (before → after; nullopt for none), so the product's rating always moves in the
// same transaction as the review.
void store(Transaction& tx, const std::optional<Review>& before, const std::optional<Review>& after) {
    const Review& any = after ? *after : *before;
    tx.reviews().adjust_rating(any.product_id, rating_delta(before ? &*before : nullptr, after ? &*after : nullptr));
    if (!after)
        tx.reviews().remove(before->id);
    else if (before)
        tx.reviews().update(*after);
    else
        tx.reviews().insert(*after);
}

Review existing_review(Transaction& tx, std::string_view id) {
    auto review = tx.reviews().by_id(id);
    if (!review) throw_not_found("review_id", std::string(id), fmt::format("no review with id '{}'", id));
    return *review;
}

ReviewSort parse_sort(const json& query) {
    const std::string sort = optional_string(query, "sort", kMaxShortText).value_or("newest");
    if (sort == "newest") return ReviewSort::newest;
    if (sort == "helpful") return ReviewSort::helpful;
    if (sort == "rating_desc") return ReviewSort::rating_desc;
    if (sort == "rating_asc") return ReviewSort::rating_asc;
    throw_invalid("sort", "sort must be \"newest\", \"helpful\", \"rating_desc\" or \"rating_asc\"");
}

int64_t sort_key(const Review& review, ReviewSort sort) {
    switch (sort) {
    case ReviewSort::helpful: return review.helpful_count;
    case ReviewSort::rating_desc:
    case ReviewSort::rating_asc: return review.rating;
    case ReviewSort::newest: break;
    }
    return 0;
}

// A product-list cursor is "<sort key>:<review id>", the position of the previous page's last review.
void parse_cursor(std::string_view cursor, ProductReviewQuery& query) {
    const auto colon = cursor.find(':');
    int64_t key = 0;
    const char* end = cursor.data() + (colon == std::string_view::npos ? 0 : colon);
    if (colon == std::string_view::npos || colon + 1 == cursor.size() ||
        std::from_chars(cursor.data(), end, key).ptr != end)
        throw_invalid("after", "after is not a cursor this list returned");
    query.after_key = key;
    query.after_id = std::string(cursor.substr(colon + 1));
}

int64_t page_limit(const json& query, int64_t fallback) {
    return optional_integer(query, "limit", 1, kMaxPageSize).value_or(fallback);
}

// Fetches limit + 1 rows: the extra one only says that another page follows.
ReviewPage trim(std::vector<Review> rows, int64_t limit, const auto& cursor_of) {
    ReviewPage page{std::move(rows), std::nullopt};
    if (static_cast<int64_t>(page.items.size()) > limit) {
        page.items.pop_back();
        page.next = cursor_of(page.items.back());
    }
    return page;
}

}  // namespace

ReviewedProduct visible_product(Transaction& tx, int64_t now_ms, std::string_view product_id) {
    auto product = tx.reviews().product(product_id);
    // The catalog's rule: published, or a draft whose scheduled publish time has come.
    const bool visible = product && (product->status == "published" ||
                                     (product->status == "draft" && product->publish_at_ms &&
                                      *product->publish_at_ms <= now_ms));
    if (!visible)
        throw_not_found("product_id", std::string(product_id), fmt::format("no product with id '{}'", product_id));
    return *product;
}

Review submit_review(Transaction& tx, IdGenerator& ids, int64_t now_ms, const Actor& actor,
                     std::string_view product_id, const json& input) {
    reject_unknown_members(input, "a review", {"rating", "title", "body"});
    const auto rating = optional_integer(input, "rating", 1, 5);
    if (!rating) throw_invalid("rating", "rating is required");
    const std::string title = optional_string(input, "title", kMaxReviewTitle).value_or("");
    const std::string body = optional_string(input, "body", kMaxLongText).value_or("");
    visible_product(tx, now_ms, product_id);

    const std::optional<Review> before = tx.reviews().by_author(product_id, actor.user_id);
    Review review;
    if (before) {
        review = *before;
    } else {
        review.id = ids.next();
        review.product_id = std::string(product_id);
        review.user_id = actor.user_id;
        review.created_ms = now_ms;
    }
    review.rating = *rating;
    review.title = title;
    review.body = body;
    // An edit is new text nobody has checked: it waits for moderation again and stops counting until then.
    review.status = kReviewPending;
    review.moderation_reason.reset();
    review.moderated_by.reset();
    review.moderated_ms.reset();
    review.verified_purchase = tx.reviews().has_purchased(actor.user_id, product_id);
    review.updated_ms = now_ms;
    store(tx, before, review);
    return *tx.reviews().by_id(review.id);  // read back for the author's name
}

Review delete_review(Transaction& tx, const Actor& actor, std::string_view review_id) {
    const Review review = existing_review(tx, review_id);
    if (review.user_id != actor.user_id) actor.require(permission::reviews_moderate);
    store(tx, review, std::nullopt);
    return review;
}

Review moderate_review(Transaction& tx, int64_t now_ms, const Actor& actor, std::string_view review_id,
                       std::string_view decision, std::string_view reason) {
    actor.require(permission::reviews_moderate);
    if (decision != kReviewApproved && decision != kReviewRejected)
        throw_invalid("decision", "decision must be \"approved\" or \"rejected\"");
    if (decision == kReviewRejected && reason.empty()) throw_invalid("reason", "a rejection needs a reason");
    const Review before = existing_review(tx, review_id);
    if (before.status == decision)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, fmt::format("the review is already {}", decision),
                    {{"status", before.status}});
    Review after = before;
    after.status = std::string(decision);
    after.moderation_reason = reason.empty() ? std::nullopt : std::optional<std::string>(reason);
    after.moderated_by = actor.user_id;
    after.moderated_ms = now_ms;
    after.updated_ms = now_ms;
    store(tx, before, after);
    return after;
}

Review vote_review(Transaction& tx, int64_t now_ms, const Actor& actor, std::string_view review_id,
                   std::string_view kind, std::string_view reason) {
    if (kind != kVoteHelpful && kind != kVoteReport) throw_invalid("kind", "kind must be \"helpful\" or \"report\"");
    if (kind == kVoteHelpful && !reason.empty()) throw_invalid("reason", "only a report takes a reason");
    const Review review = existing_review(tx, review_id);
    // Shoppers see approved reviews only; the others do not exist for them.
    if (review.status != kReviewApproved)
        throw_not_found("review_id", std::string(review_id), fmt::format("no review with id '{}'", review_id));
    if (review.user_id == actor.user_id)
        throw Error(COMMERCE_ERR_FORBIDDEN, "nobody votes on their own review", {{"reason", "own_review"}});
    const ReviewVote vote{.review_id = review.id, .user_id = actor.user_id, .kind = std::string(kind),
                          .reason = reason.empty() ? std::nullopt : std::optional<std::string>(reason),
                          .created_ms = now_ms};
    if (!tx.review_votes().insert(vote))
        throw Error(COMMERCE_ERR_EXISTS, fmt::format("you already voted {} on this review", kind), {{"kind", kind}});
    return *tx.reviews().by_id(review.id);
}

ReviewPage review_queue(Transaction& tx, const Actor& actor, const json& query) {
    actor.require(permission::reviews_moderate);
    reject_unknown_members(query, "a review queue query", {"status", "reported", "limit", "after"});
    ReviewQueueQuery q;
    q.status = optional_string(query, "status", kMaxShortText);
    q.reported_only = optional_bool(query, "reported").value_or(false);
    // The queue proper is what waits for a decision; a report query looks at every status unless told.
    if (!q.status && !q.reported_only) q.status = std::string(kReviewPending);
    if (q.status && *q.status != kReviewPending && *q.status != kReviewApproved && *q.status != kReviewRejected)
        throw_invalid("status", "status must be \"pending\", \"approved\" or \"rejected\"");
    q.after_id = optional_string(query, "after", kMaxShortText).value_or("");
    const int64_t limit = page_limit(query, 50);
    q.limit = limit + 1;
    return trim(tx.reviews().queue(q), limit, [](const Review& last) { return last.id; });
}

ReviewPage product_reviews(Transaction& tx, const ReviewedProduct& product, const json& query) {
    reject_unknown_members(query, "a review list query", {"sort", "limit", "after"});
    ProductReviewQuery q;
    q.product_id = product.id;
    q.sort = parse_sort(query);
    if (auto after = optional_string(query, "after", kMaxShortText)) parse_cursor(*after, q);
    const int64_t limit = page_limit(query, 20);
    q.limit = limit + 1;
    return trim(tx.reviews().approved_for_product(q), limit, [&](const Review& last) {
        return fmt::format("{}:{}", sort_key(last, q.sort), last.id);
    });
}

void erase_reviews_of(Transaction& tx, std::string_view user_id) {
    tx.review_votes().remove_for_user(user_id);
    for (const auto& review : tx.reviews().for_user(user_id)) store(tx, review, std::nullopt);
}

json review_document(const Review& review) {
    return {{"type", "review"},
            {"schema_version", 1},
            {"id", review.id},
            {"product_id", review.product_id},
            {"user_id", review.user_id},
            {"author_name", nullable(review.author_name)},
            {"rating", review.rating},
            {"title", review.title},
            {"body", review.body},
            {"status", review.status},
            {"verified_purchase", review.verified_purchase},
            {"helpful_count", review.helpful_count},
            {"report_count", review.report_count},
            {"moderation_reason", nullable(review.moderation_reason)},
            {"moderated_at", review.moderated_ms ? json(format_rfc3339(*review.moderated_ms)) : json(nullptr)},
            {"created_at", format_rfc3339(review.created_ms)},
            {"updated_at", format_rfc3339(review.updated_ms)}};
}

json review_list_document(const ReviewPage& page) {
    json items = json::array();
    for (const auto& review : page.items) items.push_back(review_document(review));
    return {{"type", "review_list"}, {"schema_version", 1}, {"items", std::move(items)}, {"next", nullable(page.next)}};
}

json product_review_list_document(const ReviewedProduct& product, const ReviewPage& page) {
    json document = review_list_document(page);
    document["product_id"] = product.id;
    document["rating"] = rating_json(product.rating_sum, product.rating_count);
    return document;
}

}  // namespace commerce
