/* commerce — carts.
 *
 * A cart has one currency. A cart created without a session is a guest cart: its id is the bearer credential,
 * as in Medusa, so keep it private. A cart created with a session belongs to that user, and only that user's
 * session (or staff with the permission "orders.manage") may read or change it. Every call returns the whole
 * "cart" document with exact totals. */
#ifndef COMMERCE_CART_H
#define COMMERCE_CART_H

#include <stdint.h>
#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* session may be NULL for a guest cart. currency is an ISO 4217 code ("EUR"). */
COMMERCE_API commerce_status commerce_cart_create(commerce_doc **out, commerce_engine *engine,
                                                  const char *session, const char *currency);

COMMERCE_API commerce_status commerce_cart_get(commerce_doc **out, commerce_engine *engine,
                                               const char *session, const char *cart_id);

/* Adds quantity (>= 1) of a variant; adding a variant already in the cart raises its quantity. item_id is a
 * variant id, or the id of a product that has exactly one variant. The product must be published and the
 * variant must have a price in the cart's currency (COMMERCE_ERR_CURRENCY_MISMATCH otherwise). */
COMMERCE_API commerce_status commerce_cart_add_item(commerce_doc **out, commerce_engine *engine,
                                                    const char *session, const char *cart_id,
                                                    const char *item_id, int64_t quantity);

/* Sets the quantity (>= 1) of a variant already in the cart (item_id as for add). */
COMMERCE_API commerce_status commerce_cart_update_item(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *cart_id,
                                                       const char *item_id, int64_t quantity);

COMMERCE_API commerce_status commerce_cart_remove_item(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *cart_id,
                                                       const char *item_id);

COMMERCE_END_DECLS

#endif
