"""Order lifecycle methods of :class:`commerce.Engine` (``include/commerce/order.h``): recording the money taken on
an order's manual payment, refunds allocated exactly over its lines, tax and shipping, cancellation, fulfilment
(shipments, their delivery and the order's completion), the expiry of orders left unpaid, the staff's search of
every order, and an order's receipt and invoice (placing, reading and listing orders are in
``commerce/__init__.py``).

A mixin: :class:`commerce.Engine` inherits these methods. Capturing, shipping and completing need a session whose
roles grant ``orders.manage``, refunding ``orders.refund``, searching ``orders.read``; a customer may cancel their
own order while it is unpaid, and read its receipt and invoice. An order (and a shipment) may be given as its id
``str`` or as its document. Amounts are exact: give them as :class:`~decimal.Decimal` or ``str``, never a float::

    order = engine.place_order(session, cart["id"], {"payment": {"method": "manual", "kind": "cash_on_delivery"}})
    order = engine.capture_payment(admin, order)                        # the courier brought the money: "paid"
    order = engine.refund_order(admin, order, {"lines": [{"line": 0, "quantity": 1, "restock": True}],
                                               "reason": "damaged"})
    order = engine.refund_order(admin, order, {"amount": Decimal("5.00")})
    order["payment_status"], order["refunds"][-1]["amount"]             # 'partially_refunded', Money('5.00', 'EUR')

    order = engine.ship_order(admin, order, {"carrier": "DHL", "tracking_number": "JD0001"})   # "shipped"
    order = engine.update_shipment(admin, order, order["shipments"][0], {"status": "delivered"})  # "delivered"
    order = engine.complete_order(admin, order)                                                # "completed"

    page = engine.search_orders(admin, {"status": ["paid", "completed"], "email": "ana@example.test", "limit": 20})
    page = engine.search_orders(admin, {"status": "paid", "limit": 20, "after": page["next"]})  # the next page
    print(engine.order_receipt(admin, order, {"locale": "de-DE", "width": 32})["text"])        # "... 12,50 €"
    invoice = engine.order_invoice(admin, order, {"locale": "de-DE"})
    invoice["total"]                  # {'amount': '12.50', 'currency': 'EUR', 'formatted': '12,50 €'}
"""

from __future__ import annotations

from collections.abc import Mapping

from . import JsonInput, SessionArg, _int64, _json_arg, _ref_arg, _session_arg
from ._currency import _moment
from ._mixin import Doc, Ref, _result


def _order(order_id: Ref) -> bytes:
    return _ref_arg(order_id, "id", "order_id")


def _shipment(shipment_id: Ref) -> bytes:
    return _ref_arg(shipment_id, "id", "shipment_id")


