/* commerce — checkout and orders. */
#ifndef COMMERCE_ORDER_H
#define COMMERCE_ORDER_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Places an order from a cart, in one transaction: the order, its lines with a price snapshot, the stock
 * decrement and the completed cart commit together or not at all.
 *
 *   {"payment": {"method": "manual", "kind": "cash" | "cash_on_delivery", "tendered": "50.00"},
 *    "email": "guest@example.com",          required for a guest cart
 *    "idempotency_key": "..."}              optional; a retry with the same key and cart returns the same order
 *
 * Cash is captured at once ("tendered" computes the change); cash on delivery leaves the payment pending.
 * Errors: COMMERCE_ERR_OUT_OF_STOCK (details list the products short), COMMERCE_ERR_ILLEGAL_STATE (empty or
 * completed cart), COMMERCE_ERR_CONFLICT (idempotency key already used for another request).
 * Returns an "order" document. */
COMMERCE_API commerce_status commerce_checkout_place_order(commerce_doc **out, commerce_engine *engine,
                                                           const char *session, const char *cart_id,
                                                           const char *request_json);

/* An order, for its owner or a user with the permission "orders.read". Returns an "order" document. */
COMMERCE_API commerce_status commerce_order_get(commerce_doc **out, commerce_engine *engine,
                                                const char *session, const char *order_id);

/* The session user's orders, newest first: query {"limit": 50, "after": "<cursor>"} or NULL.
 * A user with "orders.read" may add "user_id" to list another user's orders. Returns an "order_list" document. */
COMMERCE_API commerce_status commerce_order_list(commerce_doc **out, commerce_engine *engine,
                                                 const char *session, const char *query_json);

COMMERCE_END_DECLS

#endif
