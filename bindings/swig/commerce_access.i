/* commerce — the access-control and administration methods of commerce_swig::Engine
 * (include/commerce/access.h), included by commerce.i. Same conventions as commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::list_users(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_admin_user_list(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::get_user(const std::string &session, const std::string &user_id) {
    if (const char *f = nul_field("session", session, "user_id", user_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_admin_user_get(out, e, opt(session), user_id.c_str());
    });
}

Outcome Engine::suspend_user(const std::string &session, const std::string &user_id, const std::string &reason) {
    if (const char *f = nul_field("session", session, "user_id", user_id, "reason", reason)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_admin_user_suspend(out, e, opt(session), user_id.c_str(), opt(reason));
    });
}

Outcome Engine::unsuspend_user(const std::string &session, const std::string &user_id) {
    if (const char *f = nul_field("session", session, "user_id", user_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_admin_user_unsuspend(out, e, opt(session), user_id.c_str());
    });
}

Outcome Engine::force_password_reset(const std::string &session, const std::string &user_id) {
    if (const char *f = nul_field("session", session, "user_id", user_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_admin_user_force_password_reset(e, opt(session), user_id.c_str());
    });
}

Outcome Engine::set_roles(const std::string &session, const std::string &user_id, const std::string &roles_json) {
    if (const char *f = nul_field("session", session, "user_id", user_id, "roles", roles_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_admin_user_set_roles(out, e, opt(session), user_id.c_str(), roles_json.c_str());
    });
}

Outcome Engine::define_role(const std::string &session, const std::string &role_json) {
    if (const char *f = nul_field("session", session, "role", role_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_role_define(out, e, opt(session), role_json.c_str());
    });
}

Outcome Engine::delete_role(const std::string &session, const std::string &name) {
    if (const char *f = nul_field("session", session, "name", name)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) { return commerce_role_delete(e, opt(session), name.c_str()); });
}

Outcome Engine::list_roles(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_role_list(out, e, opt(session)); });
}

Outcome Engine::list_audit(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_audit_list(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::report_logins(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_report_logins(out, e, opt(session), opt(query_json));
    });
}

} /* namespace commerce_swig */
%}
