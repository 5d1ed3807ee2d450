"""Administration methods of :class:`commerce.Engine` (``include/commerce/access.h``): users, roles and
permissions, the audit log and login analytics.

A mixin: :class:`commerce.Engine` inherits these methods. Every call needs a session whose roles grant the
permission named in its docstring (:class:`~commerce.Forbidden` otherwise, with
``details["required_permission"]``).
"""

from __future__ import annotations

from typing import Sequence, Union

from . import JsonInput, SessionArg, _json_arg, _json_list_arg, _opt_text, _ref_arg, _session_arg, _text
from ._mixin import Doc, Text, _result

UserRef = Union[Text, Doc]  # a user id, or the user document


def _user(user_id: UserRef) -> bytes:
    return _ref_arg(user_id, "id", "user_id")


class AccessMixin:
    """The ``access.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    # users ----------------------------------------------------------------------------------------------

    def list_users(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """Users, filtered and paged (``users.read``): ``query`` is ``{"search": "ada", "status": "active" |
        "suspended", "role": "staff", "limit": 50, "after": cursor}`` or None; ``search`` matches the email or
        name. Returns a ``user_list`` page (``items``, ``next``)."""
        return _result(self._native.list_users(_session_arg(session), _json_arg(query, "query", optional=True)))

    def get_user(self, session: SessionArg, user_id: UserRef) -> Doc:
        """One ``user`` (``users.read``)."""
        return _result(self._native.get_user(_session_arg(session), _user(user_id)))

    def suspend_user(self, session: SessionArg, user_id: UserRef, reason: Union[Text, None] = None) -> Doc:
        """Suspends a user (``users.manage``): they cannot log in (:class:`~commerce.Forbidden`) and their
        sessions end. Returns the ``user``."""
        return _result(self._native.suspend_user(_session_arg(session), _user(user_id), _opt_text(reason, "reason")))

    def unsuspend_user(self, session: SessionArg, user_id: UserRef) -> Doc:
        """Lifts a suspension (``users.manage``); returns the ``user``."""
        return _result(self._native.unsuspend_user(_session_arg(session), _user(user_id)))

    def force_password_reset(self, session: SessionArg, user_id: UserRef) -> None:
        """Forces a password reset (``users.manage``): sessions end, the old password stops working and
        ``user.password_reset_requested`` is emitted with a reset token."""
        _result(self._native.force_password_reset(_session_arg(session), _user(user_id)))

    def set_roles(self, session: SessionArg, user_id: UserRef, roles: Union[Sequence[str], Text]) -> Doc:
        """Replaces a user's roles, e.g. ``["customer", "staff"]`` (``users.manage``; granting or removing
        ``admin`` needs ``roles.manage``; the last admin keeps the role). Returns the ``user``."""
        return _result(self._native.set_roles(_session_arg(session), _user(user_id), _json_list_arg(roles, "roles")))

    # roles ----------------------------------------------------------------------------------------------

    def define_role(self, session: SessionArg, role: JsonInput) -> Doc:
        """Creates or replaces a custom role (``roles.manage``): ``{"name": "support", "description": "...",
        "permissions": ["orders.read", "users.read"]}``. Built-in roles cannot be changed. Returns the
        ``role``."""
        return _result(self._native.define_role(_session_arg(session), _json_arg(role, "role")))

    def delete_role(self, session: SessionArg, name: Text) -> None:
        """Deletes a custom role (``roles.manage``); :class:`~commerce.IllegalState` while users hold it."""
        _result(self._native.delete_role(_session_arg(session), _text(name, "name")))

    def list_roles(self, session: SessionArg) -> Doc:
        """Every role with its permissions (``roles.manage`` or ``users.read``): a ``role_list``."""
        return _result(self._native.list_roles(_session_arg(session)))

    # audit and reports ----------------------------------------------------------------------------------

    def list_audit(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """The audit log, newest first (``audit.read``): ``query`` is ``{"actor_id": ..., "target_id": ...,
        "action": "user.suspend", "limit": 50, "before": cursor}`` or None. Returns an ``audit_list``."""
        return _result(self._native.list_audit(_session_arg(session), _json_arg(query, "query", optional=True)))

    def report_logins(self, session: SessionArg, query: JsonInput) -> Doc:
        """Login analytics per UTC day (``reports.read``): ``query`` is ``{"from": "2026-11-01", "to":
        "2026-11-30"}`` (both required, inclusive, at most 366 days). Returns a ``login_report`` with logins,
        failures and unique users per day and in total."""
        return _result(self._native.report_logins(_session_arg(session), _json_arg(query, "query")))


__all__ = ["AccessMixin"]
