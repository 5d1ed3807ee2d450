"""Catalog methods of :class:`commerce.Engine` (``include/commerce/catalog.h``): products with options and
variants, the localized product view, barcode lookup, categories, collections, licence keys of digital products
and product requests.

A mixin: :class:`commerce.Engine` inherits these methods. Writes need a session whose roles grant
``catalog.write`` (:class:`~commerce.Forbidden` otherwise); reads need none. A product, variant, category,
collection or product request argument may be given as its id ``str`` or as the document itself::

    product = engine.create_product(admin, {
        "title": "Elden Ring", "kind": "digital", "status": "published",
        "options": [{"name": "Edition", "values": ["Standard", "Deluxe"]}],
        "variants": [
            {"sku": "ER-STD", "options": {"Edition": "Standard"}, "prices": [Money("59.99", "EUR")]},
            {"sku": "ER-DLX", "options": {"Edition": "Deluxe"}, "prices": [Money("79.99", "EUR")]}],
        "translations": {"pt-BR": {"title": "Elden Ring", "options": {"Edition": "Edição"}}}})
    view = engine.view_product(product["slug"], "pt-BR")   # a "product_view" in Portuguese
"""

from __future__ import annotations

from typing import Sequence, Union

from . import JsonInput, SessionArg, _int64, _json_arg, _json_list_arg, _opt_text, _ref_arg, _session_arg, _text
from ._mixin import Doc, Ref, Text, _result


def _id(value: Ref, what: str) -> bytes:
    return _ref_arg(value, "id", what)


def _opt_id(value: Union[Ref, None], what: str) -> bytes:
    return b"" if value is None else _ref_arg(value, "id", what)


