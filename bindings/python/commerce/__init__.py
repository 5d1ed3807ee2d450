"""commerce — an embeddable commerce engine, for Python.

A thin, hand-written layer over the SWIG module ``commerce.native`` (itself a wrapper of the C ABI in
``include/commerce/*.h``)::

    import commerce
    from decimal import Decimal

    with commerce.open(path=":memory:") as engine:
        admin = engine.bootstrap_admin("admin@example.com", "correct horse")
        session = engine.login("admin@example.com", "correct horse", context={"ip": "203.0.113.7"})
        product = engine.create_product(session, {
            "sku": "TSHIRT-M", "title": "T-shirt",
            "prices": [commerce.Money(Decimal("19.99"), "EUR")], "stock": 10})
        product["variants"][0]["prices"][0].amount      # Decimal('19.99')

Conventions:

* Documents come back as ``dict`` objects (``"type"``, ``"schema_version"``, ...). Every money object
  ``{"amount": "19.99", "currency": "EUR"}`` becomes a frozen :class:`Money` whose amount is a
  :class:`decimal.Decimal`. There is never a float: a float anywhere in an input raises :class:`TypeError`.
* JSON inputs accept a ``dict`` (values may be :class:`Money`, :class:`~decimal.Decimal`, ``str``, ``int``,
  ``bool``, ``None``, lists and dicts), or a ``str``/``bytes`` holding the JSON text, passed verbatim.
* String arguments accept ``str`` or ``bytes``; ``bytes`` are passed through unchanged and ``str`` is encoded as
  UTF-8 (lone surrogates included, so that the engine — the one place that validates — rejects them with
  :class:`InvalidArgument`).
* A session argument is the token ``str``, the session ``dict`` returned by :meth:`Engine.login`, or ``None``
  for "no session" (a guest cart, for example). Likewise a login challenge, an address, a user, an outbox
  event, a product, a variant, a category, a collection, a review or a reservation may be given as its id
  ``str`` or as the document itself.
* Optional arguments (a login ``context``, a list ``query``, ...) are ``None`` for "no value".
* The methods are grouped by header: accounts, sessions, two-factor authentication and addresses in
  ``commerce/_identity.py`` (``identity.h``), administration in ``commerce/_access.py`` (``access.h``), the
  outbox in ``commerce/_outbox.py`` (``outbox.h``), products, categories, collections, licence keys and product
  requests in ``commerce/_catalog.py`` (``catalog.h``), stock in ``commerce/_inventory.py`` (``inventory.h``),
  search in ``commerce/_search.py`` (``search.h``), reviews in ``commerce/_review.py`` (``review.h``), pricing in
  ``commerce/_pricing.py`` (``pricing.h``), price lists and customer groups in ``commerce/_price_list.py``
  (``pricing.h``, ``customer_group.h``), currencies in ``commerce/_currency.py`` (``currency.h``), wishlists in
  ``commerce/_wishlist.py`` (``wishlist.h``) and the order lifecycle (payment capture, refunds, cancellation,
  shipments and completion, the expiry sweep, the staff's order search, receipts and invoices) in
  ``commerce/_order.py`` (``order.h``); all are methods of :class:`Engine`; carts, checkout and placing, reading
  and listing orders are in this module.
* Failures raise :class:`CommerceError` subclasses carrying the stable ``code`` (see ``status.h``), its
  ``name``, the ``message`` and the ``details`` dict. A code this module does not know raises
  :class:`CommerceError` itself.
* :class:`Engine` is a context manager; :meth:`Engine.close` is idempotent and a call on a closed engine raises
  :class:`Misuse`. An engine may be used from several threads (the GIL is released during native calls).
"""

from __future__ import annotations

import json as _json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, Mapping, Optional, Sequence, Union

from . import native as _native

__all__ = [
    "Money", "Engine", "open", "version", "version_number", "status_name",
    "CommerceError", "InvalidArgument", "NotFound", "Exists", "IllegalState", "Conflict", "CurrencyMismatch",
    "CouponNotApplicable", "PaymentDeclined", "OutOfStock", "Unauthorized", "Forbidden", "StorageError",
    "NoMemory", "Misuse", "VersionMismatch", "BadKey", "Overflow", "error_class",
]

# --------------------------------------------------------------------------------------------------------
# Versions
# --------------------------------------------------------------------------------------------------------


def version() -> str:
    """The version of the loaded library, e.g. ``"0.1.0"``."""
    return _native.version()


