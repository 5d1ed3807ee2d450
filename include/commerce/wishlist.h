/* commerce — wishlists: a user's named lists of variants to buy later (at most 50 lists of 500 items each).
 * Every call but commerce_wishlist_get_shared needs the owner's session; a list is private to its owner
 * (COMMERCE_ERR_FORBIDDEN for someone else's). An item shows what the catalog says now: the product's title, the
 * variant's SKU, options and prices, whether the product is on sale and whether the variant is in stock.
 * The owner may share a list read-only through a token; the outbox announces "wishlist.price_drop" and
 * "wishlist.back_in_stock" to the owners of lists that hold a variant. See docs/wishlists.md. */
#ifndef COMMERCE_WISHLIST_H
#define COMMERCE_WISHLIST_H

#include <stdint.h>
#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Creates a list named name (1 to 100 characters once trimmed, unique among the user's lists:
 * COMMERCE_ERR_EXISTS otherwise). Returns the "wishlist". */
COMMERCE_API commerce_status commerce_wishlist_create(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *name);

/* Renames a list (name as for create). Returns the "wishlist". */
COMMERCE_API commerce_status commerce_wishlist_rename(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *wishlist_id,
                                                      const char *name);

/* Deletes a list with its items; its share token stops working. */
COMMERCE_API commerce_status commerce_wishlist_delete(commerce_engine *engine, const char *session,
                                                      const char *wishlist_id);

/* The caller's lists, oldest first, with their item counts. Returns a "wishlist_list". */
COMMERCE_API commerce_status commerce_wishlist_list(commerce_doc **out, commerce_engine *engine,
                                                    const char *session);

/* One of the caller's lists with its items. currency (ISO 4217, may be NULL) limits each item's "prices" to its
 * price in that currency; NULL lists every price. Returns the "wishlist". */
COMMERCE_API commerce_status commerce_wishlist_get(commerce_doc **out, commerce_engine *engine, const char *session,
                                                   const char *wishlist_id, const char *currency);

/* Puts a variant on the list: item_id is a variant id, or the id of a product that has exactly one variant; the
 * product must be on sale. note (may be NULL) is up to 500 characters. Adding a variant already on the list
 * keeps it where it is and only replaces its note, when one is given. Returns the "wishlist". */
COMMERCE_API commerce_status commerce_wishlist_add_item(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, const char *wishlist_id,
                                                        const char *item_id, const char *note);

/* Takes a variant off the list (item_id as for add). Returns the "wishlist". */
COMMERCE_API commerce_status commerce_wishlist_remove_item(commerce_doc **out, commerce_engine *engine,
                                                           const char *session, const char *wishlist_id,
                                                           const char *item_id);

/* Moves an item to a cart the caller may use: the cart gains quantity (>= 1) of the variant as
 * commerce_cart_add_item would add it, and the list loses the item, in one transaction; when the cart refuses
 * (closed, not on sale, no price in its currency, a bad quantity) both stay as they were. Returns the "cart". */
COMMERCE_API commerce_status commerce_wishlist_move_to_cart(commerce_doc **out, commerce_engine *engine,
                                                            const char *session, const char *wishlist_id,
                                                            const char *item_id, const char *cart_id,
                                                            int64_t quantity);

/* Issues a read-only share token for the list (256 random bits), shown only in the returned "wishlist_share".
 * Sharing again rotates the token: the one issued before stops working. */
COMMERCE_API commerce_status commerce_wishlist_share(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *wishlist_id);

/* Revokes the list's share token, if it has one. */
COMMERCE_API commerce_status commerce_wishlist_unshare(commerce_engine *engine, const char *session,
                                                       const char *wishlist_id);

/* The list a share token opens, for anyone who holds the token (no session): its name and items, nothing of its
 * owner. currency as for commerce_wishlist_get. COMMERCE_ERR_NOT_FOUND (reason "unknown_token") for a token that
 * was never issued, was rotated or was revoked. Returns a "shared_wishlist". */
COMMERCE_API commerce_status commerce_wishlist_get_shared(commerce_doc **out, commerce_engine *engine,
                                                          const char *token, const char *currency);

COMMERCE_END_DECLS

#endif
