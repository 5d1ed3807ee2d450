"""Pricing methods of :class:`commerce.Engine` (``include/commerce/pricing.h`` and the pricing inputs of
``include/commerce/cart.h``): promotions with coupons and single-use codes, the store's tax definition and
shipping methods, and what a cart carries for pricing (coupon codes, a shipping address, a sales channel, a
shipping method).

A mixin: :class:`commerce.Engine` inherits these methods. Promotions need a session whose roles grant
``promotions.write``, the tax and shipping definitions ``settings.manage``. A cart is priced afresh on every read: its
document lists each discount, each tax, every coupon's status and each promotion that did not apply, and its
parts always add up to its ``total``::

    engine.set_tax_definition(admin, {"origin": {"country": "DE"}, "zones": [
        {"id": "de", "country": "DE", "rates": {"standard": [{"name": "VAT", "rate": "19"}]}}]})
    engine.create_promotion(admin, {"id": "spring", "name": "Spring", "code": "SPRING",
                                    "action": {"type": "percentage_off_order", "percent": "10"}})
    cart = engine.apply_coupon(None, cart["id"], "spring")
    cart["discount_total"], cart["tax_total"], cart["total"]
"""

from __future__ import annotations

from typing import Union

from . import JsonInput, SessionArg, _int64, _json_arg, _opt_text, _ref_arg, _session_arg, _text
from ._mixin import Doc, Ref, Text, _result


def _promotion(promotion_id: Ref) -> bytes:
    return _ref_arg(promotion_id, "id", "promotion_id")


def _cart(cart_id: Ref) -> bytes:
    return _ref_arg(cart_id, "id", "cart_id")


class PricingMixin:
    """The ``pricing.h`` methods, and the pricing inputs of carts, of :class:`commerce.Engine`."""

    __slots__ = ()

    # promotions -----------------------------------------------------------------------------------------

    def create_promotion(self, session: SessionArg, definition: JsonInput) -> Doc:
        """Creates a promotion from its definition (docs/promotions.md), plus ``"requires_code": True`` for one
        that applies only through generated single-use codes. :class:`~commerce.Exists` when the id or code is
        taken. Returns the ``promotion``."""
        return _result(self._native.create_promotion(_session_arg(session), _json_arg(definition, "definition")))

    def update_promotion(self, session: SessionArg, promotion_id: Ref, definition: JsonInput,
                         expected_version: int) -> Doc:
        """Replaces a promotion's definition; ``expected_version`` is the ``version`` read before
        (:class:`~commerce.Conflict` when it changed since). Returns the ``promotion``."""
        return _result(self._native.update_promotion(_session_arg(session), _promotion(promotion_id),
                                                     _json_arg(definition, "definition"),
                                                     _int64(expected_version, "expected_version")))

    def set_promotion_status(self, session: SessionArg, promotion_id: Ref, status: Text) -> Doc:
        """``"active"`` or ``"archived"`` (an archived promotion applies to no cart). Returns the ``promotion``."""
        return _result(self._native.set_promotion_status(_session_arg(session), _promotion(promotion_id),
                                                         _text(status, "status")))

    def get_promotion(self, session: SessionArg, promotion_id: Ref) -> Doc:
        """The ``promotion`` with its ``usage_count``."""
        return _result(self._native.get_promotion(_session_arg(session), _promotion(promotion_id)))

    def list_promotions(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """Promotions by id: ``query`` is ``{"status": "active" | "archived", "limit": 50, "after": cursor}`` or
        None. Returns a ``promotion_list``."""
        return _result(self._native.list_promotions(_session_arg(session), _json_arg(query, "query", optional=True)))

    def generate_promotion_codes(self, session: SessionArg, promotion_id: Ref, count: int,
                                 prefix: Union[Text, None] = None) -> Doc:
        """``count`` (1..10000) single-use codes for a promotion created with ``requires_code``, each
        ``PREFIX-`` and 16 random characters. Returns a ``promotion_code_batch``."""
        return _result(self._native.generate_promotion_codes(_session_arg(session), _promotion(promotion_id),
                                                             _int64(count, "count"), _opt_text(prefix, "prefix")))

    # taxes ----------------------------------------------------------------------------------------------

    def set_tax_definition(self, session: SessionArg, definition: JsonInput, expected_version: int = 0) -> Doc:
        """Replaces the store's tax definition (docs/taxes.md); ``expected_version`` is the ``version`` of the
        ``tax_settings`` read before (0 while there is none). Returns the ``tax_settings``."""
        return _result(self._native.set_tax_definition(_session_arg(session), _json_arg(definition, "definition"),
                                                       _int64(expected_version, "expected_version")))

    def get_tax_definition(self, session: SessionArg) -> Doc:
        """The ``tax_settings`` (``definition`` is None while the store has none: nothing is taxed)."""
        return _result(self._native.get_tax_definition(_session_arg(session)))

    # shipping -------------------------------------------------------------------------------------------

    def set_shipping_definition(self, session: SessionArg, definition: JsonInput, expected_version: int = 0) -> Doc:
        """Replaces the store's shipping methods (docs/shipping.md); ``expected_version`` as for the tax
        definition. Returns the ``shipping_settings``."""
        return _result(self._native.set_shipping_definition(_session_arg(session),
                                                            _json_arg(definition, "definition"),
                                                            _int64(expected_version, "expected_version")))

    def get_shipping_definition(self, session: SessionArg) -> Doc:
        """The ``shipping_settings`` (``definition`` is None while the store has none: no cart pays shipping)."""
        return _result(self._native.get_shipping_definition(_session_arg(session)))

    # what a cart carries for pricing --------------------------------------------------------------------

    def apply_coupon(self, session: SessionArg, cart_id: Ref, code: Text) -> Doc:
        """Enters a coupon code (any case). :class:`~commerce.CouponNotApplicable` when no active promotion
        has it (``details["reason"] == "unknown_code"``) or its promotion does not apply to the cart now (the
        engine's reason: ``"expired"``, ``"min_subtotal_not_met"``, ``"usage_limit_reached"``...); the cart is
        then unchanged. Returns the ``cart``."""
        return _result(self._native.apply_coupon(_session_arg(session), _cart(cart_id), _text(code, "code")))

    def remove_coupon(self, session: SessionArg, cart_id: Ref, code: Text) -> Doc:
        """Takes a coupon code off the cart; returns the ``cart``."""
        return _result(self._native.remove_coupon(_session_arg(session), _cart(cart_id), _text(code, "code")))

    def update_cart(self, session: SessionArg, cart_id: Ref, changes: JsonInput) -> Doc:
        """``{"shipping_address": {"country", "region", "postal_code"} or None, "channel": "web" | "pos" |
        ..., "shipping_method": id or None, "display_currency": code or None}``: the address picks the tax zone
        (taxes are estimated at the store's origin without one) and the shipping methods offered; another channel
        than ``"web"`` needs a staff session; the method must be one of the cart's ``shipping_methods``; the
        display currency needs a rate in force from the cart's (docs/currencies.md). Returns the ``cart``."""
        return _result(self._native.update_cart(_session_arg(session), _cart(cart_id), _json_arg(changes, "changes")))


__all__ = ["PricingMixin"]