def version_number() -> int:
    """The loaded library's version as MAJOR * 1000000 + MINOR * 1000 + PATCH."""
    return _native.version_number()


def status_name(code: int) -> str:
    """The stable name of a status code (``"COMMERCE_ERR_NOT_FOUND"``); ``"COMMERCE_ERR_UNKNOWN"`` if unknown."""
    return _native.status_name(int(code))


if _native.version_number() // 1000000 != _native.binding_version_number() // 1000000:
    raise ImportError(
        "commerce: the binding was built for library %d.x but library %s is loaded"
        % (_native.binding_version_number() // 1000000, _native.version()))

# --------------------------------------------------------------------------------------------------------
# Errors: one class per stable code (include/commerce/status.h). Codes never change meaning.
# --------------------------------------------------------------------------------------------------------


class CommerceError(Exception):
    """A failure reported by the engine. Also the class of the generic error and of unknown codes."""

    code: int = -1  # COMMERCE_ERR_GENERIC

    def __init__(self, message: str = "", *, code: Optional[int] = None, name: Optional[str] = None,
                 details: Optional[Dict[str, Any]] = None) -> None:
        super().__init__(message)
        self.code = type(self).code if code is None else int(code)
        self.name = name or status_name(self.code)
        self.message = message
        self.details = details if details is not None else {}

    def __str__(self) -> str:
        text = "%s (%d): %s" % (self.name, self.code, self.message or self.name)
        if self.details:
            text += " " + _json.dumps(self.details, ensure_ascii=False, default=str)
        return text

    def __reduce__(self):  # picklable across processes
        return (_rebuild_error, (self.code, self.name, self.message, self.details))


def _rebuild_error(code, name, message, details):
    return error_class(code)(message, code=code, name=name, details=details)


class InvalidArgument(CommerceError, ValueError):
    """Malformed or out-of-range input; ``details["field"]`` names the field."""
    code = -2


class NotFound(CommerceError):
    """The referenced record does not exist."""
    code = -3


class Exists(CommerceError):
    """A record with the same unique key already exists."""
    code = -4


class IllegalState(CommerceError):
    """The record is in a state that does not allow the operation."""
    code = -5


class Conflict(CommerceError):
    """A concurrent or earlier change conflicts (stale version, idempotency key reuse)."""
    code = -6


class CurrencyMismatch(CommerceError):
    code = -7


class CouponNotApplicable(CommerceError):
    code = -8


class PaymentDeclined(CommerceError):
    code = -9


class OutOfStock(CommerceError):
    """Not enough stock; details list the products."""
    code = -10


class Unauthorized(CommerceError):
    """No valid session, or wrong credentials."""
    code = -11


class Forbidden(CommerceError):
    """The session's roles do not allow the operation."""
    code = -12


class StorageError(CommerceError):
    code = -13


class NoMemory(CommerceError, MemoryError):
    code = -14


class Misuse(CommerceError):
    """The API was called wrongly, e.g. on a closed engine."""
    code = -15


class VersionMismatch(CommerceError):
    """The database was written by a newer library."""
    code = -16


class BadKey(CommerceError):
    """The encryption key is wrong or missing."""
    code = -17


class Overflow(CommerceError, OverflowError):
    """An amount or quantity exceeds the representable range."""
    code = -18


_ERRORS = {cls.code: cls for cls in (
    InvalidArgument, NotFound, Exists, IllegalState, Conflict, CurrencyMismatch, CouponNotApplicable,
    PaymentDeclined, OutOfStock, Unauthorized, Forbidden, StorageError, NoMemory, Misuse, VersionMismatch,
    BadKey, Overflow)}


def error_class(code: int) -> type:
    """The exception class for a status code; :class:`CommerceError` for the generic and unknown codes."""
    return _ERRORS.get(int(code), CommerceError)


def _raise_outcome(outcome) -> None:
    code = outcome.code()
    try:
        details = _json.loads(outcome.details() or "{}", parse_float=Decimal)
        if not isinstance(details, dict):
            details = {"value": details}
    except ValueError:
        details = {"raw": outcome.details()}
    name = outcome.name() or status_name(code)
    raise error_class(code)(outcome.message(), code=code, name=name, details=_from_wire(details)) from None


# --------------------------------------------------------------------------------------------------------
# Money
# --------------------------------------------------------------------------------------------------------


def _to_decimal(value: Any, what: str) -> Decimal:
    if isinstance(value, bool):
        raise TypeError("%s must be a Decimal, int or str, not bool" % what)
    if isinstance(value, float):
        raise TypeError("%s must be a Decimal, int or str, never a float (money is exact)" % what)
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError("%s is not a decimal number: %r" % (what, value)) from None
    else:
        raise TypeError("%s must be a Decimal, int or str, not %s" % (what, type(value).__name__))
    if not d.is_finite():
        raise ValueError("%s must be finite: %r" % (what, value))
    return d


@dataclass(frozen=True)
class Money:
    """An exact amount in a currency: ``Money(Decimal("19.99"), "EUR")``. ``amount`` may be given as a
    Decimal, int or str; a float is refused."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", _to_decimal(self.amount, "Money.amount"))
        if not isinstance(self.currency, str):
            raise TypeError("Money.currency must be a str such as 'EUR'")

    def __str__(self) -> str:
        return "%s %s" % (_decimal_text(self.amount), self.currency)

    def to_json(self) -> Dict[str, str]:
        """The wire form ``{"amount": "19.99", "currency": "EUR"}``."""
        return {"amount": _decimal_text(self.amount), "currency": self.currency}


def _decimal_text(d: Decimal) -> str:
    return format(d, "f")


# --------------------------------------------------------------------------------------------------------
# JSON in and out
# --------------------------------------------------------------------------------------------------------

JsonInput = Union[Mapping[str, Any], str, bytes, None]
SessionArg = Union[str, bytes, Mapping[str, Any], None]
ItemRef = Union[str, bytes, Mapping[str, Any]]  # a variant or single-variant product: its id, or its document


def _to_wire(value: Any, path: str = "$") -> Any:
    """Converts an input value to plain JSON types, refusing floats anywhere."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        raise TypeError("%s: float is not accepted (use Decimal or str for amounts)" % path)
    if isinstance(value, Money):
        return value.to_json()
    if isinstance(value, Decimal):
        return _decimal_text(_to_decimal(value, path))
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError("%s: JSON object keys must be str, not %s" % (path, type(k).__name__))
            out[k] = _to_wire(v, "%s.%s" % (path, k))
        return out
    if isinstance(value, (list, tuple)):
        return [_to_wire(v, "%s[%d]" % (path, i)) for i, v in enumerate(value)]
    raise TypeError("%s: %s is not JSON-serializable" % (path, type(value).__name__))


def _text(value: Union[str, bytes], what: str) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        # surrogatepass: text that is not valid UTF-8 reaches the engine, which answers INVALID_ARGUMENT.
        return value.encode("utf-8", "surrogatepass")
    raise TypeError("%s must be str or bytes, not %s" % (what, type(value).__name__))


def _json_arg(value: JsonInput, what: str, optional: bool = False) -> bytes:
    if value is None:
        if optional:
            return b""
        raise TypeError("%s is required" % what)
    if isinstance(value, (str, bytes)):
        return _text(value, what)
    if isinstance(value, Mapping):
        return _text(_json.dumps(_to_wire(value), ensure_ascii=False, separators=(",", ":")), what)
    raise TypeError("%s must be a dict or JSON text, not %s" % (what, type(value).__name__))


def _session_arg(session: SessionArg) -> bytes:
    if session is None:
        return b""
    if isinstance(session, Mapping):
        session = session.get("token")
        if not isinstance(session, (str, bytes)):
            raise TypeError("session dict has no 'token'")
    return _text(session, "session")


def _json_list_arg(value: Union[Sequence[Any], str, bytes, None], what: str) -> bytes:
    """A JSON array input: a list or tuple (e.g. of role names), or the JSON text itself."""
    if isinstance(value, (str, bytes)):
        return _text(value, what)
    if isinstance(value, (list, tuple)):
        return _text(_json.dumps(_to_wire(value), ensure_ascii=False, separators=(",", ":")), what)
    raise TypeError("%s must be a list or JSON text, not %s" % (what, type(value).__name__))


def _ref_arg(value: Union[str, bytes, Mapping[str, Any]], key: str, what: str) -> bytes:
    """An id argument given as the id itself or as the document holding it under ``key``."""
    if isinstance(value, Mapping):
        value = value.get(key)
        if not isinstance(value, (str, bytes)):
            raise TypeError("%s dict has no %r" % (what, key))
    return _text(value, what)


def _opt_text(value: Union[str, bytes, None], what: str) -> bytes:
    return b"" if value is None else _text(value, what)


def _int64(q: Any, what: str) -> int:
    if isinstance(q, bool) or not isinstance(q, int):
        raise TypeError("%s must be an int, not %s" % (what, type(q).__name__))
    if not -(2 ** 63) <= q < 2 ** 63:
        raise Overflow("%s does not fit in 64 bits" % what, details={"field": what})
    return q


def _quantity(q: Any) -> int:
    return _int64(q, "quantity")


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MILLISECOND = timedelta(milliseconds=1)


def _is_money(d: Mapping[str, Any]) -> bool:
    return (len(d) == 2 and isinstance(d.get("amount"), str) and isinstance(d.get("currency"), str))


def _from_wire(value: Any) -> Any:
    """Turns every {"amount": "...", "currency": "..."} object into Money, recursively."""
    if isinstance(value, dict):
        if _is_money(value):
            try:
                return Money(Decimal(value["amount"]), value["currency"])
            except (InvalidOperation, ValueError):
                return value
        return {k: _from_wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_wire(v) for v in value]
    return value


def _result(outcome) -> Optional[Dict[str, Any]]:
    if not outcome.ok():
        _raise_outcome(outcome)
    if not outcome.has_document():
        return None
    return _from_wire(_json.loads(outcome.json(), parse_float=Decimal))


# --------------------------------------------------------------------------------------------------------
# Engine
# --------------------------------------------------------------------------------------------------------


from ._identity import IdentityMixin as _IdentityMixin  # noqa: E402 - the mixins use the helpers above
from ._access import AccessMixin as _AccessMixin  # noqa: E402
from ._outbox import OutboxMixin as _OutboxMixin  # noqa: E402
from ._catalog import CatalogMixin as _CatalogMixin  # noqa: E402
from ._inventory import InventoryMixin as _InventoryMixin  # noqa: E402
from ._search import SearchMixin as _SearchMixin  # noqa: E402
from ._review import ReviewMixin as _ReviewMixin  # noqa: E402
from ._pricing import PricingMixin as _PricingMixin  # noqa: E402
from ._price_list import PriceListMixin as _PriceListMixin  # noqa: E402
from ._currency import CurrencyMixin as _CurrencyMixin  # noqa: E402
from ._wishlist import WishlistMixin as _WishlistMixin  # noqa: E402
from ._order import OrderMixin as _OrderMixin  # noqa: E402


class Engine(_IdentityMixin, _AccessMixin, _OutboxMixin, _CatalogMixin, _InventoryMixin, _SearchMixin,
             _ReviewMixin, _PricingMixin, _PriceListMixin, _CurrencyMixin, _WishlistMixin, _OrderMixin):
    """One store over one database file. Create it with :meth:`Engine.open` or :func:`open`.

    Besides the methods below it has those of ``identity.h`` (accounts, sessions, two-factor authentication,
    addresses: :meth:`register_user`, :meth:`login`, ...), of ``access.h`` (administration:
    :meth:`list_users`, :meth:`define_role`, :meth:`list_audit`, ...), of ``outbox.h``
    (:meth:`fetch_outbox`, :meth:`ack_event`, :meth:`fail_event`), of ``catalog.h`` (products, variants,
    categories, collections, licence keys, product requests: :meth:`create_product`, :meth:`view_product`,
    :meth:`category_tree`, ...), of ``inventory.h`` (:meth:`adjust_stock`, :meth:`transfer_stock`,
    :meth:`stock_level`, :meth:`reserve_stock`, ...), of ``search.h`` (:meth:`search`) and of ``review.h``
    (:meth:`submit_review`, :meth:`moderate_review`, :meth:`list_reviews`, ...)."""

    __slots__ = ("_native", "__weakref__")

    def __init__(self, config: JsonInput = None, **options: Any) -> None:
        if config is None:
            config = {}
        if options:
            if not isinstance(config, Mapping):
                raise TypeError("keyword options need a dict config")
            config = {**config, **options}
        self._native = None
        n = _native.Engine(_json_arg(config, "config"))
        _result(n.open_outcome())
        self._native = n

    @classmethod
    def open(cls, config: JsonInput = None, **options: Any) -> "Engine":
        """Opens (creating if needed) a store: ``Engine.open({"path": "shop.db", "key": "secret"})`` or
        ``Engine.open(path=":memory:")``. See ``include/commerce/engine.h`` for the members."""
        return cls(config, **options)

    # lifecycle ------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Closes the store. Idempotent; later calls raise :class:`Misuse`."""
        if self._native is not None:
            self._native.close()

    @property
    def closed(self) -> bool:
        return self._native is None or self._native.closed()

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return "<commerce.Engine %s>" % ("closed" if self.closed else "open")

    # engine ---------------------------------------------------------------------------------------------

    def info(self) -> Dict[str, Any]:
        """An ``engine_info`` document."""
        return _result(self._native.info())

    def rekey(self, new_key: Union[str, bytes]) -> None:
        """Re-encrypts an encrypted store with ``new_key``."""
        _result(self._native.rekey(_text(new_key, "new_key")))

    def set_time(self, when: Union[int, datetime]) -> None:
        """Moves the manual clock (config ``"clock": "manual"``) to ``when``: milliseconds since 1970 UTC, or
        a timezone-aware :class:`~datetime.datetime`. :class:`Misuse` for a system clock,
        :class:`InvalidArgument` for a time before the current one (time never runs backwards)."""
        if isinstance(when, datetime):
            if when.tzinfo is None:
                raise TypeError("set_time needs a timezone-aware datetime")
            when = (when - _EPOCH) // _MILLISECOND
        _result(self._native.set_time(_int64(when, "unix_ms")))

    def advance_time(self, delta: Union[int, timedelta]) -> None:
        """Moves the manual clock forward by ``delta``: milliseconds (>= 0) or a :class:`~datetime.timedelta`.
        Same errors as :meth:`set_time`."""
        if isinstance(delta, timedelta):
            delta = delta // _MILLISECOND
        _result(self._native.advance_time(_int64(delta, "delta_ms")))

    # carts ----------------------------------------------------------------------------------------------

    def create_cart(self, session: SessionArg, currency: Union[str, bytes]) -> Dict[str, Any]:
        """Creates a cart (a guest cart when ``session`` is None); returns the ``cart``."""
        return _result(self._native.create_cart(_session_arg(session), _text(currency, "currency")))

    def get_cart(self, session: SessionArg, cart_id: Union[str, bytes]) -> Dict[str, Any]:
        return _result(self._native.get_cart(_session_arg(session), _text(cart_id, "cart_id")))

    def find_open_cart(self, session: SessionArg, currency: Union[str, bytes]) -> Dict[str, Any]:
        """The signed-in user's most recently changed open ``cart`` in ``currency``: the cart they left on another
        device or before logging out. :class:`NotFound` when there is none, :class:`Unauthorized` without a
        session."""
        return _result(self._native.find_open_cart(_session_arg(session), _text(currency, "currency")))

    def get_cart_totals(self, session: SessionArg, cart_id: Union[str, bytes]) -> Dict[str, Any]:
        """Reprices the cart as :meth:`get_cart` does and returns only the parts of its total: a
        ``cart_totals`` (``cart_id``, ``currency``, ``item_count`` and ``totals``). Cheaper than the whole cart,
        for a running total after every change."""
        return _result(self._native.get_cart_totals(_session_arg(session), _text(cart_id, "cart_id")))

    def add_item(self, session: SessionArg, cart_id: Union[str, bytes], item_id: ItemRef,
                 quantity: int) -> Dict[str, Any]:
        """Adds ``quantity`` (>= 1) of a variant; adding a variant already in the cart raises its quantity.
        ``item_id`` is a variant id, or the id of a product that has exactly one variant (or the variant or
        product document). The product must be published and the variant must have a price in the cart's
        currency (:class:`CurrencyMismatch` otherwise). Returns the whole ``cart``."""
        return _result(self._native.add_item(_session_arg(session), _text(cart_id, "cart_id"),
                                             _ref_arg(item_id, "id", "item_id"), _quantity(quantity)))

    def update_item(self, session: SessionArg, cart_id: Union[str, bytes], item_id: ItemRef,
                    quantity: int) -> Dict[str, Any]:
        """Sets the quantity (>= 1) of a variant already in the cart (``item_id`` as for :meth:`add_item`);
        returns the ``cart``."""
        return _result(self._native.update_item(_session_arg(session), _text(cart_id, "cart_id"),
                                                _ref_arg(item_id, "id", "item_id"), _quantity(quantity)))

    def remove_item(self, session: SessionArg, cart_id: Union[str, bytes], item_id: ItemRef) -> Dict[str, Any]:
        """Removes a variant from the cart (``item_id`` as for :meth:`add_item`); returns the ``cart``."""
        return _result(self._native.remove_item(_session_arg(session), _text(cart_id, "cart_id"),
                                                _ref_arg(item_id, "id", "item_id")))

    def set_item_details(self, session: SessionArg, cart_id: Union[str, bytes], item_id: ItemRef,
                         details: JsonInput) -> Dict[str, Any]:
        """A line's ``{"note": text or None, "attributes": {name: text} or None}``: each member given replaces
        (None clears) the note or the whole attribute map. Orders keep them. Returns the ``cart``."""
        return _result(self._native.set_item_details(_session_arg(session), _text(cart_id, "cart_id"),
                                                     _ref_arg(item_id, "id", "item_id"), _json_arg(details, "details")))

    def merge_cart(self, session: SessionArg, guest_cart_id: Union[str, bytes]) -> Dict[str, Any]:
        """After a login: folds the guest cart into the user's open cart in that currency by the configured
        ``carts.merge_policy`` (or makes it theirs); the guest cart becomes ``"merged"``. Returns the user's
        ``cart``."""
        return _result(self._native.merge_cart(_session_arg(session), _text(guest_cart_id, "cart_id")))

    def sweep_carts(self, limit: int = 1000) -> Dict[str, Any]:
        """Housekeeping for a timer: reports carts idle past ``carts.abandon_after_minutes`` once
        (``cart.abandoned`` in the outbox, with a ``recovery_token``) and deletes carts idle past
        ``carts.expire_after_days``. Returns a ``cart_sweep`` with the counts."""
        return _result(self._native.sweep_carts(_int64(limit, "limit")))

    def recover_cart(self, token: Union[str, bytes]) -> Dict[str, Any]:
        """The abandoned ``cart`` a recovery token names; :class:`NotFound` once it changed or is gone."""
        return _result(self._native.recover_cart(_text(token, "token")))

    # checkout and orders --------------------------------------------------------------------------------

    def place_order(self, session: SessionArg, cart_id: Union[str, bytes], request: JsonInput) -> Dict[str, Any]:
        """Places an order from a cart in one transaction, e.g. ``{"payment": {"method": "manual", "kind": "cash",
        "tendered": Decimal("50.00")}, "idempotency_key": "k1"}``. The request may also carry
        ``"shipping_address"`` and ``"billing_address"`` (each a whole address ``{"name", "company", "line1",
        "line2", "city", "region", "postal_code", "country", "phone"}`` or ``{"address_id": ...}`` from the
        user's book; billing defaults to shipping), kept with the order; and ``"expected"``, the totals the
        shopper saw (any of ``"total"``, ``"subtotal"``, ``"discount_total"``, ``"shipping_total"``,
        ``"tax_total"`` as :class:`Money`, and ``"items"`` ``[{"variant_id", "quantity", "unit_price"}]``), each
        of which must still hold. :class:`Conflict` for an idempotency key used for another request, or with
        ``details["reason"]`` ``"totals_changed"`` and ``details["changes"]`` ``[{"field", "expected",
        "actual"}]`` (every difference) when the cart no longer prices as expected; :class:`InvalidArgument`
        for an address (``details["field"]`` names the member, e.g. ``"billing_address.line1"``) or with
        reason ``"not_the_priced_address"`` for a shipping address elsewhere than the cart was priced for;
        :class:`OutOfStock` (the details list the products short); :class:`IllegalState` for an empty or
        completed cart; :class:`Forbidden` for a terminal reference without ``orders.manage``. Returns the
        ``order``."""
        return _result(self._native.place_order(_session_arg(session), _text(cart_id, "cart_id"),
                                                _json_arg(request, "request")))

    def get_order(self, session: SessionArg, order_id: Union[str, bytes]) -> Dict[str, Any]:
        return _result(self._native.get_order(_session_arg(session), _text(order_id, "order_id")))

    def list_orders(self, session: SessionArg, query: JsonInput = None) -> Dict[str, Any]:
        """The session user's orders, newest first (an ``order_list`` page)."""
        return _result(self._native.list_orders(_session_arg(session), _json_arg(query, "query", optional=True)))


def open(config: JsonInput = None, **options: Any) -> Engine:  # noqa: A001 - mirrors io.open / sqlite3.connect
    """Opens a store; same as :meth:`Engine.open`. Use it as a context manager."""
    return Engine(config, **options)
