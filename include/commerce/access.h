/* commerce — access control and administration: roles and permissions, user management, the audit log and
 * login analytics. Every call needs a session whose roles grant the permission named below
 * (COMMERCE_ERR_FORBIDDEN otherwise). The permission table is in docs/access.md. */
#ifndef COMMERCE_ACCESS_H
#define COMMERCE_ACCESS_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Users, filtered and paged ("users.read"):
 *   {"search": "ada", "status": "active" | "suspended", "role": "staff", "limit": 50, "after": "<cursor>"}
 * "search" matches the email or name. Returns a "user_list" with "items" and "next". */
COMMERCE_API commerce_status commerce_admin_user_list(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *query_json);

/* One user ("users.read"). Returns a "user". */
COMMERCE_API commerce_status commerce_admin_user_get(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *user_id);

/* Suspends a user ("users.manage"): they cannot log in and their sessions end. reason may be NULL. */
COMMERCE_API commerce_status commerce_admin_user_suspend(commerce_doc **out, commerce_engine *engine,
                                                         const char *session, const char *user_id,
                                                         const char *reason);

/* Lifts a suspension ("users.manage"). */
COMMERCE_API commerce_status commerce_admin_user_unsuspend(commerce_doc **out, commerce_engine *engine,
                                                           const char *session, const char *user_id);

/* Forces a password reset ("users.manage"): sessions end, the old password stops working, and
 * "user.password_reset_requested" is emitted with a reset token. */
COMMERCE_API commerce_status commerce_admin_user_force_password_reset(commerce_engine *engine, const char *session,
                                                                      const char *user_id);

/* Replaces a user's roles ("users.manage"; granting or removing "admin" needs "roles.manage"):
 * roles_json is ["customer", "staff"]. The last admin cannot lose the role. Returns the "user". */
COMMERCE_API commerce_status commerce_admin_user_set_roles(commerce_doc **out, commerce_engine *engine,
                                                           const char *session, const char *user_id,
                                                           const char *roles_json);

/* Creates or replaces a custom role ("roles.manage"):
 *   {"name": "support", "description": "...", "permissions": ["orders.read", "users.read"]}
 * Built-in roles cannot be changed. Returns a "role". */
COMMERCE_API commerce_status commerce_role_define(commerce_doc **out, commerce_engine *engine, const char *session,
                                                  const char *role_json);

/* Deletes a custom role no user has ("roles.manage"); COMMERCE_ERR_ILLEGAL_STATE while users hold it. */
COMMERCE_API commerce_status commerce_role_delete(commerce_engine *engine, const char *session, const char *name);

/* Every role with its permissions ("roles.manage" or "users.read"). Returns a "role_list". */
COMMERCE_API commerce_status commerce_role_list(commerce_doc **out, commerce_engine *engine, const char *session);

/* The audit log, newest first ("audit.read"): {"actor_id": "...", "target_id": "...", "action": "user.suspend",
 * "limit": 50, "before": "<cursor>"}. Returns an "audit_list". */
COMMERCE_API commerce_status commerce_audit_list(commerce_doc **out, commerce_engine *engine, const char *session,
                                                 const char *query_json);

/* Login analytics per UTC day ("reports.read"): {"from": "2026-11-01", "to": "2026-11-30"}, both required
 * (inclusive, at most 366 days). Returns a "login_report" with logins, failures and unique users per day. */
COMMERCE_API commerce_status commerce_report_logins(commerce_doc **out, commerce_engine *engine,
                                                    const char *session, const char *query_json);

COMMERCE_END_DECLS

#endif
