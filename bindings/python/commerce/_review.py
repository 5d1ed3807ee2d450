"""Review methods of :class:`commerce.Engine` (``include/commerce/review.h``): one review per user and product,
moderated before it counts; the product's rating average and count change in the same transaction as the
review.

A mixin: :class:`commerce.Engine` inherits these methods. Moderation needs a session whose roles grant
``reviews.moderate``. A product or review argument may be given as its id ``str`` or as the document itself::

    review = engine.submit_review(customer, product, {"rating": 5, "title": "Great", "body": "..."})
    engine.moderate_review(staff, review, "approved")
    engine.list_reviews(product)["rating"]   # {"average": "5.00", "count": 1}
"""

from __future__ import annotations

from typing import Union

from . import JsonInput, SessionArg, _json_arg, _opt_text, _ref_arg, _session_arg, _text
from ._mixin import Doc, Ref, Text, _result


def _review(review_id: Ref) -> bytes:
    return _ref_arg(review_id, "id", "review_id")


class ReviewMixin:
    """The ``review.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    def submit_review(self, session: SessionArg, product_id: Ref, review: JsonInput) -> Doc:
        """Writes the caller's review of a product, or edits it: ``{"rating": 1..5, "title": "...", "body":
        "..."}``. A new or edited review waits for moderation (``"pending"``); ``verified_purchase`` is set when
        the user has a paid order with the product. Returns the ``review``."""
        return _result(self._native.submit_review(_session_arg(session), _ref_arg(product_id, "id", "product_id"),
                                                  _json_arg(review, "review")))

    def delete_review(self, session: SessionArg, review_id: Ref) -> None:
        """Deletes a review: its author, or ``reviews.moderate``."""
        _result(self._native.delete_review(_session_arg(session), _review(review_id)))

    def moderate_review(self, session: SessionArg, review_id: Ref, decision: Text,
                        reason: Union[Text, None] = None) -> Doc:
        """Approves or rejects a review (``reviews.moderate``): ``decision`` is ``"approved"`` or
        ``"rejected"``; ``reason`` may be None for an approval and is required for a rejection. Returns the
        ``review``."""
        return _result(self._native.moderate_review(_session_arg(session), _review(review_id),
                                                    _text(decision, "decision"), _opt_text(reason, "reason")))

    def review_queue(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """The moderation queue, oldest first (``reviews.moderate``): ``query`` is ``{"status": "pending" |
        "approved" | "rejected", "reported": True, "limit": 50, "after": cursor}`` or None. Returns a
        ``review_list``."""
        return _result(self._native.review_queue(_session_arg(session), _json_arg(query, "query", optional=True)))

    def list_reviews(self, product_id: Ref, query: JsonInput = None) -> Doc:
        """A product's approved reviews: ``query`` is ``{"sort": "newest" | "helpful" | "rating_desc" |
        "rating_asc", "limit": 20, "after": cursor}`` or None. Returns a ``review_list`` with the product's
        ``rating`` summary. Needs no session."""
        return _result(self._native.list_reviews(_ref_arg(product_id, "id", "product_id"),
                                                 _json_arg(query, "query", optional=True)))

    def vote_review(self, session: SessionArg, review_id: Ref, kind: Text, reason: Union[Text, None] = None) -> Doc:
        """Marks a review helpful (``kind="helpful"``) or reports it (``kind="report"``, ``reason`` explains
        it). Once per user and kind; a user cannot vote on their own review. Returns the ``review``."""
        return _result(self._native.vote_review(_session_arg(session), _review(review_id), _text(kind, "kind"),
                                                _opt_text(reason, "reason")))


__all__ = ["ReviewMixin"]
