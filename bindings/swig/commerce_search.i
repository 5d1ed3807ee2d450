/* commerce — the search method of commerce_swig::Engine (include/commerce/search.h). Included by commerce.i;
 * same conventions as commerce_identity.i. Needs no session. */

%{
namespace commerce_swig {

Outcome Engine::search(const std::string &query_json) {
    if (const char *f = nul_field("query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_search(out, e, opt(query_json)); });
}

} /* namespace commerce_swig */
%}
