/* commerce — the outbox methods of commerce_swig::Engine (include/commerce/outbox.h), included by commerce.i.
 * Same conventions as commerce_identity.i; these calls take no session (they serve the host process). */

%{
namespace commerce_swig {

Outcome Engine::fetch_outbox(const std::string &query_json) {
    if (const char *f = nul_field("query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_outbox_fetch(out, e, opt(query_json)); });
}

Outcome Engine::ack_event(const std::string &event_id) {
    if (const char *f = nul_field("event_id", event_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) { return commerce_outbox_ack(e, event_id.c_str()); });
}

Outcome Engine::fail_event(const std::string &event_id, const std::string &error) {
    if (const char *f = nul_field("event_id", event_id, "error", error)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_outbox_fail(e, event_id.c_str(), opt(error));
    });
}

} /* namespace commerce_swig */
%}
