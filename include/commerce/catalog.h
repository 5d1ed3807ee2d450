/* commerce — catalog: products with a SKU, prices per currency and stock. Writes need a session with the permission "catalog.write" (see docs/access.md). */
#ifndef COMMERCE_CATALOG_H
#define COMMERCE_CATALOG_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Creates a product from
 *   {"sku": "TSHIRT-M", "title": "T-shirt", "description": "...",
 *    "prices": [{"amount": "19.99", "currency": "EUR"}], "stock": 10}
 * Returns a "product" document. A duplicate SKU is COMMERCE_ERR_EXISTS. */
COMMERCE_API commerce_status commerce_product_create(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *product_json);

/* Changes the members present in patch_json (same members as create; "prices" replaces all prices).
 * "expected_version" in the patch makes the update fail with COMMERCE_ERR_CONFLICT if the product changed. */
COMMERCE_API commerce_status commerce_product_update(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *product_id,
                                                     const char *patch_json);

/* Returns a "product" document. Needs no session. */
COMMERCE_API commerce_status commerce_product_get(commerce_doc **out, commerce_engine *engine, const char *product_id);

/* Lists products by SKU order: query {"limit": 50, "after": "<cursor from the previous page>"}, or NULL.
 * Returns a "product_list" document with "items" and "next" (a cursor, or null on the last page). */
COMMERCE_API commerce_status commerce_product_list(commerce_doc **out, commerce_engine *engine, const char *query_json);

/* Deletes a product. Orders keep their own snapshot of it. */
COMMERCE_API commerce_status commerce_product_delete(commerce_engine *engine, const char *session,
                                                     const char *product_id);

COMMERCE_END_DECLS

#endif
