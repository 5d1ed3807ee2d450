"""Price list and customer group methods of :class:`commerce.Engine` (``include/commerce/pricing.h`` and
``include/commerce/customer_group.h``).

A mixin: :class:`commerce.Engine` inherits these methods. Price lists need a session whose roles grant
``promotions.write``; customer groups ``users.manage`` (``users.read`` to read them). A list's price replaces a
variant's catalog price in the carts it applies to: an ``override`` always, a ``sale`` only where it is cheaper
(docs/price-lists.md)::

    engine.create_customer_group(admin, {"id": "trade", "name": "Trade", "tax_exempt": True})
    engine.change_customer_group_members(admin, "trade", add=[buyer_id])
    engine.create_price_list(admin, {"id": "trade-2026", "name": "Trade", "type": "override",
                                     "customer_groups": ["trade"],
                                     "prices": [{"variant_id": bolt, "min_quantity": 100,
                                                 "price": {"amount": "0.70", "currency": "EUR"}}]})
"""

from __future__ import annotations

from typing import Sequence

from . import JsonInput, SessionArg, _int64, _json_arg, _ref_arg, _session_arg, _text
from ._mixin import Doc, Ref, Text, _result


def _price_list(price_list_id: Ref) -> bytes:
    return _ref_arg(price_list_id, "id", "price_list_id")


def _group(group_id: Ref) -> bytes:
    return _ref_arg(group_id, "id", "group_id")


def _user_ids(users: Sequence[Ref]) -> list:
    return [user["id"] if isinstance(user, dict) else user for user in users]


class PriceListMixin:
    """The price list methods of ``pricing.h`` and the ``customer_group.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    # price lists ----------------------------------------------------------------------------------------

    def create_price_list(self, session: SessionArg, definition: JsonInput) -> Doc:
        """Creates a price list (docs/price-lists.md): ``{"id", "name", "type": "sale" | "override",
        "customer_groups", "channels", "starts_at", "ends_at", "prices": [{"variant_id", "price",
        "min_quantity"}]}``. :class:`~commerce.Exists` when the id is taken. Returns the ``price_list``."""
        return _result(self._native.create_price_list(_session_arg(session), _json_arg(definition, "definition")))

    def update_price_list(self, session: SessionArg, price_list_id: Ref, definition: JsonInput,
                          expected_version: int) -> Doc:
        """Replaces the definition and every price; ``expected_version`` is the ``version`` read before
        (:class:`~commerce.Conflict` when it changed since). Returns the ``price_list``."""
        return _result(self._native.update_price_list(_session_arg(session), _price_list(price_list_id),
                                                      _json_arg(definition, "definition"),
                                                      _int64(expected_version, "expected_version")))

    def set_price_list_status(self, session: SessionArg, price_list_id: Ref, status: Text) -> Doc:
        """``"active"`` or ``"archived"`` (an archived list prices no cart). Returns the ``price_list``."""
        return _result(self._native.set_price_list_status(_session_arg(session), _price_list(price_list_id),
                                                          _text(status, "status")))

    def get_price_list(self, session: SessionArg, price_list_id: Ref) -> Doc:
        """The ``price_list`` with its prices."""
        return _result(self._native.get_price_list(_session_arg(session), _price_list(price_list_id)))

    def list_price_lists(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """Lists by id, without their prices: ``query`` is ``{"status", "limit", "after"}`` or None. Returns a
        ``price_list_list``."""
        return _result(self._native.list_price_lists(_session_arg(session), _json_arg(query, "query", optional=True)))

    # customer groups ------------------------------------------------------------------------------------

    def create_customer_group(self, session: SessionArg, definition: JsonInput) -> Doc:
        """``{"id": "trade", "name": "Trade", "tax_exempt": False}``. Returns the ``customer_group``."""
        return _result(self._native.create_customer_group(_session_arg(session),
                                                          _json_arg(definition, "definition")))

    def update_customer_group(self, session: SessionArg, group_id: Ref, definition: JsonInput,
                              expected_version: int) -> Doc:
        """Replaces the name and ``tax_exempt`` (:class:`~commerce.Conflict` when the version moved on)."""
        return _result(self._native.update_customer_group(_session_arg(session), _group(group_id),
                                                          _json_arg(definition, "definition"),
                                                          _int64(expected_version, "expected_version")))

    def delete_customer_group(self, session: SessionArg, group_id: Ref) -> None:
        """Removes the group and its memberships."""
        _result(self._native.delete_customer_group(_session_arg(session), _group(group_id)))

    def get_customer_group(self, session: SessionArg, group_id: Ref) -> Doc:
        """The ``customer_group`` with its ``member_count``."""
        return _result(self._native.get_customer_group(_session_arg(session), _group(group_id)))

    def list_customer_groups(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """Groups by id: ``query`` is ``{"member": user_id, "limit", "after"}`` or None. Returns a
        ``customer_group_list``."""
        return _result(self._native.list_customer_groups(_session_arg(session),
                                                         _json_arg(query, "query", optional=True)))

    def change_customer_group_members(self, session: SessionArg, group_id: Ref, add: Sequence[Ref] = (),
                                      remove: Sequence[Ref] = ()) -> Doc:
        """Adds and removes members (user ids or user documents), at most 1000 in all. Returns the group."""
        change = {"add": _user_ids(add), "remove": _user_ids(remove)}
        return _result(self._native.change_customer_group_members(_session_arg(session), _group(group_id),
                                                                  _json_arg(change, "change")))

    def customer_group_members(self, session: SessionArg, group_id: Ref, query: JsonInput = None) -> Doc:
        """Members by user id: ``query`` is ``{"limit", "after"}`` or None. Returns a
        ``customer_group_member_list``."""
        return _result(self._native.customer_group_members(_session_arg(session), _group(group_id),
                                                           _json_arg(query, "query", optional=True)))


__all__ = ["PriceListMixin"]
