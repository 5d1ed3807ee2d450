/* commerce — identity: accounts, email verification, passwords, sessions, two-factor authentication, social
 * logins, profiles and addresses. See docs/identity.md.
 *
 * Calls that act for somebody take that person's session token; the engine checks it and their permissions
 * itself. Secrets (passwords, tokens, one-time codes) are stored only as hashes; tokens that must reach the user
 * by email leave through the outbox (commerce/outbox.h), sealed until delivered.
 *
 * Optional JSON arguments may be NULL. "context" objects describe the client for login analytics:
 *   {"ip": "203.0.113.7", "user_agent": "Mozilla/5.0 ..."}                     (both optional) */
#ifndef COMMERCE_IDENTITY_H
#define COMMERCE_IDENTITY_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* ---- accounts ---------------------------------------------------------------------------------------- */

/* Registers a customer. The email is trimmed and lower-cased and must be unique (COMMERCE_ERR_EXISTS).
 * The password must have 8 to 128 characters and not be a common password; it is stored only as an argon2id
 * hash. Emits "user.registered" and "user.verification_requested" (with the single-use verification token).
 * Returns a document of type "user". */
COMMERCE_API commerce_status commerce_user_register(commerce_doc **out, commerce_engine *engine,
                                                    const char *email, const char *password);

/* Marks the email verified. The token works once and expires (identity.verification_ttl_seconds).
 * COMMERCE_ERR_UNAUTHORIZED for an unknown, used or expired token. Returns the "user". */
COMMERCE_API commerce_status commerce_user_verify_email(commerce_doc **out, commerce_engine *engine,
                                                        const char *token);

/* Issues a new verification token (the old one stops working) and emits "user.verification_requested".
 * Succeeds the same way for an unknown or already verified email, so it reveals no account. */
COMMERCE_API commerce_status commerce_user_resend_verification(commerce_engine *engine, const char *email);

/* Creates the store's first admin (verified). Allowed only while the store has no admin
 * (COMMERCE_ERR_ILLEGAL_STATE afterwards), the way a server's "create superuser" command works. */
COMMERCE_API commerce_status commerce_user_bootstrap_admin(commerce_doc **out, commerce_engine *engine,
                                                           const char *email, const char *password);

/* The user behind a session. Returns a "user" document. */
COMMERCE_API commerce_status commerce_user_me(commerce_doc **out, commerce_engine *engine, const char *session);

/* Changes the profile: {"name": "...", "phone": "+41 ...", "locale": "de-CH", "currency": "CHF"}; members
 * absent are kept, null clears. Returns the "user". */
COMMERCE_API commerce_status commerce_user_update_profile(commerce_doc **out, commerce_engine *engine,
                                                          const char *session, const char *patch_json);

/* Changes the password; needs the current one (COMMERCE_ERR_UNAUTHORIZED if wrong). Every other session of the
 * user ends; the calling session stays. */
COMMERCE_API commerce_status commerce_user_change_password(commerce_engine *engine, const char *session,
                                                           const char *current_password, const char *new_password);

/* Emits "user.password_reset_requested" with a single-use, short-lived reset token when the email has an
 * account. Succeeds identically when it has none: no account enumeration. */
COMMERCE_API commerce_status commerce_user_request_password_reset(commerce_engine *engine, const char *email);

/* Sets a new password with a reset token and ends every session of the user. It does not log in: the next
 * login still asks for the second factor when one is enabled. */
COMMERCE_API commerce_status commerce_user_reset_password(commerce_engine *engine, const char *token,
                                                          const char *new_password);

/* Everything the store holds about a user, as one "user_export" document. user_id NULL means the caller;
 * another user needs the permission "users.manage". */
COMMERCE_API commerce_status commerce_user_export(commerce_doc **out, commerce_engine *engine, const char *session,
                                                  const char *user_id);

/* Erases a user: personal data is anonymised, sessions, tokens, second factors, identities and addresses are
 * deleted; orders stay (accounting keeps them) under the anonymised account. user_id NULL means the caller;
 * another user needs "users.manage". */
COMMERCE_API commerce_status commerce_user_erase(commerce_engine *engine, const char *session, const char *user_id);

/* ---- sessions ---------------------------------------------------------------------------------------- */

/* Logs in with email and password. Returns a "session" document (a new opaque token every time, and a JWT
 * access token when "jwt" is configured), or a "login_challenge" document when the account has a second
 * factor: finish with commerce_auth_complete_login. Wrong email and wrong password give the same
 * COMMERCE_ERR_UNAUTHORIZED; too many failures lock the account for a while (details {"reason": "locked",
 * "retry_after_seconds": n}); a suspended account is COMMERCE_ERR_FORBIDDEN. Every attempt is recorded. */
COMMERCE_API commerce_status commerce_auth_login(commerce_doc **out, commerce_engine *engine, const char *email,
                                                 const char *password, const char *context_json);

/* Finishes a login challenge with a second factor: method "totp", "email_otp" or "recovery_code".
 * Returns a "session". A wrong code is COMMERCE_ERR_UNAUTHORIZED; five wrong codes end the challenge. */
