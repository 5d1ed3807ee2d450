"""Currency methods of :class:`commerce.Engine` (``include/commerce/currency.h``): the store's base and presentment
currencies, exchange rates with effective times, conversion at the rate in force at a moment, and sales in the base
currency at historical rates (docs/currencies.md).

A mixin: :class:`commerce.Engine` inherits these methods. Writing needs a session whose roles grant
``settings.manage``, reading rates and reports ``reports.read``. Rates are exact: give them as :class:`~decimal.Decimal`
or ``str``, never a float::

    engine.set_currency_settings(admin, {"base": "EUR", "presentment": [
        {"currency": "USD", "charm": {"step": "1", "ending": "0.99"}}]})
    engine.set_exchange_rate(admin, {"base": "EUR", "quote": "USD", "rate": Decimal("1.0850")})
    cart = engine.create_cart(None, "USD")  # EUR-only products are priced in USD, converted and charmed
    engine.convert_currency(admin, Money("10.00", "USD"), "EUR", at=datetime(2026, 11, 1, tzinfo=timezone.utc))
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import Any, Dict, Mapping, Union

from . import JsonInput, Money, SessionArg, _decimal_text, _int64, _json_arg, _opt_text, _session_arg, _text

_pkg = sys.modules[__package__]  # the commerce package (still initialising while it imports this module)

Text = Union[str, bytes]
Doc = Dict[str, Any]
Moment = Union[Text, datetime, None]


def _result(outcome):
    # looked up at call time, so that commerce._result stays the single decoding point
    return _pkg._result(outcome)


def _moment(value: Moment, what: str) -> Union[Text, None]:
    """An RFC 3339 UTC time as the engine reads it; a datetime must be timezone-aware."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        raise TypeError("%s needs a timezone-aware datetime" % what)
    utc = value.astimezone(timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (utc.microsecond // 1000)


class CurrencyMixin:
    """The ``currency.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    def set_currency_settings(self, session: SessionArg, settings: JsonInput, expected_version: int = 0) -> Doc:
        """Replaces the store's currency settings: ``{"base": "EUR", "presentment": [{"currency": "USD",
        "rounding_increment": "0.05", "rounding": "half_even", "charm": {"step": "1", "ending": "0.99"}}]}``;
        ``expected_version`` is the ``version`` of the ``currency_settings`` read before (0 while there is none).
        Returns the ``currency_settings``."""
        return _result(self._native.set_currency_settings(_session_arg(session), _json_arg(settings, "settings"),
                                                          _int64(expected_version, "expected_version")))

    def get_currency_settings(self, session: SessionArg) -> Doc:
        """The ``currency_settings`` (``definition`` is None while the store has none: no price is converted)."""
        return _result(self._native.get_currency_settings(_session_arg(session)))

    def set_exchange_rate(self, session: SessionArg, rate: Mapping[str, Any]) -> Doc:
        """Records ``{"base": "EUR", "quote": "USD", "rate": Decimal("1.0850"), "effective_at": datetime or
        str}`` (one base is worth ``rate`` quote from ``effective_at`` on, default now). Rates never change: a later
        one takes over. Returns the ``exchange_rate``."""
        wire = dict(rate)
        if "effective_at" in wire:
            wire["effective_at"] = _moment(wire["effective_at"], "effective_at")
        return _result(self._native.set_exchange_rate(_session_arg(session), _json_arg(wire, "rate")))

    def list_exchange_rates(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """Recorded rates, the most recent first: ``query`` is ``{"base", "quote", "limit", "after"}`` or None.
        Returns an ``exchange_rate_list``."""
        return _result(self._native.list_exchange_rates(_session_arg(session), _json_arg(query, "query", True)))

    def convert_currency(self, session: SessionArg, amount: Money, to: Text, at: Moment = None) -> Doc:
        """``amount`` in ``to`` at the rate in force at ``at`` (default now), half-even to the minor unit.
        :class:`~commerce.NotFound` when no rate was in force. Returns a ``currency_conversion`` whose
        ``converted`` is a :class:`~commerce.Money`."""
        if not isinstance(amount, Money):
            raise TypeError("amount must be a commerce.Money")
        return _result(self._native.convert_currency(_session_arg(session), _decimal_text(amount.amount).encode(),
                                                     _text(amount.currency, "currency"), _text(to, "to"),
                                                     _opt_text(_moment(at, "at"), "at")))

    def report_sales_in_base(self, session: SessionArg, query: JsonInput) -> Doc:
        """Sales from ``query["from"]`` to ``query["to"]`` (UTC days, inclusive) in the base currency, each order
        converted at the rate in force when it was placed. Returns a ``sales_report``."""
        return _result(self._native.report_sales_in_base(_session_arg(session), _json_arg(query, "query")))


__all__ = ["CurrencyMixin"]
