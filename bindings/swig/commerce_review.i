/* commerce — the review methods of commerce_swig::Engine (include/commerce/review.h): submitting, moderating,
 * listing and voting on reviews. Included by commerce.i; same conventions as commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::submit_review(const std::string &session, const std::string &product_id,
                              const std::string &review_json) {
    if (const char *f = nul_field("session", session, "product_id", product_id, "review", review_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_review_submit(out, e, opt(session), product_id.c_str(), review_json.c_str());
    });
}

Outcome Engine::delete_review(const std::string &session, const std::string &review_id) {
    if (const char *f = nul_field("session", session, "review_id", review_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_review_delete(e, opt(session), review_id.c_str());
    });
}

Outcome Engine::moderate_review(const std::string &session, const std::string &review_id,
                                const std::string &decision, const std::string &reason) {
    if (const char *f = nul_field("session", session, "review_id", review_id, "decision", decision, "reason", reason))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_review_moderate(out, e, opt(session), review_id.c_str(), decision.c_str(), opt(reason));
    });
}

Outcome Engine::review_queue(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_review_queue(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::list_reviews(const std::string &product_id, const std::string &query_json) {
    if (const char *f = nul_field("product_id", product_id, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_review_list(out, e, product_id.c_str(), opt(query_json));
    });
}

Outcome Engine::vote_review(const std::string &session, const std::string &review_id, const std::string &kind,
                            const std::string &reason) {
    if (const char *f = nul_field("session", session, "review_id", review_id, "kind", kind, "reason", reason))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_review_vote(out, e, opt(session), review_id.c_str(), kind.c_str(), opt(reason));
    });
}

} /* namespace commerce_swig */
%}
