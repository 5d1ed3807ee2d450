#include "capi/guard.h"

#include "flows/admin.h"

#include <commerce/access.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_admin_user_list(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* query_json) {
    return return_document(out, [&] { return flows::list_users(engine_of(engine), session, query_json); });
}

commerce_status commerce_admin_user_get(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* user_id) {
    return return_document(out, [&] { return flows::get_user(engine_of(engine), session, user_id); });
}

commerce_status commerce_admin_user_suspend(commerce_doc** out, commerce_engine* engine, const char* session,
                                            const char* user_id, const char* reason) {
    return return_document(out, [&] { return flows::suspend_user(engine_of(engine), session, user_id, reason); });
}

commerce_status commerce_admin_user_unsuspend(commerce_doc** out, commerce_engine* engine, const char* session,
                                              const char* user_id) {
    return return_document(out, [&] { return flows::unsuspend_user(engine_of(engine), session, user_id); });
}

commerce_status commerce_admin_user_force_password_reset(commerce_engine* engine, const char* session,
                                                         const char* user_id) {
    return guard([&] { flows::force_password_reset(engine_of(engine), session, user_id); });
}

commerce_status commerce_admin_user_set_roles(commerce_doc** out, commerce_engine* engine, const char* session,
                                              const char* user_id, const char* roles_json) {
    return return_document(
        out, [&] { return flows::set_user_roles(engine_of(engine), session, user_id, roles_json); });
}

commerce_status commerce_role_define(commerce_doc** out, commerce_engine* engine, const char* session,
                                     const char* role_json) {
    return return_document(out, [&] { return flows::define_role(engine_of(engine), session, role_json); });
}

commerce_status commerce_role_delete(commerce_engine* engine, const char* session, const char* name) {
    return guard([&] { flows::delete_role(engine_of(engine), session, name); });
}

commerce_status commerce_role_list(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::list_roles(engine_of(engine), session); });
}

commerce_status commerce_audit_list(commerce_doc** out, commerce_engine* engine, const char* session,
                                    const char* query_json) {
    return return_document(out, [&] { return flows::list_audit(engine_of(engine), session, query_json); });
}

commerce_status commerce_report_logins(commerce_doc** out, commerce_engine* engine, const char* session,
                                       const char* query_json) {
    return return_document(out, [&] { return flows::login_report(engine_of(engine), session, query_json); });
}

}