COMMERCE_API commerce_status commerce_auth_complete_login(commerce_doc **out, commerce_engine *engine,
                                                          const char *challenge, const char *method,
                                                          const char *code, const char *context_json);

/* Emits "user.otp_requested" with a fresh email code for a login challenge (the previous code stops working). */
COMMERCE_API commerce_status commerce_auth_send_email_otp(commerce_engine *engine, const char *challenge);

/* Logs in by an identity the host verified with an OAuth/OIDC provider:
 *   profile {"email": "...", "email_verified": true, "name": "...", "ip": "...", "user_agent": "..."}
 * A linked identity logs its user in. An unknown one creates a customer when identity.social_signup is true
 * (the default) and no account has that email; an email that already has an account is COMMERCE_ERR_EXISTS
 * (log in and link instead). Returns a "session" or a "login_challenge". */
COMMERCE_API commerce_status commerce_auth_social_login(commerce_doc **out, commerce_engine *engine,
                                                        const char *provider, const char *subject,
                                                        const char *profile_json);

/* Ends a session. Logging out an unknown or ended session is COMMERCE_ERR_UNAUTHORIZED. */
COMMERCE_API commerce_status commerce_auth_logout(commerce_engine *engine, const char *session);

/* Ends every other session of the session's user. */
COMMERCE_API commerce_status commerce_auth_logout_others(commerce_engine *engine, const char *session);

/* A signed HS256 JWT access token for the session's user ("access_token" document). COMMERCE_ERR_MISUSE when
 * the engine has no "jwt" config. */
COMMERCE_API commerce_status commerce_auth_issue_access_token(commerce_doc **out, commerce_engine *engine,
                                                              const char *session);

/* Verifies a JWT access token (signature by "kid", algorithm, expiry) without touching the database; returns
 * an "access_token_claims" document. COMMERCE_ERR_UNAUTHORIZED with details {"reason": ...} otherwise. */
COMMERCE_API commerce_status commerce_auth_verify_access_token(commerce_doc **out, commerce_engine *engine,
                                                               const char *token);

/* ---- two-factor authentication ----------------------------------------------------------------------- */

/* Starts TOTP enrolment: a "totp_enrollment" document with the base32 secret and an otpauth:// URI. The
 * secret is sealed at rest. It takes effect after commerce_mfa_totp_confirm. */
COMMERCE_API commerce_status commerce_mfa_totp_enroll(commerce_doc **out, commerce_engine *engine,
                                                      const char *session);

/* Confirms TOTP enrolment with a first code. Returns "recovery_codes": ten single-use codes, shown once. */
COMMERCE_API commerce_status commerce_mfa_totp_confirm(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *code);

/* Turns email codes as a second factor on (enabled != 0) or off. Returns "mfa_status". */
COMMERCE_API commerce_status commerce_mfa_set_email_otp(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, int enabled);

/* Which second factors are on and how many recovery codes are left ("mfa_status"). */
COMMERCE_API commerce_status commerce_mfa_status(commerce_doc **out, commerce_engine *engine, const char *session);

/* Replaces the recovery codes (needs the password). Returns "recovery_codes". */
COMMERCE_API commerce_status commerce_mfa_regenerate_recovery_codes(commerce_doc **out, commerce_engine *engine,
                                                                    const char *session, const char *password);

/* Turns every second factor off and deletes the recovery codes (needs the password). */
COMMERCE_API commerce_status commerce_mfa_disable(commerce_engine *engine, const char *session,
                                                  const char *password);

/* ---- social identities ------------------------------------------------------------------------------- */

/* Links a (provider, subject) identity to the session's user. COMMERCE_ERR_EXISTS when another user owns it. */
COMMERCE_API commerce_status commerce_user_link_identity(commerce_engine *engine, const char *session,
                                                         const char *provider, const char *subject);

/* Unlinks an identity of the session's user. COMMERCE_ERR_ILLEGAL_STATE if it is the only way to log in. */
COMMERCE_API commerce_status commerce_user_unlink_identity(commerce_engine *engine, const char *session,
                                                           const char *provider, const char *subject);

/* ---- addresses --------------------------------------------------------------------------------------- */

/* Adds an address to the session's user:
 *   {"name": "Ada Lovelace", "company": "", "line1": "1 Main St", "line2": "", "city": "Zürich",
 *    "region": "ZH", "postal_code": "8001", "country": "CH", "phone": "",
 *    "default_shipping": true, "default_billing": false}
 * line1, city and country (ISO 3166-1 alpha-2) are required. Returns an "address". */
COMMERCE_API commerce_status commerce_address_add(commerce_doc **out, commerce_engine *engine, const char *session,
                                                  const char *address_json);

/* Changes the members present in patch_json. Returns the "address". */
COMMERCE_API commerce_status commerce_address_update(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *address_id,
                                                     const char *patch_json);

/* Removes an address (a default that is removed is no longer a default). */
COMMERCE_API commerce_status commerce_address_remove(commerce_engine *engine, const char *session,
                                                     const char *address_id);

/* The session user's addresses ("address_list"). */
COMMERCE_API commerce_status commerce_address_list(commerce_doc **out, commerce_engine *engine, const char *session);

COMMERCE_END_DECLS

#endif
