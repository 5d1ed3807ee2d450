"""Wishlist methods of :class:`commerce.Engine` (``include/commerce/wishlist.h``): a user's named lists of
variants to buy later, each item shown as the catalog has it now, moved to a cart in one step, and shared
read-only through a token.

A mixin: :class:`commerce.Engine` inherits these methods. Every call but :meth:`shared_wishlist` needs the
owner's session. A list may be given as its id ``str`` or its document; an item as a variant id, the id of a
product with exactly one variant, or a variant, product or wishlist item document::

    wishlist = engine.create_wishlist(session, "Birthday")
    wishlist = engine.add_wishlist_item(session, wishlist, product, note="size M")
    token = engine.share_wishlist(session, wishlist)["token"]
    engine.shared_wishlist(token, currency="EUR")["items"][0]["prices"]   # [Money('20.00', 'EUR')]
    cart = engine.move_wishlist_item_to_cart(session, wishlist, wishlist["items"][0], cart, 1)
"""

from __future__ import annotations

from typing import Mapping, Union

from . import SessionArg, _opt_text, _quantity, _ref_arg, _session_arg, _text
from ._mixin import Doc, Ref, Text, _result


def _wishlist(wishlist_id: Ref) -> bytes:
    return _ref_arg(wishlist_id, "id", "wishlist_id")


def _item(item_id: Ref) -> bytes:
    # a wishlist item names its variant as "variant_id"; a variant or product document has an "id"
    if isinstance(item_id, Mapping) and "variant_id" in item_id:
        return _ref_arg(item_id, "variant_id", "item_id")
    return _ref_arg(item_id, "id", "item_id")


class WishlistMixin:
    """The ``wishlist.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    def create_wishlist(self, session: SessionArg, name: Text) -> Doc:
        """Creates a list named ``name`` (1 to 100 characters once trimmed, unique among the user's lists:
        :class:`~commerce.Exists` otherwise; at most 50 lists). Returns the ``wishlist``."""
        return _result(self._native.create_wishlist(_session_arg(session), _text(name, "name")))

    def rename_wishlist(self, session: SessionArg, wishlist_id: Ref, name: Text) -> Doc:
        """Renames a list; returns the ``wishlist``."""
        return _result(self._native.rename_wishlist(_session_arg(session), _wishlist(wishlist_id), _text(name, "name")))

    def delete_wishlist(self, session: SessionArg, wishlist_id: Ref) -> None:
        """Deletes a list with its items; its share token stops working."""
        _result(self._native.delete_wishlist(_session_arg(session), _wishlist(wishlist_id)))

    def list_wishlists(self, session: SessionArg) -> Doc:
        """The caller's lists, oldest first, with their item counts: a ``wishlist_list``."""
        return _result(self._native.list_wishlists(_session_arg(session)))

    def get_wishlist(self, session: SessionArg, wishlist_id: Ref, currency: Union[Text, None] = None) -> Doc:
        """One of the caller's lists with its items; ``currency`` limits each item's ``prices`` to that
        currency, None lists every price. Returns the ``wishlist``."""
        return _result(self._native.get_wishlist(_session_arg(session), _wishlist(wishlist_id),
                                                 _opt_text(currency, "currency")))

    def add_wishlist_item(self, session: SessionArg, wishlist_id: Ref, item_id: Ref,
                          note: Union[Text, None] = None) -> Doc:
        """Puts a variant on the list (its product must be on sale; at most 500 items). Adding it again keeps
        it where it is and only replaces its note, when one is given. Returns the ``wishlist``."""
        return _result(self._native.add_wishlist_item(_session_arg(session), _wishlist(wishlist_id), _item(item_id),
                                                      _opt_text(note, "note")))

    def remove_wishlist_item(self, session: SessionArg, wishlist_id: Ref, item_id: Ref) -> Doc:
        """Takes a variant off the list; returns the ``wishlist``."""
        return _result(self._native.remove_wishlist_item(_session_arg(session), _wishlist(wishlist_id),
                                                         _item(item_id)))

    def move_wishlist_item_to_cart(self, session: SessionArg, wishlist_id: Ref, item_id: Ref, cart_id: Ref,
                                   quantity: int) -> Doc:
        """Adds ``quantity`` of the item to a cart the caller may use and takes it off the list, in one
        transaction: when the cart refuses, both stay as they were. Returns the ``cart``."""
        return _result(self._native.move_wishlist_item_to_cart(
            _session_arg(session), _wishlist(wishlist_id), _item(item_id), _ref_arg(cart_id, "id", "cart_id"),
            _quantity(quantity)))

    def share_wishlist(self, session: SessionArg, wishlist_id: Ref) -> Doc:
        """Issues a new read-only share token, shown only in the returned ``wishlist_share``; the token issued
        before stops working."""
        return _result(self._native.share_wishlist(_session_arg(session), _wishlist(wishlist_id)))

    def unshare_wishlist(self, session: SessionArg, wishlist_id: Ref) -> None:
        """Revokes the list's share token, if it has one."""
        _result(self._native.unshare_wishlist(_session_arg(session), _wishlist(wishlist_id)))

    def shared_wishlist(self, token: Text, currency: Union[Text, None] = None) -> Doc:
        """The list a share token opens, for anyone who holds it (no session): a ``shared_wishlist`` with the
        list's name and items and nothing of its owner. :class:`~commerce.NotFound` for a rotated or revoked
        token."""
        return _result(self._native.shared_wishlist(_text(token, "token"), _opt_text(currency, "currency")))


__all__ = ["WishlistMixin"]
