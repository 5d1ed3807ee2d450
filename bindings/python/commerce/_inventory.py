"""Inventory methods of :class:`commerce.Engine` (``include/commerce/inventory.h``): stock per variant and
location, kept as a ledger of movements; transfers; reservations with expiry.

A mixin: :class:`commerce.Engine` inherits these methods. Writes need a session whose roles grant
``inventory.write`` (:class:`~commerce.Forbidden` otherwise). The location ``"default"`` always exists; sales
take stock from it unless the cart names another. A variant or reservation argument may be given as its id
``str`` or as the document itself::

    engine.adjust_stock(admin, {"variant_id": variant["id"], "kind": "receipt", "quantity": 12,
                                "reason": "supplier delivery 4411", "reference": "PO-4411"})
    engine.transfer_stock(admin, {"variant_id": variant["id"], "from": "default", "to": kiosk["id"],
                                  "quantity": 5})
    engine.stock_level(variant)["available"]
"""

from __future__ import annotations


from . import JsonInput, SessionArg, _json_arg, _ref_arg, _session_arg
from ._mixin import Doc, Ref, Text, _result


class InventoryMixin:
    """The ``inventory.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    # locations ------------------------------------------------------------------------------------------

    def create_location(self, session: SessionArg, location: JsonInput) -> Doc:
        """Creates a stock location (``inventory.write``): ``{"code": "kiosk-3", "name": "Kiosk 3, Main St",
        "kind": "warehouse" | "shop" | "kiosk"}``. Returns the ``location``."""
        return _result(self._native.create_location(_session_arg(session), _json_arg(location, "location")))

    def list_locations(self) -> Doc:
        """Every location (a ``location_list``). Needs no session."""
        return _result(self._native.list_locations())

    # the ledger -----------------------------------------------------------------------------------------

    def adjust_stock(self, session: SessionArg, movement: JsonInput) -> Doc:
        """Records a movement at one location (``inventory.write``): ``{"variant_id": ..., "location_id":
        "default", "kind": "receipt" | "return" | "adjustment", "quantity": 12, "reason": "...", "reference":
        "PO-4411"}``. A receipt or return adds ``quantity`` (>= 1); an adjustment adds a signed quantity. Stock
        may not go below zero unless the variant allows backorders, and then not below minus its backorder
        limit (:class:`~commerce.OutOfStock`). Returns the variant's ``stock_level``."""
        return _result(self._native.adjust_stock(_session_arg(session), _json_arg(movement, "movement")))

    def transfer_stock(self, session: SessionArg, transfer: JsonInput) -> Doc:
        """Moves stock between locations in one transaction (``inventory.write``): ``{"variant_id": ...,
        "from": "default", "to": location_id, "quantity": 5, "reason": "..."}``. Returns the variant's
        ``stock_level``."""
        return _result(self._native.transfer_stock(_session_arg(session), _json_arg(transfer, "transfer")))

    def stock_level(self, variant_id: Ref) -> Doc:
        """A variant's stock per location and in total: on hand, reserved by live reservations, and available
        (on hand - reserved). A ``stock_level``; needs no session."""
        return _result(self._native.stock_level(_ref_arg(variant_id, "id", "variant_id")))

    def list_stock_movements(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """The ledger, newest first (``inventory.write``): ``query`` is ``{"variant_id": ..., "location_id":
        ..., "kind": "sale", "limit": 50, "before": cursor}`` or None. Returns a ``stock_movement_list``."""
        return _result(self._native.list_stock_movements(_session_arg(session),
                                                         _json_arg(query, "query", optional=True)))

    # reservations ---------------------------------------------------------------------------------------

    def reserve_stock(self, session: SessionArg, reservation: JsonInput) -> Doc:
        """Holds stock for a checkout until it expires on the engine's clock (``inventory.write``):
        ``{"variant_id": ..., "location_id": "default", "quantity": 2, "ttl_seconds": 900, "reference":
        cart_id}``. :class:`~commerce.OutOfStock` when not enough is available. Returns the
        ``stock_reservation``."""
        return _result(self._native.reserve_stock(_session_arg(session), _json_arg(reservation, "reservation")))

    def release_reservation(self, session: SessionArg, reservation_id: Ref) -> None:
        """Releases a reservation before it expires; releasing an expired or released one is
        :class:`~commerce.NotFound`."""
        _result(self._native.release_reservation(_session_arg(session),
                                                 _ref_arg(reservation_id, "id", "reservation_id")))


__all__ = ["InventoryMixin"]
