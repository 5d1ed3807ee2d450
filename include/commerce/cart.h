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

/* Adds quantity (>= 1) of a product; adding a product already in the cart raises its quantity.
 * The product must have a price in the cart's currency (COMMERCE_ERR_CURRENCY_MISMATCH otherwise). */
COMMERCE_API commerce_status commerce_cart_add_item(commerce_doc **out, commerce_engine *engine,
                                                    const char *session, const char *cart_id,
                                                    const char *product_id, int64_t quantity);

/* Sets the quantity (>= 1) of a product already in the cart. */
COMMERCE_API commerce_status commerce_cart_update_item(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *cart_id,
                                                       const char *product_id, int64_t quantity);

COMMERCE_API commerce_status commerce_cart_remove_item(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *cart_id,
                                                       const char *product_id);

COMMERCE_END_DECLS

#endif
