/* commerce — the currency methods of commerce_swig::Engine (include/commerce/currency.h): the store's currency
 * settings, exchange rates, conversion at a moment and the sales report in the base currency. Included by
 * commerce.i; same conventions as commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::set_currency_settings(const std::string &session, const std::string &settings_json,
                                      long long expected_version) {
    if (const char *f = nul_field("session", session, "settings", settings_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_currency_set_settings(out, e, opt(session), settings_json.c_str(),
                                              static_cast<int64_t>(expected_version));
    });
}

Outcome Engine::get_currency_settings(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_currency_get_settings(out, e, opt(session));
    });
}

Outcome Engine::set_exchange_rate(const std::string &session, const std::string &rate_json) {
    if (const char *f = nul_field("session", session, "rate", rate_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_exchange_rate_set(out, e, opt(session), rate_json.c_str());
    });
}

Outcome Engine::list_exchange_rates(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_exchange_rate_list(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::convert_currency(const std::string &session, const std::string &amount, const std::string &currency,
                                 const std::string &to_currency, const std::string &at) {
    if (const char *f = nul_field("session", session, "amount", amount, "currency", currency, "to", to_currency,
                                  "at", at))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_currency_convert(out, e, opt(session), amount.c_str(), currency.c_str(), to_currency.c_str(),
                                         opt(at));
    });
}

Outcome Engine::report_sales_in_base(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_report_sales_in_base(out, e, opt(session), query_json.c_str());
    });
}

} /* namespace commerce_swig */
%}
