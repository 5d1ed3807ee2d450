"""Outbox methods of :class:`commerce.Engine` (``include/commerce/outbox.h``): the events the host delivers
(emails, SMS, webhooks).

A mixin: :class:`commerce.Engine` inherits these methods. An event is appended in the same transaction as the
change it announces. The host fetches a batch, delivers each event and acknowledges it, or reports a failure
(retried with a doubling backoff, given up after 10 attempts). These calls serve the host process itself and
take no session::

    batch = engine.fetch_outbox({"topics": ["user."], "limit": 100})
    for event in batch["events"]:
        try:
            send_mail(event["topic"], event["payload"])
        except OSError as exc:
            engine.fail_event(event, str(exc))
        else:
            engine.ack_event(event)
"""

from __future__ import annotations

from typing import Any, Dict, Union

from . import JsonInput, _json_arg, _opt_text, _ref_arg
from ._mixin import Text, _result

EventRef = Union[Text, Dict[str, Any]]  # an event id, or the event itself (from an outbox_batch)


class OutboxMixin:
    """The ``outbox.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    def fetch_outbox(self, query: JsonInput = None) -> Dict[str, Any]:
        """Leases up to ``limit`` due events, oldest first: ``query`` is ``{"limit": 100, "lease_seconds": 60,
        "topics": ["user."]}`` (topic prefixes) or None. Leased events are not handed out again until the lease
        ends. Returns an ``outbox_batch`` whose ``events`` have ``id``, ``topic``, ``payload``, ``attempts``
        and ``created_at``."""
        return _result(self._native.fetch_outbox(_json_arg(query, "query", optional=True)))

    def ack_event(self, event: EventRef) -> None:
        """Marks an event delivered and erases its secrets. Acknowledging twice is fine."""
        _result(self._native.ack_event(_ref_arg(event, "id", "event_id")))

    def fail_event(self, event: EventRef, error: Union[Text, None] = None) -> None:
        """Records a failed delivery (``error`` describes it): the event is retried after a backoff that doubles
        each time (capped at one hour); after 10 attempts it is given up and its secrets are erased."""
        _result(self._native.fail_event(_ref_arg(event, "id", "event_id"), _opt_text(error, "error")))


__all__ = ["OutboxMixin"]
