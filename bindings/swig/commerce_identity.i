/* commerce — the identity methods of commerce_swig::Engine (include/commerce/identity.h), included by commerce.i.
 *
 * Plain C++ for the wrapper: SWIG wraps the declarations inside the class in commerce.i; these are their bodies.
 * Same conventions as there: every string argument holding a NUL is refused with COMMERCE_ERR_INVALID_ARGUMENT
 * naming the argument, an optional argument is "" for "no value" (NULL for the C ABI), and each method captures
 * its outcome inside the one native call. */

%{
namespace commerce_swig {

/* ---- accounts ---------------------------------------------------------------------------------------------- */

Outcome Engine::verify_email(const std::string &token) {
    if (const char *f = nul_field("token", token)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_user_verify_email(out, e, token.c_str());
    });
}

Outcome Engine::resend_verification(const std::string &email) {
    if (const char *f = nul_field("email", email)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) { return commerce_user_resend_verification(e, email.c_str()); });
}

Outcome Engine::update_profile(const std::string &session, const std::string &patch_json) {
    if (const char *f = nul_field("session", session, "patch", patch_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_user_update_profile(out, e, opt(session), patch_json.c_str());
    });
}

Outcome Engine::change_password(const std::string &session, const std::string &current_password,
                                const std::string &new_password) {
    if (const char *f = nul_field("session", session, "current_password", current_password, "new_password",
                                  new_password))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_user_change_password(e, opt(session), current_password.c_str(), new_password.c_str());
    });
}

Outcome Engine::request_password_reset(const std::string &email) {
    if (const char *f = nul_field("email", email)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_user_request_password_reset(e, email.c_str());
    });
}

Outcome Engine::reset_password(const std::string &token, const std::string &new_password) {
    if (const char *f = nul_field("token", token, "new_password", new_password)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_user_reset_password(e, token.c_str(), new_password.c_str());
    });
}

Outcome Engine::export_user(const std::string &session, const std::string &user_id) {
    if (const char *f = nul_field("session", session, "user_id", user_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_user_export(out, e, opt(session), opt(user_id));
    });
}

Outcome Engine::erase_user(const std::string &session, const std::string &user_id) {
    if (const char *f = nul_field("session", session, "user_id", user_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) { return commerce_user_erase(e, opt(session), opt(user_id)); });
}

/* ---- sessions ---------------------------------------------------------------------------------------------- */

Outcome Engine::complete_login(const std::string &challenge, const std::string &method, const std::string &code,
                               const std::string &context_json) {
    if (const char *f = nul_field("challenge", challenge, "method", method, "code", code, "context", context_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_auth_complete_login(out, e, challenge.c_str(), method.c_str(), code.c_str(),
                                            opt(context_json));
    });
}

Outcome Engine::send_email_otp(const std::string &challenge) {
    if (const char *f = nul_field("challenge", challenge)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) { return commerce_auth_send_email_otp(e, challenge.c_str()); });
}

Outcome Engine::social_login(const std::string &provider, const std::string &subject,
                             const std::string &profile_json) {
    if (const char *f = nul_field("provider", provider, "subject", subject, "profile", profile_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_auth_social_login(out, e, provider.c_str(), subject.c_str(), opt(profile_json));
    });
}

Outcome Engine::logout_others(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) { return commerce_auth_logout_others(e, opt(session)); });
}

Outcome Engine::issue_access_token(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_auth_issue_access_token(out, e, opt(session));
    });
}

Outcome Engine::verify_access_token(const std::string &token) {
    if (const char *f = nul_field("token", token)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_auth_verify_access_token(out, e, token.c_str());
    });
}

/* ---- two-factor authentication ----------------------------------------------------------------------------- */

Outcome Engine::enroll_totp(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_mfa_totp_enroll(out, e, opt(session)); });
}

Outcome Engine::confirm_totp(const std::string &session, const std::string &code) {
    if (const char *f = nul_field("session", session, "code", code)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_mfa_totp_confirm(out, e, opt(session), code.c_str());
    });
}

Outcome Engine::set_email_otp(const std::string &session, bool enabled) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_mfa_set_email_otp(out, e, opt(session), enabled ? 1 : 0);
    });
}

Outcome Engine::mfa_status(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_mfa_status(out, e, opt(session)); });
}

Outcome Engine::regenerate_recovery_codes(const std::string &session, const std::string &password) {
    if (const char *f = nul_field("session", session, "password", password)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_mfa_regenerate_recovery_codes(out, e, opt(session), password.c_str());
    });
}

Outcome Engine::disable_mfa(const std::string &session, const std::string &password) {
    if (const char *f = nul_field("session", session, "password", password)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_mfa_disable(e, opt(session), password.c_str());
    });
}

/* ---- social identities ------------------------------------------------------------------------------------- */

Outcome Engine::link_identity(const std::string &session, const std::string &provider, const std::string &subject) {
    if (const char *f = nul_field("session", session, "provider", provider, "subject", subject)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_user_link_identity(e, opt(session), provider.c_str(), subject.c_str());
    });
}

Outcome Engine::unlink_identity(const std::string &session, const std::string &provider,
                                const std::string &subject) {
    if (const char *f = nul_field("session", session, "provider", provider, "subject", subject)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_user_unlink_identity(e, opt(session), provider.c_str(), subject.c_str());
    });
}

/* ---- addresses --------------------------------------------------------------------------------------------- */

Outcome Engine::add_address(const std::string &session, const std::string &address_json) {
    if (const char *f = nul_field("session", session, "address", address_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_address_add(out, e, opt(session), address_json.c_str());
    });
}

Outcome Engine::update_address(const std::string &session, const std::string &address_id,
                               const std::string &patch_json) {
    if (const char *f = nul_field("session", session, "address_id", address_id, "patch", patch_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_address_update(out, e, opt(session), address_id.c_str(), patch_json.c_str());
    });
}

Outcome Engine::remove_address(const std::string &session, const std::string &address_id) {
    if (const char *f = nul_field("session", session, "address_id", address_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_address_remove(e, opt(session), address_id.c_str());
    });
}

Outcome Engine::list_addresses(const std::string &session) {
    if (const char *f = nul_field("session", session)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_address_list(out, e, opt(session)); });
}

} /* namespace commerce_swig */
%}
