/* commerce — reviews and ratings: one review per user and product, moderated before it counts; the product's
 * average and count are exact and change in the same transaction as the review. Moderation needs a session whose
 * roles grant "reviews.moderate". See docs/reviews.md. */
#ifndef COMMERCE_REVIEW_H
#define COMMERCE_REVIEW_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Writes the caller's review of a product, or edits it: {"rating": 1..5, "title": "...", "body": "..."}.
 * A new or edited review waits for moderation ("pending"). "verified_purchase" is set when the user has a paid
 * order with the product. Returns a "review". */
COMMERCE_API commerce_status commerce_review_submit(commerce_doc **out, commerce_engine *engine,
                                                    const char *session, const char *product_id,
                                                    const char *review_json);

/* Deletes a review: its author, or "reviews.moderate". */
COMMERCE_API commerce_status commerce_review_delete(commerce_engine *engine, const char *session,
                                                    const char *review_id);

/* Approves or rejects a review ("reviews.moderate"): decision is "approved" or "rejected"; reason may be NULL
 * for an approval and is required for a rejection. Returns the "review". */
COMMERCE_API commerce_status commerce_review_moderate(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *review_id,
                                                      const char *decision, const char *reason);

/* The moderation queue ("reviews.moderate"): {"status": "pending" | "approved" | "rejected", "reported": true,
 * "limit": 50, "after": "<cursor>"}, oldest first. Returns a "review_list". */
COMMERCE_API commerce_status commerce_review_queue(commerce_doc **out, commerce_engine *engine, const char *session,
                                                   const char *query_json);

/* A product's approved reviews: {"sort": "newest" | "helpful" | "rating_desc" | "rating_asc", "limit": 20,
 * "after": "<cursor>"}. Returns a "review_list" with the product's "rating" summary. Needs no session. */
COMMERCE_API commerce_status commerce_review_list(commerce_doc **out, commerce_engine *engine, const char *product_id,
                                                  const char *query_json);

/* Marks a review helpful, or reports it: kind is "helpful" or "report"; reason (may be NULL) explains a report.
 * Once per user and kind; a user cannot vote on their own review. Returns the "review". */
COMMERCE_API commerce_status commerce_review_vote(commerce_doc **out, commerce_engine *engine, const char *session,
                                                  const char *review_id, const char *kind, const char *reason);

COMMERCE_END_DECLS

#endif