class CatalogMixin:
    """The ``catalog.h`` methods of :class:`commerce.Engine`."""

    __slots__ = ()

    # products -------------------------------------------------------------------------------------------

    def create_product(self, session: SessionArg, product: JsonInput) -> Doc:
        """Creates a product (``catalog.write``); returns the ``product``. The full form is ``{"slug", "title",
        "description", "kind": "physical" | "digital", "status": "draft" | "published" | "archived",
        "publish_at", "seo": {"title", "description"}, "category_ids", "tags", "attributes", "images":
        [{"url", "alt"}], "digital": {"licence_type", "asset"}, "options": [{"name", "values"}], "variants":
        [{"sku", "options", "barcode", "prices", "weight_grams", "dimensions_mm", "low_stock_threshold",
        "backorder_limit", "stock"}], "translations": {locale: {"title", "description", "seo", "options"}}}``.
        A product without options may give its single variant's members (``sku``, ``prices``, ``stock``, ...)
        at the top level. A missing slug is made from the title. A duplicate SKU, slug or barcode is
        :class:`~commerce.Exists`; a bad barcode check digit, a negative price or an unknown locale is
        :class:`~commerce.InvalidArgument`; nothing is written then."""
        return _result(self._native.create_product(_session_arg(session), _json_arg(product, "product")))

    def update_product(self, session: SessionArg, product_id: Ref, patch: JsonInput) -> Doc:
        """Changes the members present in ``patch`` (``catalog.write``): a list replaces the whole list; a
        variant with an ``"id"`` is updated, one without is added, variants left out are removed;
        ``"translations"`` merges per locale and a ``None`` locale removes it. ``"expected_version"`` makes the
        update fail with :class:`~commerce.Conflict` if the product changed meanwhile. Stock is not changed here
        (see :meth:`adjust_stock`). Returns the ``product``."""
        return _result(self._native.update_product(_session_arg(session), _id(product_id, "product_id"),
                                                   _json_arg(patch, "patch")))

    def get_product(self, product_id: Ref) -> Doc:
        """A ``product`` with every translation (drafts included). Needs no session."""
        return _result(self._native.get_product(_id(product_id, "product_id")))

    def view_product(self, id_or_slug: Ref, locale: Union[Text, None] = None) -> Doc:
        """The product as a shopper in ``locale`` sees it (a ``product_view``): texts and option labels in the
        first locale of the chain ``locale`` → its language → the store's default that has them. ``id_or_slug``
        is a product id or slug; ``locale`` None is the store default. Drafts, archived and not-yet-scheduled
        products are :class:`~commerce.NotFound`."""
        return _result(self._native.view_product(_id(id_or_slug, "id_or_slug"), _opt_text(locale, "locale")))

    def list_products(self, query: JsonInput = None) -> Doc:
        """Products for admin screens, in creation order (a ``product_list``): ``query`` is ``{"status":
        "draft", "category_id": ..., "collection_id": ..., "tag": "rpg", "search": "ring", "limit": 50,
        "after": cursor}`` or ``{"page": 3, "limit": 50}`` (which also returns ``"total"``), or None for all.
        ``"search"`` matches the title, slug or a SKU."""
        return _result(self._native.list_products(_json_arg(query, "query", optional=True)))

    def delete_product(self, session: SessionArg, product_id: Ref) -> None:
        """Deletes a product and its variants (``catalog.write``). Orders keep their own snapshot."""
        _result(self._native.delete_product(_session_arg(session), _id(product_id, "product_id")))

    def variant_by_barcode(self, barcode: Text) -> Doc:
        """The variant a scanner read (EAN-13, UPC-A or EAN-8, check digit validated; a UPC-A and its EAN-13
        form find the same variant): a ``variant_match`` with the product, the variant, its prices and stock.
        :class:`~commerce.NotFound` when no variant has the code."""
        return _result(self._native.variant_by_barcode(_text(barcode, "barcode")))

    # categories -----------------------------------------------------------------------------------------

    def create_category(self, session: SessionArg, category: JsonInput) -> Doc:
        """Creates a category (``catalog.write``): ``{"slug": "games", "name": "Games", "description": "...",
        "parent_id": None, "position": 0}``. Returns the ``category``."""
        return _result(self._native.create_category(_session_arg(session), _json_arg(category, "category")))

    def update_category(self, session: SessionArg, category_id: Ref, patch: JsonInput) -> Doc:
        """Changes ``name``, ``slug``, ``description`` (``catalog.write``); returns the ``category``."""
        return _result(self._native.update_category(_session_arg(session), _id(category_id, "category_id"),
                                                    _json_arg(patch, "patch")))

    def move_category(self, session: SessionArg, category_id: Ref, parent_id: Union[Ref, None],
                      position: int = 0) -> Doc:
        """Moves a category under ``parent_id`` (None for the top level) at ``position`` (0 first; siblings
        shift). Moving a category under itself or a descendant is :class:`~commerce.InvalidArgument`. Returns
        the ``category``."""
        return _result(self._native.move_category(_session_arg(session), _id(category_id, "category_id"),
                                                  _opt_id(parent_id, "parent_id"), _int64(position, "position")))

    def delete_category(self, session: SessionArg, category_id: Ref) -> None:
        """Deletes a category without children (:class:`~commerce.IllegalState` otherwise); its products leave
        it."""
        _result(self._native.delete_category(_session_arg(session), _id(category_id, "category_id")))

    def category_tree(self, category_id: Union[Ref, None] = None) -> Doc:
        """The tree under ``category_id``, or the whole tree for None: a ``category_tree`` of nested
        ``children`` in position order, each with its product count including descendants."""
        return _result(self._native.category_tree(_opt_id(category_id, "category_id")))

    # collections ----------------------------------------------------------------------------------------

    def create_collection(self, session: SessionArg, collection: JsonInput) -> Doc:
        """Creates a collection (``catalog.write``): ``{"slug": "summer-sale", "title": "...", "description":
        "...", "product_ids": [...]}``. Returns the ``collection``."""
        return _result(self._native.create_collection(_session_arg(session), _json_arg(collection, "collection")))

    def update_collection(self, session: SessionArg, collection_id: Ref, patch: JsonInput) -> Doc:
        """Changes ``title``, ``slug``, ``description``; ``product_ids`` replaces the members in that order.
        Returns the ``collection``."""
        return _result(self._native.update_collection(_session_arg(session), _id(collection_id, "collection_id"),
                                                      _json_arg(patch, "patch")))

    def get_collection(self, id_or_slug: Ref) -> Doc:
        """A ``collection`` by id or slug. Needs no session."""
        return _result(self._native.get_collection(_id(id_or_slug, "id_or_slug")))

    def delete_collection(self, session: SessionArg, collection_id: Ref) -> None:
        """Deletes a collection (``catalog.write``); its products stay."""
        _result(self._native.delete_collection(_session_arg(session), _id(collection_id, "collection_id")))

    # digital products -----------------------------------------------------------------------------------

    def import_licence_keys(self, session: SessionArg, variant_id: Ref, keys: Union[Sequence[str], Text]) -> Doc:
        """Imports licence keys for a digital variant (``catalog.write``): ``keys`` is a list of 1 to 10000 keys
        of 1 to 256 bytes (or its JSON text). Keys already in the pool are skipped and counted. Each key is
        handed out once, to one unit sold. Returns the ``licence_pool``."""
        return _result(self._native.import_licence_keys(_session_arg(session), _id(variant_id, "variant_id"),
                                                        _json_list_arg(keys, "keys")))

    def licence_pool(self, session: SessionArg, variant_id: Ref) -> Doc:
        """The counts of a variant's key pool (``catalog.write``): a ``licence_pool``."""
        return _result(self._native.licence_pool(_session_arg(session), _id(variant_id, "variant_id")))

    # product requests -----------------------------------------------------------------------------------

    def create_product_request(self, session: SessionArg, request: JsonInput) -> Doc:
        """A signed-in user asks for a product the shop does not have: ``{"title": "...", "details": "..."}``.
        Returns the ``product_request``."""
        return _result(self._native.create_product_request(_session_arg(session), _json_arg(request, "request")))

    def list_product_requests(self, session: SessionArg, query: JsonInput = None) -> Doc:
        """Requests, newest first (a ``product_request_list``): ``query`` is ``{"status": "open" |
        "fulfilled", "limit": 50, "after": cursor}`` or None. A user sees their own; ``catalog.write`` sees
        everyone's."""
        return _result(self._native.list_product_requests(_session_arg(session),
                                                          _json_arg(query, "query", optional=True)))

    def fulfill_product_request(self, session: SessionArg, request_id: Ref, product_id: Ref) -> Doc:
        """Marks a request fulfilled by a product (``catalog.write``) and emits ``product_request.fulfilled``
        for the requester. Returns the ``product_request``."""
        return _result(self._native.fulfill_product_request(_session_arg(session), _id(request_id, "request_id"),
                                                            _id(product_id, "product_id")))


__all__ = ["CatalogMixin"]
