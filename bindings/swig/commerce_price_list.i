/* commerce — the price list and customer group methods of commerce_swig::Engine (include/commerce/pricing.h and
 * include/commerce/customer_group.h). Included by commerce.i; same conventions as commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::create_price_list(const std::string &session, const std::string &definition_json) {
    if (const char *f = nul_field("session", session, "definition", definition_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_price_list_create(out, e, opt(session), definition_json.c_str());
    });
}

Outcome Engine::update_price_list(const std::string &session, const std::string &price_list_id,
                                  const std::string &definition_json, long long expected_version) {
    if (const char *f = nul_field("session", session, "price_list_id", price_list_id, "definition", definition_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_price_list_update(out, e, opt(session), price_list_id.c_str(), definition_json.c_str(),
                                          static_cast<int64_t>(expected_version));
    });
}

Outcome Engine::set_price_list_status(const std::string &session, const std::string &price_list_id,
                                      const std::string &status) {
    if (const char *f = nul_field("session", session, "price_list_id", price_list_id, "status", status))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_price_list_set_status(out, e, opt(session), price_list_id.c_str(), status.c_str());
    });
}

Outcome Engine::get_price_list(const std::string &session, const std::string &price_list_id) {
    if (const char *f = nul_field("session", session, "price_list_id", price_list_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_price_list_get(out, e, opt(session), price_list_id.c_str());
    });
}

Outcome Engine::list_price_lists(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_price_list_list(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::create_customer_group(const std::string &session, const std::string &definition_json) {
    if (const char *f = nul_field("session", session, "definition", definition_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_customer_group_create(out, e, opt(session), definition_json.c_str());
    });
}

Outcome Engine::update_customer_group(const std::string &session, const std::string &group_id,
                                      const std::string &definition_json, long long expected_version) {
    if (const char *f = nul_field("session", session, "group_id", group_id, "definition", definition_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_customer_group_update(out, e, opt(session), group_id.c_str(), definition_json.c_str(),
                                              static_cast<int64_t>(expected_version));
    });
}

Outcome Engine::delete_customer_group(const std::string &session, const std::string &group_id) {
    if (const char *f = nul_field("session", session, "group_id", group_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_customer_group_delete(e, opt(session), group_id.c_str());
    });
}

Outcome Engine::get_customer_group(const std::string &session, const std::string &group_id) {
    if (const char *f = nul_field("session", session, "group_id", group_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_customer_group_get(out, e, opt(session), group_id.c_str());
    });
}

Outcome Engine::list_customer_groups(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_customer_group_list(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::change_customer_group_members(const std::string &session, const std::string &group_id,
                                              const std::string &change_json) {
    if (const char *f = nul_field("session", session, "group_id", group_id, "change", change_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_customer_group_change_members(out, e, opt(session), group_id.c_str(), change_json.c_str());
    });
}

Outcome Engine::customer_group_members(const std::string &session, const std::string &group_id,
                                       const std::string &query_json) {
    if (const char *f = nul_field("session", session, "group_id", group_id, "query", query_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_customer_group_members(out, e, opt(session), group_id.c_str(), opt(query_json));
    });
}

} /* namespace commerce_swig */
%}
