/* commerce — the catalog: products with options and variants, prices per variant and currency, categories,
 * collections, translations, digital products with licence keys, and product requests. Writes need a session
 * whose roles grant "catalog.write" (see docs/access.md); reads need no session. The documents are described
 * in docs/schema/ and the model in docs/catalog.md. */
#ifndef COMMERCE_CATALOG_H
#define COMMERCE_CATALOG_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* ---- products ---------------------------------------------------------------------------------------------- */

/* Creates a product. The full form:
 *   {"slug": "elden-ring", "title": "Elden Ring", "description": "...", "kind": "physical" | "digital",
 *    "status": "draft" | "published" | "archived", "publish_at": "2026-12-01T00:00:00Z",
 *    "seo": {"title": "...", "description": "..."},
 *    "category_ids": ["..."], "tags": ["rpg"], "attributes": {"genre": "rpg", "platform": ["pc", "ps5"]},
 *    "images": [{"url": "https://...", "alt": "Box art"}],
 *    "digital": {"licence_type": "single_user", "asset": "s3://bucket/elden-ring.zip"},
 *    "options": [{"name": "Edition", "values": ["Standard", "Deluxe"]}],
 *    "variants": [{"sku": "ER-STD", "options": {"Edition": "Standard"}, "barcode": "4006381333931",
 *                  "prices": [{"amount": "59.99", "currency": "EUR"}], "weight_grams": 120,
 *                  "dimensions_mm": {"length": 190, "width": 135, "height": 15},
 *                  "low_stock_threshold": 5, "backorder_limit": 0, "stock": 10}],
 *    "translations": {"pt-BR": {"title": "...", "description": "...", "seo": {...}, "options": {"Edition": "Edição"}}}}
 * A product without "options" may give its single variant's members ("sku", "prices", "barcode", "stock"...)
 * at the top level instead of "variants". "stock" is received at the default location. A missing slug is made
 * from the title. Returns a "product". A duplicate SKU, slug or barcode is COMMERCE_ERR_EXISTS; a bad barcode
 * check digit, a negative price or an unknown locale is COMMERCE_ERR_INVALID_ARGUMENT; nothing is written. */
COMMERCE_API commerce_status commerce_product_create(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *product_json);

/* Changes the members present in patch_json (the members of create; a list replaces the whole list, a variant
 * with an "id" is updated and one without is added, variants left out are removed; "translations" merges per
 * locale and a null locale removes it). "expected_version" makes the update fail with COMMERCE_ERR_CONFLICT if
 * the product changed meanwhile. Stock is not changed here (see inventory.h). Returns the "product". */
COMMERCE_API commerce_status commerce_product_update(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *product_id,
                                                     const char *patch_json);

/* Returns a "product" with every translation. Needs no session. */
COMMERCE_API commerce_status commerce_product_get(commerce_doc **out, commerce_engine *engine, const char *product_id);

/* A product as a shopper in locale sees it (a "product_view"): texts and option names in the first locale of
 * the chain locale → its language → the store's default locale that has them. id_or_slug is a product id or a
 * slug. Drafts, archived and not-yet-scheduled products are COMMERCE_ERR_NOT_FOUND. locale may be NULL for the
 * store default. */
COMMERCE_API commerce_status commerce_product_view(commerce_doc **out, commerce_engine *engine,
                                                   const char *id_or_slug, const char *locale);

/* Lists products for admin screens (a "product_list"): query
 *   {"status": "draft", "category_id": "...", "collection_id": "...", "tag": "rpg", "search": "ring",
 *    "limit": 50, "after": "<cursor>"} or {"page": 3, "limit": 50}
 * in creation order. "after" is a keyset cursor, stable under inserts; "page" (from 1) also returns "total".
 * "search" matches the title, slug or a SKU. Drafts and archived products are included. NULL lists all. */
COMMERCE_API commerce_status commerce_product_list(commerce_doc **out, commerce_engine *engine, const char *query_json);

/* Deletes a product and its variants. Orders keep their own snapshot of it. */
COMMERCE_API commerce_status commerce_product_delete(commerce_engine *engine, const char *session,
                                                     const char *product_id);

