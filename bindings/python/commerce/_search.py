"""Search method of :class:`commerce.Engine` (``include/commerce/search.h``): full-text search over published
products per locale, with prefix matching, diacritics folding and typo tolerance; filters, facets, sorting and
pagination. Needs no session; user text is data (quotes, ``*``, ``NEAR`` or ``-`` are never query syntax)::

    result = engine.search({"q": "eldn rin", "locale": "pt-BR", "currency": "EUR",
                            "filters": {"tags": ["rpg"], "price": {"min": Decimal("10"), "max": "60.00"}},
                            "facets": ["categories", "tags", "price"], "sort": "relevance", "limit": 20})
    result["corrected_query"]   # "elden ring", when the query was corrected for a typo
"""

from __future__ import annotations

from typing import Any, Dict

from . import JsonInput, _json_arg
from ._mixin import _result


class SearchMixin:
    """The ``search.h`` method of :class:`commerce.Engine`."""

    __slots__ = ()

    def search(self, query: JsonInput = None) -> Dict[str, Any]:
        """Searches published products: ``query`` is ``{"q": "...", "locale": "pt-BR", "currency": "EUR",
        "filters": {"category_id": ..., "tags": [...], "attributes": {"platform": ["pc"]}, "price": {"min":
        "10.00", "max": "60.00"}, "min_rating": 4, "in_stock": True}, "facets": ["categories", "tags",
        "attributes", "price"], "price_buckets": ["10.00", "25.00", "50.00"], "sort": "relevance" |
        "price_asc" | "price_desc" | "newest" | "rating" | "best_selling", "limit": 20, "after": cursor}`` (or
        ``"page"``), every member optional; None lists every published product. ``"category_id"`` includes its
        descendants; prices, the price filter and price facets need ``"currency"``. Returns a ``search_result``
        with ``items``, ``total``, ``facets``, ``next`` and, when the query was corrected for a typo,
        ``corrected_query``."""
        return _result(self._native.search(_json_arg(query, "query", optional=True)))


__all__ = ["SearchMixin"]
