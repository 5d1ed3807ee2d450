#include "flows/reviews.h"

#include "core/text.h"
#include "domain/outbox/outbox.h"
#include "domain/review/reviews.h"
#include "flows/access.h"
#include "flows/identity_support.h"

namespace commerce::flows {

nlohmann::json submit_review(Engine& engine, const char* session, const char* product_id, const char* review_json) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view product = checked_text(product_id, "product_id");
    const json input = parse_object(review_json, "review");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const Review review = submit_review(tx, engine.ids(), engine.now_ms(), actor, product, input);
        // Tells moderators that something waits; no text and no personal data, and erasing the author drops it.
        emit_event(engine.outbox(tx), "review.submitted", review.user_id,
                   {{"review_id", review.id}, {"product_id", review.product_id}, {"rating", review.rating},
                    {"verified_purchase", review.verified_purchase}});
        document = review_document(review);
    });
    return document;
}

void delete_review(Engine& engine, const char* session, const char* review_id) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(review_id, "review_id");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const Review review = commerce::delete_review(tx, actor, id);
        if (review.user_id != actor.user_id)
            audit(engine, tx, actor.user_id, "review.delete", "review", review.id, review_document(review), nullptr);
    });
}

nlohmann::json moderate_review(Engine& engine, const char* session, const char* review_id, const char* decision,
                               const char* reason) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(review_id, "review_id");
    const std::string_view verdict = checked_text(decision, "decision");
    const std::string_view why = optional_text(reason, "reason", kMaxReviewReason);
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        const std::string before = tx.reviews().by_id(id).value_or(Review{}).status;
        const Review review = commerce::moderate_review(tx, engine.now_ms(), actor, id, verdict, why);
        audit(engine, tx, actor.user_id, "review.moderate", "review", review.id, {{"status", before}},
              {{"status", review.status}, {"reason", review.moderation_reason.value_or("")}});
        document = review_document(review);
    });
    return document;
}

nlohmann::json review_queue(Engine& engine, const char* session, const char* query_json) {
    const std::string_view token = optional_text(session, "session");
    const json query = parse_object(query_json, "query", /*optional=*/true);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = review_list_document(commerce::review_queue(tx, session_actor(engine, tx, token), query));
    });
    return document;
}

nlohmann::json list_reviews(Engine& engine, const char* product_id, const char* query_json) {
    const std::string_view id = checked_text(product_id, "product_id");
    const json query = parse_object(query_json, "query", /*optional=*/true);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const ReviewedProduct product = visible_product(tx, engine.now_ms(), id);
        document = product_review_list_document(product, product_reviews(tx, product, query));
    });
    return document;
}

nlohmann::json vote_review(Engine& engine, const char* session, const char* review_id, const char* kind,
                           const char* reason) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(review_id, "review_id");
    const std::string_view vote = checked_text(kind, "kind");
    const std::string_view why = optional_text(reason, "reason", kMaxReviewReason);
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        document = review_document(commerce::vote_review(tx, engine.now_ms(), actor, id, vote, why));
    });
    return document;
}

}  // namespace commerce::flows
