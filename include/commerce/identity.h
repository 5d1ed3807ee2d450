/* commerce — identity: accounts, roles and sessions.
 *
 * Calls that act for somebody take that person's session token; the engine checks roles itself.
 * Roles: "customer" (every registered user) and "admin". */
#ifndef COMMERCE_IDENTITY_H
#define COMMERCE_IDENTITY_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Registers a customer. The email is trimmed and lower-cased and must be unique (COMMERCE_ERR_EXISTS).
 * The password must have 8 to 128 characters; it is stored only as an argon2id hash.
 * Returns a document of type "user". */
COMMERCE_API commerce_status commerce_user_register(commerce_doc **out, commerce_engine *engine,
                                                    const char *email, const char *password);

/* Creates the store's first admin. Allowed only while the store has no admin (COMMERCE_ERR_ILLEGAL_STATE
 * afterwards), the way a server's "create superuser" command works. Returns a "user" document. */
COMMERCE_API commerce_status commerce_user_bootstrap_admin(commerce_doc **out, commerce_engine *engine,
                                                           const char *email, const char *password);

/* The user behind a session. Returns a "user" document. */
COMMERCE_API commerce_status commerce_user_me(commerce_doc **out, commerce_engine *engine, const char *session);

/* Logs in. Wrong email and wrong password give the same COMMERCE_ERR_UNAUTHORIZED.
 * Returns a document of type "session" holding the opaque token; the store keeps only its hash. */
COMMERCE_API commerce_status commerce_auth_login(commerce_doc **out, commerce_engine *engine,
                                                 const char *email, const char *password);

/* Ends a session. Logging out an unknown or ended session is COMMERCE_ERR_UNAUTHORIZED. */
COMMERCE_API commerce_status commerce_auth_logout(commerce_engine *engine, const char *session);

COMMERCE_END_DECLS

#endif
