#include "capi/guard.h"

#include "flows/reviews.h"

#include <commerce/review.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_review_submit(commerce_doc** out, commerce_engine* engine, const char* session,
                                       const char* product_id, const char* review_json) {
    return return_document(out, [&] {
        return flows::submit_review(engine_of(engine), session, product_id, review_json);
    });
}

commerce_status commerce_review_delete(commerce_engine* engine, const char* session, const char* review_id) {
    return guard([&] { flows::delete_review(engine_of(engine), session, review_id); });
}

commerce_status commerce_review_moderate(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* review_id, const char* decision, const char* reason) {
    return return_document(out, [&] {
        return flows::moderate_review(engine_of(engine), session, review_id, decision, reason);
    });
}

commerce_status commerce_review_queue(commerce_doc** out, commerce_engine* engine, const char* session,
                                      const char* query_json) {
    return return_document(out, [&] { return flows::review_queue(engine_of(engine), session, query_json); });
}

commerce_status commerce_review_list(commerce_doc** out, commerce_engine* engine, const char* product_id,
                                     const char* query_json) {
    return return_document(out, [&] { return flows::list_reviews(engine_of(engine), product_id, query_json); });
}

commerce_status commerce_review_vote(commerce_doc** out, commerce_engine* engine, const char* session,
                                     const char* review_id, const char* kind, const char* reason) {
    return return_document(out, [&] {
        return flows::vote_review(engine_of(engine), session, review_id, kind, reason);
    });
}

}
