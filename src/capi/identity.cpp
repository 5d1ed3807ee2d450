#include "capi/guard.h"

#include "flows/accounts.h"

#include <commerce/identity.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_user_register(commerce_doc** out, commerce_engine* engine, const char* email,
                                       const char* password) {
    return return_document(out, [&] { return flows::register_customer(engine_of(engine), email, password); });
}

commerce_status commerce_user_bootstrap_admin(commerce_doc** out, commerce_engine* engine, const char* email,
                                              const char* password) {
    return return_document(out, [&] { return flows::bootstrap_admin(engine_of(engine), email, password); });
}

commerce_status commerce_user_me(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::current_user(engine_of(engine), session); });
}

commerce_status commerce_auth_login(commerce_doc** out, commerce_engine* engine, const char* email,
                                    const char* password) {
    return return_document(out, [&] { return flows::login(engine_of(engine), email, password); });
}

commerce_status commerce_auth_logout(commerce_engine* engine, const char* session) {
    return guard([&] { flows::logout(engine_of(engine), session); });
}

}
