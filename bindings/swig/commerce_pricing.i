/* commerce — the pricing methods of commerce_swig::Engine (include/commerce/pricing.h and the pricing inputs of
 * include/commerce/cart.h): promotions, single-use codes, the tax and shipping definitions, coupons and a cart's
 * address, channel and shipping method. Included by commerce.i; same conventions as commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::create_promotion(const std::string &session, const std::string &definition_json) {
    if (const char *f = nul_field("session", session, "definition", definition_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_promotion_create(out, e, opt(session), definition_json.c_str());
    });
}

Outcome Engine::update_promotion(const std::string &session, const std::string &promotion_id,
                                 const std::string &definition_json, long long expected_version) {
    if (const char *f = nul_field("session", session, "promotion_id", promotion_id, "definition", definition_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_promotion_update(out, e, opt(session), promotion_id.c_str(), definition_json.c_str(),
                                         static_cast<int64_t>(expected_version));
    });
}

Outcome Engine::set_promotion_status(const std::string &session, const std::string &promotion_id,
                                     const std::string &status) {
    if (const char *f = nul_field("session", session, "promotion_id", promotion_id, "status", status))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_promotion_set_status(out, e, opt(session), promotion_id.c_str(), status.c_str());
    });
}

Outcome Engine::get_promotion(const std::string &session, const std::string &promotion_id) {
    if (const char *f = nul_field("session", session, "promotion_id", promotion_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_promotion_get(out, e, opt(session), promotion_id.c_str());
    });
}

Outcome Engine::list_promotions(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_promotion_list(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::generate_promotion_codes(const std::string &session, const std::string &promotion_id,
                                         long long count, const std::string &prefix) {
    if (const char *f = nul_field("session", session, "promotion_id", promotion_id, "prefix", prefix))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_promotion_generate_codes(out, e, opt(session), promotion_id.c_str(),
                                                 static_cast<int64_t>(count), opt(prefix));
    });
}

Outcome Engine::set_tax_definition(const std::string &session, const std::string &definition_json,
                                   long long expected_version) {
    if (const char *f = nul_field("session", session, "definition", definition_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_tax_set_definition(out, e, opt(session), definition_json.c_str(),
                                           static_cast<int64_t>(expected_version));
    });
}

Outcome Engine::get_tax_definition(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_tax_get_definition(out, e, opt(session)); });
}

Outcome Engine::set_shipping_definition(const std::string &session, const std::string &definition_json,
                                        long long expected_version) {
    if (const char *f = nul_field("session", session, "definition", definition_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_shipping_set_definition(out, e, opt(session), definition_json.c_str(),
                                                static_cast<int64_t>(expected_version));
    });
}

Outcome Engine::get_shipping_definition(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_shipping_get_definition(out, e, opt(session));
    });
}

Outcome Engine::apply_coupon(const std::string &session, const std::string &cart_id, const std::string &code) {
    if (const char *f = nul_field("session", session, "cart_id", cart_id, "code", code)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_cart_apply_coupon(out, e, opt(session), cart_id.c_str(), code.c_str());
    });
}

Outcome Engine::remove_coupon(const std::string &session, const std::string &cart_id, const std::string &code) {
    if (const char *f = nul_field("session", session, "cart_id", cart_id, "code", code)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_cart_remove_coupon(out, e, opt(session), cart_id.c_str(), code.c_str());
    });
}

Outcome Engine::update_cart(const std::string &session, const std::string &cart_id, const std::string &changes_json) {
    if (const char *f = nul_field("session", session, "cart_id", cart_id, "changes", changes_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_cart_update(out, e, opt(session), cart_id.c_str(), changes_json.c_str());
    });
}

} /* namespace commerce_swig */
%}