class OrderMixin:
    """The order lifecycle methods of ``order.h`` of :class:`commerce.Engine`."""

    __slots__ = ()

    def capture_payment(self, session: SessionArg, order_id: Ref, request: JsonInput = None) -> Doc:
        """Records money taken on the order's payment (``orders.manage``): cash collected on delivery, a bank
        transfer received, a card terminal's approval. ``request`` is None (capture everything left) or
        ``{"amount": Decimal("10.00"), "reference": "T-0042", "note": "..."}``; a part of what is left makes the
        payment ``"partially_captured"``. Once everything is captured an order awaiting payment becomes
        ``"paid"`` and stops expiring. :class:`~commerce.NotFound` for an unknown order,
        :class:`~commerce.InvalidArgument` (``details["reason"]`` ``"out_of_range"``, ``details["capturable"]``)
        for an amount not positive or more than is left, :class:`~commerce.IllegalState` for a cancelled order or
        a payment already captured or refunded. Returns the ``order``."""
        return _result(self._native.capture_payment(_session_arg(session), _order(order_id),
                                                    _json_arg(request, "request", optional=True)))

    def refund_order(self, session: SessionArg, order_id: Ref, request: JsonInput) -> Doc:
        """Gives money back (``orders.refund``), once or several times up to what was captured: ``{"lines":
        [{"line": 0, "quantity": 1, "restock": True}], "shipping": True}`` (units of order lines by position,
        optionally put back on hand, and what is left of the shipping charge) or ``{"amount": Decimal("5.00")}``
        (spread over what is left), plus ``"reason"``, ``"note"`` and ``"idempotency_key"`` (a retry with the same
        key returns the order). Refunding every unit of a line, in any steps, gives back exactly what the line
        charged; the payment becomes ``"partially_refunded"``, then ``"refunded"``.
        :class:`~commerce.InvalidArgument` with ``details["field"]`` and ``details["reason"]`` (``unknown_line``,
        ``duplicate``, ``out_of_range``, ``exclusive``, ``already_refunded``, ``nothing_to_refund``),
        :class:`~commerce.IllegalState` (``details["reason"]`` ``"exceeds_captured"``, ``details["refundable"]``),
        :class:`~commerce.CurrencyMismatch`, :class:`~commerce.Conflict` when the key was used for another refund.
        Returns the ``order`` with its ``refunds``."""
        return _result(self._native.refund_order(_session_arg(session), _order(order_id),
                                                 _json_arg(request, "request")))

    def cancel_order(self, session: SessionArg, order_id: Ref, request: JsonInput = None) -> Doc:
        """Cancels an order nothing has left the store for: its owner while it is unpaid, otherwise
        ``orders.manage`` (and ``orders.refund`` when money was captured, which is refunded in full first). The
        goods go back on hand, the promotions' redemptions are released and a payment nothing was captured on is
        ``"voided"``. ``request`` is None or ``{"note": "..."}``. :class:`~commerce.NotFound` for someone else's
        order (to a customer), :class:`~commerce.Forbidden`, :class:`~commerce.IllegalState` when it is already
        cancelled or shipped. Returns the ``order``."""
        return _result(self._native.cancel_order(_session_arg(session), _order(order_id),
                                                 _json_arg(request, "request", optional=True)))

    def ship_order(self, session: SessionArg, order_id: Ref, request: JsonInput = None) -> Doc:
        """Ships some or all of the order's goods (``orders.manage``). ``request`` is None (every unit not shipped
        yet) or ``{"lines": [{"line": 0, "quantity": 2}], "carrier": "DHL", "tracking_number": "JD0001",
        "tracking_url": "https://...", "handed_over": True, "note": "..."}`` (lines by position; digital lines are
        never shipped; ``handed_over``: given to the shopper there and then, so delivered at once). The new
        shipment is the last of the order's ``shipments``; its ``fulfillment_status`` and ``status`` become
        ``"partially_shipped"`` or ``"shipped"`` (``"delivered"`` when handed over).
        :class:`~commerce.InvalidArgument` with ``details["field"]`` and ``details["reason"]`` (``unknown_line``,
        ``duplicate``, ``digital``, ``out_of_range``, ``nothing_to_ship``, ``format``: a tracking URL that is not
        ``http(s)://``), :class:`~commerce.Forbidden`, :class:`~commerce.NotFound` for an unknown order,
        :class:`~commerce.IllegalState` for a cancelled or completed order. Returns the ``order``."""
        return _result(self._native.ship_order(_session_arg(session), _order(order_id),
                                               _json_arg(request, "request", optional=True)))

    def update_shipment(self, session: SessionArg, order_id: Ref, shipment_id: Ref, request: JsonInput) -> Doc:
        """Moves a shipment of the order on (``orders.manage``): ``{"status": "out_for_delivery" | "delivered",
        "tracking_number": "...", "tracking_url": "https://...", "note": "..."}``, giving or correcting its
        tracking on the way. Once every unit of the order is delivered the order is ``"delivered"``.
        :class:`~commerce.NotFound` for an unknown order or a shipment of another order,
        :class:`~commerce.IllegalState` for a step back or a repeated step (``details["field"]``
        ``"shipment.status"``, ``details["current"]``, ``details["requested"]``),
        :class:`~commerce.InvalidArgument` for an unknown status, :class:`~commerce.Forbidden`. Returns the
        ``order``."""
        return _result(self._native.update_shipment(_session_arg(session), _order(order_id), _shipment(shipment_id),
                                                    _json_arg(request, "request")))

    def complete_order(self, session: SessionArg, order_id: Ref, request: JsonInput = None) -> Doc:
        """Completes an order (``orders.manage``): a delivered one, or a paid one with nothing to ship (digital
        goods), whose payment is settled (``captured``, ``partially_refunded`` or ``refunded``). ``request`` is
        None or ``{"note": "..."}``. :class:`~commerce.IllegalState` with ``details["reason"]``
        ``"not_delivered"`` or ``"unpaid"`` and the current state, :class:`~commerce.Forbidden`,
        :class:`~commerce.NotFound` for an unknown order. Returns the ``order``."""
        return _result(self._native.complete_order(_session_arg(session), _order(order_id),
                                                   _json_arg(request, "request", optional=True)))

    def sweep_orders(self, limit: int = 100) -> Doc:
        """Housekeeping for a timer (no session): cancels up to ``limit`` (1 to 10000) orders whose unpaid time
        (``orders.unpaid_expire_after_minutes`` of the engine config, for bank transfers) ran out on the engine's
        clock, as :meth:`cancel_order` does. Returns an ``order_sweep`` with the count ``expired``."""
        return _result(self._native.sweep_orders(_int64(limit, "limit")))

    # finding orders, receipts and invoices ----------------------------------------------------------------

    def search_orders(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """Every order of the store (``orders.read``), newest first; every criterion given must hold: ``{"status":
        "paid" or ["paid", "processing"], "payment_status": ..., "fulfillment_status": ..., "user_id": "...",
        "email": "ana@example.test", "number": "2026-0001" (a prefix), "from": ..., "to": ... (placed in ``[from,
        to)``: a timezone-aware :class:`~datetime.datetime` or RFC 3339 UTC text), "limit": 50 (1 to 200),
        "after": page["next"]}``, or None for every order. :class:`~commerce.Forbidden` without ``orders.read``,
        :class:`~commerce.InvalidArgument` with ``details["field"]`` and ``details["reason"]``
        (``unknown_status``, ``type``, ``format``, ``out_of_range``, ``unknown_member``). Returns an
        ``order_list`` page whose ``next`` is the cursor of the following page (None on the last)."""
        if isinstance(query, Mapping):
            query = {key: _moment(value, key) if key in ("from", "to") else value for key, value in query.items()}
        return _result(self._native.search_orders(_session_arg(session), _json_arg(query, "query", optional=True)))

    def order_receipt(self, session: SessionArg, order_id: Ref, options: JsonInput = None) -> Doc:
        """A plain-text receipt of the order for a till's printer, for its owner or ``orders.read``: ``options``
        is None or ``{"locale": "de-DE" (default: the catalog's default locale), "width": 42 (24 to 120)}``. No
        line of ``text`` is longer than ``width`` characters; money is written in the order's currency the
        locale's way (``"12,50 €"``), exactly. :class:`~commerce.NotFound` for an unknown order (or someone
        else's, to a customer), :class:`~commerce.InvalidArgument` (``details["field"]`` ``"locale"`` with
        reason ``"unknown_locale"``, or ``"width"``). Returns a ``receipt`` ``{"order_id", "number", "locale",
        "width", "text"}``."""
        return _result(self._native.order_receipt(_session_arg(session), _order(order_id),
                                                  _json_arg(options, "options", optional=True)))

    def order_invoice(self, session: SessionArg, order_id: Ref, options: JsonInput = None) -> Doc:
        """The invoice of the order, for its owner or ``orders.read``: ``options`` is None or ``{"locale":
        "de-DE"}``. Its number and issue time, ``bill_to`` and ``ship_to``, each line with its ``unit_price``,
        ``discount``, ``net``, ``tax`` and ``total``, the ``shipping``, the ``taxes`` by rate and the totals;
        the lines' totals plus ``shipping["total"]`` are ``total``. Every amount is a dict ``{"amount": "12.50",
        "currency": "EUR", "formatted": "12,50 €"}`` (``Decimal(amount["amount"])`` is exact; it is not a
        :class:`~commerce.Money`, whose documents have no ``formatted``). :class:`~commerce.NotFound`,
        :class:`~commerce.InvalidArgument` (``details["field"]`` ``"locale"``). Returns an ``invoice``."""
        return _result(self._native.order_invoice(_session_arg(session), _order(order_id),
                                                  _json_arg(options, "options", optional=True)))


__all__ = ["OrderMixin"]