/* Finds the variant a scanner read (EAN-13, UPC-A or EAN-8, check digit validated; UPC-A and its EAN-13 form
 * find the same variant). Returns a "variant_match" with the product, the variant, its prices and stock.
 * COMMERCE_ERR_NOT_FOUND when no variant has the code. */
COMMERCE_API commerce_status commerce_variant_by_barcode(commerce_doc **out, commerce_engine *engine,
                                                         const char *barcode);

/* ---- categories and collections --------------------------------------------------------------------------- */

/* Creates a category: {"slug": "games", "name": "Games", "description": "...", "parent_id": null,
 * "position": 0}. Returns a "category". */
COMMERCE_API commerce_status commerce_category_create(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *category_json);

/* Changes name, slug, description. Returns the "category". */
COMMERCE_API commerce_status commerce_category_update(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *category_id,
                                                      const char *patch_json);

/* Moves a category under parent_id (NULL for the top level) at position (0 first; siblings shift). Moving a
 * category under itself or its descendants is COMMERCE_ERR_INVALID_ARGUMENT. Returns the "category". */
COMMERCE_API commerce_status commerce_category_move(commerce_doc **out, commerce_engine *engine, const char *session,
                                                    const char *category_id, const char *parent_id,
                                                    int64_t position);

/* Deletes a category with no children (COMMERCE_ERR_ILLEGAL_STATE otherwise); its products leave it. */
COMMERCE_API commerce_status commerce_category_delete(commerce_engine *engine, const char *session,
                                                      const char *category_id);

/* The tree under category_id, or the whole tree for NULL: a "category_tree" of nested "children" in position
 * order, each with its product count including descendants. */
COMMERCE_API commerce_status commerce_category_tree(commerce_doc **out, commerce_engine *engine,
                                                    const char *category_id);

/* Creates a collection: {"slug": "summer-sale", "title": "...", "description": "...", "product_ids": [...]}.
 * Returns a "collection". */
COMMERCE_API commerce_status commerce_collection_create(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, const char *collection_json);

/* Changes title, slug, description; "product_ids" replaces the members in that order. Returns the "collection". */
COMMERCE_API commerce_status commerce_collection_update(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, const char *collection_id,
                                                        const char *patch_json);

COMMERCE_API commerce_status commerce_collection_get(commerce_doc **out, commerce_engine *engine,
                                                     const char *id_or_slug);

COMMERCE_API commerce_status commerce_collection_delete(commerce_engine *engine, const char *session,
                                                        const char *collection_id);

/* ---- digital products ------------------------------------------------------------------------------------- */

/* Imports licence keys for a digital variant: keys_json is ["AAAA-BBBB", ...] (1..10000 keys of 1..256 bytes).
 * Keys already in the pool are skipped and counted. Each key is handed out once, to one unit sold. Returns a
 * "licence_pool" with the counts of available and assigned keys. */
COMMERCE_API commerce_status commerce_licence_keys_import(commerce_doc **out, commerce_engine *engine,
                                                          const char *session, const char *variant_id,
                                                          const char *keys_json);

/* The counts of a variant's key pool ("catalog.write"). Returns a "licence_pool". */
COMMERCE_API commerce_status commerce_licence_pool(commerce_doc **out, commerce_engine *engine, const char *session,
                                                   const char *variant_id);

/* ---- product requests ------------------------------------------------------------------------------------- */

/* A signed-in user asks for a product the shop does not have: {"title": "...", "details": "..."}. Returns a
 * "product_request". */
COMMERCE_API commerce_status commerce_product_request_create(commerce_doc **out, commerce_engine *engine,
                                                             const char *session, const char *request_json);

/* Requests, newest first: {"status": "open" | "fulfilled", "limit": 50, "after": "<cursor>"}. A user sees their
 * own; "catalog.write" sees everyone's. Returns a "product_request_list". */
COMMERCE_API commerce_status commerce_product_request_list(commerce_doc **out, commerce_engine *engine,
                                                           const char *session, const char *query_json);

/* Marks a request fulfilled by product_id ("catalog.write"); emits "product_request.fulfilled" for the
 * requester. Returns the "product_request". */
COMMERCE_API commerce_status commerce_product_request_fulfill(commerce_doc **out, commerce_engine *engine,
                                                              const char *session, const char *request_id,
                                                              const char *product_id);

COMMERCE_END_DECLS

#endif
