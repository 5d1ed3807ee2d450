/* commerce — search and discovery over published products: full text per locale with weighted ranking,
 * prefix matching while typing, diacritics folding and typo tolerance; filters, facets, sorting and pagination.
 * Needs no session. User text is data: quotes, '*', NEAR or '-' never reach the index as syntax.
 * See docs/search.md. */
#ifndef COMMERCE_SEARCH_H
#define COMMERCE_SEARCH_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Searches with
 *   {"q": "eldn rin", "locale": "pt-BR", "currency": "EUR",
 *    "filters": {"category_id": "...", "tags": ["rpg"], "attributes": {"platform": ["pc"]},
 *                "price": {"min": "10.00", "max": "60.00"}, "min_rating": 4, "in_stock": true},
 *    "facets": ["categories", "tags", "attributes", "price"], "price_buckets": ["10.00", "25.00", "50.00"],
 *    "sort": "relevance" | "price_asc" | "price_desc" | "newest" | "rating" | "best_selling",
 *    "limit": 20, "after": "<cursor>"} or {"page": 2, "limit": 20}
 * Every member is optional; an empty "q" lists every product that passes the filters. "category_id" includes
 * its descendants. Prices, the price filter and price facets use "currency" (required with any of them).
 * Returns a "search_result" with "items", "total", "facets", "next" and, when the query was corrected for a
 * typo, "corrected_query". */
COMMERCE_API commerce_status commerce_search(commerce_doc **out, commerce_engine *engine, const char *query_json);

COMMERCE_END_DECLS

#endif
