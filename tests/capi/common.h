/* Shared setup for the C ABI tests: an in-memory store with cheap password hashing, an admin and a product. */
#ifndef COMMERCE_TEST_COMMON_H
#define COMMERCE_TEST_COMMON_H

#include "check.h"

#include <stdio.h>

#define TEST_CONFIG "{\"path\":\":memory:\",\"password_hashing\":{\"memory_kib\":64,\"iterations\":1,\"parallelism\":1}}"

/* Logs in and copies the session token into token (at least 128 bytes). */
static void login_as(commerce_engine *engine, const char *email, const char *password, char *token) {
    commerce_doc *session = NULL;
    CHECK_OK(commerce_auth_login(&session, engine, email, password, NULL));
    snprintf(token, 128, "%s", json_member(session, "token"));
    commerce_doc_free(session);
}

#endif
