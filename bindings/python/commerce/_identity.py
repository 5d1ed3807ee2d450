"""Identity methods of :class:`commerce.Engine` (``include/commerce/identity.h``): accounts, email verification,
passwords, sessions, two-factor authentication, social logins, profiles and addresses.

A mixin: :class:`commerce.Engine` inherits these methods; use them through an engine. Secrets that must reach the
user by email (a verification token, a reset token, a one-time code) are never returned here: they leave
through the outbox (:meth:`commerce.Engine.fetch_outbox`).
"""

from __future__ import annotations

from typing import Union

from . import JsonInput, SessionArg, _json_arg, _ref_arg, _session_arg, _text
from ._mixin import Doc, Text, _result


def _context(context: JsonInput) -> bytes:
    return _json_arg(context, "context", optional=True)


class IdentityMixin:
    """The ``identity.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    # accounts -------------------------------------------------------------------------------------------

    def register_user(self, email: Text, password: Text) -> Doc:
        """Registers a customer; returns a ``user`` document. The email is trimmed and lower-cased and must be
        unique (:class:`~commerce.Exists`); the password needs 8 to 128 characters and must not be a common one
        (:class:`~commerce.InvalidArgument`). Emits ``user.registered`` and ``user.verification_requested``
        (whose payload carries the verification token)."""
        return _result(self._native.register_user(_text(email, "email"), _text(password, "password")))

    def bootstrap_admin(self, email: Text, password: Text) -> Doc:
        """Creates the store's first admin (verified); returns a ``user`` document.
        :class:`~commerce.IllegalState` once the store has an admin."""
        return _result(self._native.bootstrap_admin(_text(email, "email"), _text(password, "password")))

    def verify_email(self, token: Text) -> Doc:
        """Marks the email verified with the token of a ``user.verification_requested`` event; returns the
        ``user``. :class:`~commerce.Unauthorized` for an unknown, used or expired token."""
        return _result(self._native.verify_email(_text(token, "token")))

    def resend_verification(self, email: Text) -> None:
        """Issues a new verification token (the old one stops working). Succeeds the same way for an unknown or
        already verified email, so it reveals no account."""
        _result(self._native.resend_verification(_text(email, "email")))

    def me(self, session: SessionArg) -> Doc:
        """The ``user`` behind a session."""
        return _result(self._native.me(_session_arg(session)))

    def update_profile(self, session: SessionArg, patch: JsonInput) -> Doc:
        """Changes the profile, e.g. ``{"name": "Ada", "phone": "+41 44 000 00 00", "locale": "de-CH",
        "currency": "CHF"}``: members absent are kept, ``None`` clears. Returns the ``user``."""
        return _result(self._native.update_profile(_session_arg(session), _json_arg(patch, "patch")))

    def change_password(self, session: SessionArg, current_password: Text, new_password: Text) -> None:
        """Changes the password (:class:`~commerce.Unauthorized` if ``current_password`` is wrong). Every other
        session of the user ends; the calling one stays."""
        _result(self._native.change_password(_session_arg(session), _text(current_password, "current_password"),
                                             _text(new_password, "new_password")))

    def request_password_reset(self, email: Text) -> None:
        """Emits ``user.password_reset_requested`` with a reset token when the email has an account, and
        succeeds identically when it has none (no account enumeration)."""
        _result(self._native.request_password_reset(_text(email, "email")))

    def reset_password(self, token: Text, new_password: Text) -> None:
        """Sets a new password with a reset token and ends every session of the user (it does not log in)."""
        _result(self._native.reset_password(_text(token, "token"), _text(new_password, "new_password")))

    def export_user(self, session: SessionArg, user_id: Union[Text, Doc, None] = None) -> Doc:
        """Everything the store holds about a user (a ``user_export`` document). ``user_id`` None means the
        caller; another user needs the permission ``users.manage``."""
        uid = b"" if user_id is None else _ref_arg(user_id, "id", "user_id")
        return _result(self._native.export_user(_session_arg(session), uid))

    def erase_user(self, session: SessionArg, user_id: Union[Text, Doc, None] = None) -> None:
        """Erases a user: personal data is anonymised, sessions, second factors, identities and addresses are
        deleted; orders stay. ``user_id`` None means the caller; another user needs ``users.manage``."""
        uid = b"" if user_id is None else _ref_arg(user_id, "id", "user_id")
        _result(self._native.erase_user(_session_arg(session), uid))

    # sessions -------------------------------------------------------------------------------------------

    def login(self, email: Text, password: Text, context: JsonInput = None) -> Doc:
        """Logs in with email and password. ``context`` describes the client for login analytics:
        ``{"ip": "203.0.113.7", "user_agent": "..."}`` (optional).

        Returns a ``session`` document (pass it, or its ``token``, to the calls that act for the user) or, when
        the account has a second factor, a ``login_challenge``: finish with :meth:`complete_login`. Check
        ``result["type"]``. Wrong email and wrong password are the same :class:`~commerce.Unauthorized` (also
        while the account is locked: ``details["reason"] == "locked"``); a suspended account is
        :class:`~commerce.Forbidden`."""
        return _result(self._native.login(_text(email, "email"), _text(password, "password"), _context(context)))

    def complete_login(self, challenge: Union[Text, Doc], method: Text, code: Text,
                       context: JsonInput = None) -> Doc:
        """Finishes a login challenge (its token or the ``login_challenge`` document) with a second factor:
        ``method`` is ``"totp"``, ``"email_otp"`` or ``"recovery_code"``. Returns a ``session``. A wrong or
        replayed code is :class:`~commerce.Unauthorized`; five wrong codes end the challenge."""
        return _result(self._native.complete_login(_ref_arg(challenge, "challenge", "challenge"),
                                                   _text(method, "method"), _text(code, "code"), _context(context)))

    def send_email_otp(self, challenge: Union[Text, Doc]) -> None:
        """Emits ``user.otp_requested`` with a fresh email code for a login challenge (the previous code stops
        working)."""
        _result(self._native.send_email_otp(_ref_arg(challenge, "challenge", "challenge")))

    def social_login(self, provider: Text, subject: Text, profile: JsonInput = None) -> Doc:
        """Logs in by an identity the host verified with an OAuth/OIDC provider. ``profile`` is
        ``{"email": ..., "email_verified": True, "name": ..., "ip": ..., "user_agent": ...}``. A linked identity
        logs its user in; an unknown one creates a customer (when ``identity.social_signup`` allows it and no
        account has the email: :class:`~commerce.Exists` otherwise). Returns a ``session`` or a
        ``login_challenge``."""
        return _result(self._native.social_login(_text(provider, "provider"), _text(subject, "subject"),
                                                 _json_arg(profile, "profile", optional=True)))

    def logout(self, session: SessionArg) -> None:
        """Ends a session (:class:`~commerce.Unauthorized` for an unknown or ended one)."""
        _result(self._native.logout(_session_arg(session)))

    def logout_others(self, session: SessionArg) -> None:
        """Ends every other session of the session's user."""
        _result(self._native.logout_others(_session_arg(session)))

    def issue_access_token(self, session: SessionArg) -> Doc:
        """A signed HS256 JWT for the session's user (an ``access_token`` document). :class:`~commerce.Misuse`
        when the engine has no ``identity.jwt`` config."""
        return _result(self._native.issue_access_token(_session_arg(session)))

    def verify_access_token(self, token: Union[Text, Doc]) -> Doc:
        """Verifies a JWT (the text or the ``access_token`` document) without touching the database; returns
        its ``access_token_claims``. :class:`~commerce.Unauthorized` with ``details["reason"]`` otherwise."""
        return _result(self._native.verify_access_token(_ref_arg(token, "token", "token")))

    # two-factor authentication --------------------------------------------------------------------------

    def enroll_totp(self, session: SessionArg) -> Doc:
        """Starts TOTP enrolment: a ``totp_enrollment`` with the base32 ``secret`` and an ``otpauth_uri``. It
        takes effect after :meth:`confirm_totp`."""
        return _result(self._native.enroll_totp(_session_arg(session)))

    def confirm_totp(self, session: SessionArg, code: Text) -> Doc:
        """Confirms TOTP enrolment with a first code; returns ``recovery_codes``: ten single-use codes, shown
        once."""
        return _result(self._native.confirm_totp(_session_arg(session), _text(code, "code")))

    def set_email_otp(self, session: SessionArg, enabled: bool) -> Doc:
        """Turns email codes as a second factor on or off; returns the ``mfa_status``."""
        if not isinstance(enabled, bool):
            raise TypeError("enabled must be a bool, not %s" % type(enabled).__name__)
        return _result(self._native.set_email_otp(_session_arg(session), enabled))

    def mfa_status(self, session: SessionArg) -> Doc:
        """Which second factors are on and how many recovery codes are left (``mfa_status``)."""
        return _result(self._native.mfa_status(_session_arg(session)))

    def regenerate_recovery_codes(self, session: SessionArg, password: Text) -> Doc:
        """Replaces the recovery codes (needs the password); returns the new ``recovery_codes``."""
        return _result(self._native.regenerate_recovery_codes(_session_arg(session), _text(password, "password")))

    def disable_mfa(self, session: SessionArg, password: Text) -> None:
        """Turns every second factor off and deletes the recovery codes (needs the password)."""
        _result(self._native.disable_mfa(_session_arg(session), _text(password, "password")))

    # social identities ----------------------------------------------------------------------------------

    def link_identity(self, session: SessionArg, provider: Text, subject: Text) -> None:
        """Links a (provider, subject) identity to the session's user; :class:`~commerce.Exists` when another
        user owns it."""
        _result(self._native.link_identity(_session_arg(session), _text(provider, "provider"),
                                           _text(subject, "subject")))

    def unlink_identity(self, session: SessionArg, provider: Text, subject: Text) -> None:
        """Unlinks an identity of the session's user; :class:`~commerce.IllegalState` when it is the only way to
        log in."""
        _result(self._native.unlink_identity(_session_arg(session), _text(provider, "provider"),
                                             _text(subject, "subject")))

    # addresses ------------------------------------------------------------------------------------------

    def add_address(self, session: SessionArg, address: JsonInput) -> Doc:
        """Adds an address to the session's user: ``{"name", "company", "line1", "line2", "city", "region",
        "postal_code", "country", "phone", "default_shipping", "default_billing"}`` (``line1``, ``city`` and
        ``country`` — ISO 3166-1 alpha-2 — are required). Returns the ``address``."""
        return _result(self._native.add_address(_session_arg(session), _json_arg(address, "address")))

    def update_address(self, session: SessionArg, address_id: Union[Text, Doc], patch: JsonInput) -> Doc:
        """Changes the members present in ``patch``; returns the ``address``."""
        return _result(self._native.update_address(_session_arg(session), _ref_arg(address_id, "id", "address_id"),
                                                   _json_arg(patch, "patch")))

    def remove_address(self, session: SessionArg, address_id: Union[Text, Doc]) -> None:
        """Removes an address (a default that is removed is no longer a default)."""
        _result(self._native.remove_address(_session_arg(session), _ref_arg(address_id, "id", "address_id")))

    def list_addresses(self, session: SessionArg) -> Doc:
        """The session user's addresses (an ``address_list``)."""
        return _result(self._native.list_addresses(_session_arg(session)))


__all__ = ["IdentityMixin"]
