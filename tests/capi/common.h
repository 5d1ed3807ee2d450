/* Shared setup for the C ABI tests: an in-memory store with cheap password hashing, its administrator and customers. */
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

/* Opens an engine on config with its administrator (email, password) bootstrapped and logged in: token receives
 * the session (at least 128 bytes). */
static inline commerce_engine *open_as_admin(const char *config, const char *email, const char *password,
                                             char *token) {
    commerce_engine *engine = NULL;
    commerce_doc *admin = NULL;
    CHECK_OK(commerce_engine_open(&engine, config));
    CHECK_OK(commerce_user_bootstrap_admin(&admin, engine, email, password));
    commerce_doc_free(admin);
    login_as(engine, email, password, token);
    return engine;
}

/* Registers a customer and logs them in: token receives the session (at least 128 bytes). */
static inline void sign_up(commerce_engine *engine, const char *email, const char *password, char *token) {
    commerce_doc *user = NULL;
    CHECK_OK(commerce_user_register(&user, engine, email, password));
    commerce_doc_free(user);
    login_as(engine, email, password, token);
}

/* Copies a top-level string member of doc into out (size bytes). */
static inline void copy_member(const commerce_doc *doc, const char *member, char *out, size_t size) {
    snprintf(out, size, "%s", json_member(doc, member));
}

/* Creates a product from its JSON: id (at least 64 bytes, or NULL when not needed) receives the product's id. */
static inline void new_product(commerce_engine *engine, const char *admin, const char *product_json, char *id) {
    commerce_doc *product = NULL;
    CHECK_OK(commerce_product_create(&product, engine, admin, product_json));
    if (id) copy_member(product, "id", id, 64);
    commerce_doc_free(product);
}

/* Creates a cart (a guest cart when session is NULL): id receives its id (at least 64 bytes). */
static inline void new_cart(commerce_engine *engine, const char *session, const char *currency, char *id) {
    commerce_doc *cart = NULL;
    CHECK_OK(commerce_cart_create(&cart, engine, session, currency));
    copy_member(cart, "id", id, 64);
    commerce_doc_free(cart);
}

#endif
