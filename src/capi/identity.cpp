#include "capi/guard.h"

#include "flows/accounts.h"
#include "flows/addresses.h"
#include "flows/data_rights.h"
#include "flows/mfa.h"
#include "flows/sessions.h"

#include <commerce/identity.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_user_register(commerce_doc** out, commerce_engine* engine, const char* email,
                                       const char* password) {
    return return_document(out, [&] { return flows::register_customer(engine_of(engine), email, password); });
}

commerce_status commerce_user_verify_email(commerce_doc** out, commerce_engine* engine, const char* token) {
    return return_document(out, [&] { return flows::verify_email(engine_of(engine), token); });
}

commerce_status commerce_user_resend_verification(commerce_engine* engine, const char* email) {
    return guard([&] { flows::resend_verification(engine_of(engine), email); });
}

commerce_status commerce_user_bootstrap_admin(commerce_doc** out, commerce_engine* engine, const char* email,
                                              const char* password) {
    return return_document(out, [&] { return flows::bootstrap_admin(engine_of(engine), email, password); });
}

commerce_status commerce_user_me(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::current_user(engine_of(engine), session); });
}

commerce_status commerce_user_update_profile(commerce_doc** out, commerce_engine* engine, const char* session,
                                             const char* patch_json) {
    return return_document(out, [&] { return flows::update_profile(engine_of(engine), session, patch_json); });
}

commerce_status commerce_user_change_password(commerce_engine* engine, const char* session,
                                              const char* current_password, const char* new_password) {
    return guard([&] { flows::change_password(engine_of(engine), session, current_password, new_password); });
}

commerce_status commerce_user_request_password_reset(commerce_engine* engine, const char* email) {
    return guard([&] { flows::request_password_reset(engine_of(engine), email); });
}

commerce_status commerce_user_reset_password(commerce_engine* engine, const char* token, const char* new_password) {
    return guard([&] { flows::reset_password(engine_of(engine), token, new_password); });
}

commerce_status commerce_user_export(commerce_doc** out, commerce_engine* engine, const char* session,
                                     const char* user_id) {
    return return_document(out, [&] { return flows::export_user(engine_of(engine), session, user_id); });
}

commerce_status commerce_user_erase(commerce_engine* engine, const char* session, const char* user_id) {
    return guard([&] { flows::erase_user(engine_of(engine), session, user_id); });
}

commerce_status commerce_auth_login(commerce_doc** out, commerce_engine* engine, const char* email,
                                    const char* password, const char* context_json) {
    return return_document(out, [&] { return flows::login(engine_of(engine), email, password, context_json); });
}

commerce_status commerce_auth_complete_login(commerce_doc** out, commerce_engine* engine, const char* challenge,
                                             const char* method, const char* code, const char* context_json) {
    return return_document(
        out, [&] { return flows::complete_login(engine_of(engine), challenge, method, code, context_json); });
}

commerce_status commerce_auth_send_email_otp(commerce_engine* engine, const char* challenge) {
    return guard([&] { flows::send_email_otp(engine_of(engine), challenge); });
}

commerce_status commerce_auth_social_login(commerce_doc** out, commerce_engine* engine, const char* provider,
                                           const char* subject, const char* profile_json) {
    return return_document(
        out, [&] { return flows::social_login(engine_of(engine), provider, subject, profile_json); });
}

commerce_status commerce_auth_logout(commerce_engine* engine, const char* session) {
    return guard([&] { flows::logout(engine_of(engine), session); });
}

commerce_status commerce_auth_logout_others(commerce_engine* engine, const char* session) {
    return guard([&] { flows::logout_others(engine_of(engine), session); });
}

commerce_status commerce_auth_issue_access_token(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::issue_access_token(engine_of(engine), session); });
}

commerce_status commerce_auth_verify_access_token(commerce_doc** out, commerce_engine* engine, const char* token) {
    return return_document(out, [&] { return flows::verify_access_token(engine_of(engine), token); });
}

commerce_status commerce_mfa_totp_enroll(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::totp_enroll(engine_of(engine), session); });
}

commerce_status commerce_mfa_totp_confirm(commerce_doc** out, commerce_engine* engine, const char* session,
                                          const char* code) {
    return return_document(out, [&] { return flows::totp_confirm(engine_of(engine), session, code); });
}

commerce_status commerce_mfa_set_email_otp(commerce_doc** out, commerce_engine* engine, const char* session,
                                           int enabled) {
    return return_document(out, [&] { return flows::set_email_otp(engine_of(engine), session, enabled != 0); });
}

commerce_status commerce_mfa_status(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::mfa_status(engine_of(engine), session); });
}

commerce_status commerce_mfa_regenerate_recovery_codes(commerce_doc** out, commerce_engine* engine,
                                                       const char* session, const char* password) {
    return return_document(
        out, [&] { return flows::regenerate_recovery_codes(engine_of(engine), session, password); });
}

commerce_status commerce_mfa_disable(commerce_engine* engine, const char* session, const char* password) {
    return guard([&] { flows::disable_mfa(engine_of(engine), session, password); });
}

commerce_status commerce_user_link_identity(commerce_engine* engine, const char* session, const char* provider,
                                            const char* subject) {
    return guard([&] { flows::link_identity(engine_of(engine), session, provider, subject); });
}

commerce_status commerce_user_unlink_identity(commerce_engine* engine, const char* session, const char* provider,
                                              const char* subject) {
    return guard([&] { flows::unlink_identity(engine_of(engine), session, provider, subject); });
}

commerce_status commerce_address_add(commerce_doc** out, commerce_engine* engine, const char* session,
                                     const char* address_json) {
    return return_document(out, [&] { return flows::add_address(engine_of(engine), session, address_json); });
}

commerce_status commerce_address_update(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* address_id, const char* patch_json) {
    return return_document(
        out, [&] { return flows::update_address(engine_of(engine), session, address_id, patch_json); });
}

commerce_status commerce_address_remove(commerce_engine* engine, const char* session, const char* address_id) {
    return guard([&] { flows::remove_address(engine_of(engine), session, address_id); });
}

commerce_status commerce_address_list(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::list_addresses(engine_of(engine), session); });
}

}
