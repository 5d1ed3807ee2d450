/* commerce — carts.
 *
 * A cart has one currency. A cart created without a session is a guest cart: its id is the bearer credential,
 * as in Medusa, so keep it private. A cart created with a session belongs to that user, and only that user's
 * session (or staff with the permission "orders.manage") may read or change it. Every call returns the whole
 * "cart" document with exact totals.
 *
 * Every read or change prices the cart afresh (docs/carts.md): catalog prices, then the promotions of lane
 * before_tax (automatic ones and those of the cart's coupons), then the store's taxes on what they left (at the
 * shipping address, or estimated at the store's origin while there is none), then the promotions of lane
 * after_tax. The document lists each discount with its promotion and lines, each tax, every coupon's status and
 * every promotion that did not apply with its reason; its parts always add up to its "total". */
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

/* Reprices the cart exactly as commerce_cart_get does and returns only the parts of its total: a "cart_totals"
 * document (cart_id, currency, item_count and "totals", the same object an order keeps), for what shows a running
 * total after every change: a till's display, a cart badge. */
COMMERCE_API commerce_status commerce_cart_get_totals(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *cart_id);

/* The session's user's most recently changed open cart in currency (an ISO 4217 code): how a user on another
 * device, or after logging in again, finds the cart they left. COMMERCE_ERR_UNAUTHORIZED without a session (a
 * guest knows its carts by id only), COMMERCE_ERR_NOT_FOUND (field "currency") when there is none, and
 * COMMERCE_ERR_CURRENCY_MISMATCH with the cart's "cart_id" in the details when a line can no longer be priced. */
COMMERCE_API commerce_status commerce_cart_find_open(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *currency);

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

/* A line's note and custom attributes: {"note": "gift wrap, please" or null, "attributes": {"engraving": "A & B"}
 * or null}; each member given replaces (null clears) the line's note or its whole attribute map (at most 20
 * attributes; a note or value of at most 500 bytes). Orders keep them with their lines. */
COMMERCE_API commerce_status commerce_cart_set_item_details(commerce_doc **out, commerce_engine *engine,
                                                            const char *session, const char *cart_id,
                                                            const char *item_id, const char *details_json);

/* Enters a coupon code (case-insensitive). COMMERCE_ERR_COUPON_NOT_APPLICABLE when no active promotion has it
 * (details reason "unknown_code") or its promotion does not apply to the cart now (the promotion engine's reason:
 * "expired", "min_subtotal_not_met", "usage_limit_reached", "not_combinable_with:<id>"...); the cart is then
 * unchanged. A cart holds at most 5 codes, one per promotion. */
COMMERCE_API commerce_status commerce_cart_apply_coupon(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, const char *cart_id, const char *code);

COMMERCE_API commerce_status commerce_cart_remove_coupon(commerce_doc **out, commerce_engine *engine,
                                                         const char *session, const char *cart_id, const char *code);

/* Changes what prices the cart besides its lines: {"shipping_address": {"country": "DE", "region": "BY",
 * "postal_code": "80331"} or null, "channel": "web" | "pos" | ..., "shipping_method": "<id>" or null,
 * "display_currency": "USD" or null}. Another channel than "web" needs a staff session ("orders.manage"); the
 * shipping method must be one of the cart's "shipping_methods" once the other changes are made (INVALID_ARGUMENT,
 * reason "not_offered"); the display currency needs a rate in force from the cart's currency (reason "no_rate"),
 * and the totals then show "display" (docs/currencies.md). */
COMMERCE_API commerce_status commerce_cart_update(commerce_doc **out, commerce_engine *engine, const char *session,
                                                  const char *cart_id, const char *changes_json);

/* After a login: folds the guest cart into the session user's open cart in the same currency by the configured
 * policy ("carts": {"merge_policy": "merge_quantities" | "keep_user" | "keep_guest"}), or makes the guest cart
 * theirs when they have none. The guest cart becomes "merged". Returns the user's "cart".
 * COMMERCE_ERR_ILLEGAL_STATE (reason "not_an_open_guest_cart") for any other cart. */
COMMERCE_API commerce_status commerce_cart_merge(commerce_doc **out, commerce_engine *engine, const char *session,
                                                 const char *guest_cart_id);

/* Housekeeping the host runs on a timer: open carts with items idle longer than "carts": {"abandon_after_minutes"}
 * (default 60) emit "cart.abandoned" into the outbox once per idle spell, with a sealed "recovery_token"; carts
 * idle longer than "expire_after_days" (default 30), except completed ones, are deleted. At most limit (1..10000)
 * of each. Returns a "cart_sweep" with the counts. */
COMMERCE_API commerce_status commerce_cart_sweep(commerce_doc **out, commerce_engine *engine, int64_t limit);

/* The abandoned cart a "cart.abandoned" recovery token names, as a "cart"; COMMERCE_ERR_NOT_FOUND once the cart
 * changed, was ordered or deleted. */
COMMERCE_API commerce_status commerce_cart_recover(commerce_doc **out, commerce_engine *engine, const char *token);

COMMERCE_END_DECLS

#endif
