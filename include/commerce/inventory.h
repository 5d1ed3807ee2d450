/* commerce — inventory: stock per variant and location, kept as a ledger of movements so that stock always
 * equals the sum of its movements; reservations with expiry; low-stock events; backorders. Writes need a
 * session whose roles grant "inventory.write". The model is in docs/inventory.md. */
#ifndef COMMERCE_INVENTORY_H
#define COMMERCE_INVENTORY_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Creates a stock location: {"code": "kiosk-3", "name": "Kiosk 3, Main St", "kind": "warehouse" | "shop" |
 * "kiosk"}. The location "default" always exists; sales take stock from it unless the cart names another.
 * Returns a "location". */
COMMERCE_API commerce_status commerce_location_create(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *location_json);

/* Every location (a "location_list"). Needs no session. */
COMMERCE_API commerce_status commerce_location_list(commerce_doc **out, commerce_engine *engine);

/* Records a movement at one location:
 *   {"variant_id": "...", "location_id": "default", "kind": "receipt" | "return" | "adjustment",
 *    "quantity": 12, "reason": "supplier delivery 4411", "reference": "PO-4411"}
 * A receipt or return adds quantity (>= 1); an adjustment adds a signed quantity (a stock count that found 3
 * fewer is -3). Stock may not go below zero unless the variant allows backorders, and then not below minus its
 * backorder limit (COMMERCE_ERR_OUT_OF_STOCK). Returns the variant's "stock_level". */
COMMERCE_API commerce_status commerce_inventory_adjust(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *movement_json);

/* Moves stock between locations in one transaction (a transfer_out and a transfer_in movement):
 *   {"variant_id": "...", "from": "default", "to": "kiosk-3-id", "quantity": 5, "reason": "..."}
 * Returns the variant's "stock_level". */
COMMERCE_API commerce_status commerce_inventory_transfer(commerce_doc **out, commerce_engine *engine,
                                                         const char *session, const char *transfer_json);

/* A variant's stock per location and in total: on hand, reserved by live reservations, and available
 * (on hand − reserved). Returns a "stock_level". Needs no session. */
COMMERCE_API commerce_status commerce_inventory_level(commerce_doc **out, commerce_engine *engine,
                                                      const char *variant_id);

/* The ledger, newest first ("inventory.write"): {"variant_id": "...", "location_id": "...", "kind": "sale",
 * "limit": 50, "before": "<cursor>"}. Returns a "stock_movement_list". */
COMMERCE_API commerce_status commerce_inventory_movements(commerce_doc **out, commerce_engine *engine,
                                                          const char *session, const char *query_json);

/* Holds stock for a checkout until it expires on the engine's clock:
 *   {"variant_id": "...", "location_id": "default", "quantity": 2, "ttl_seconds": 900, "reference": "cart-id"}
 * COMMERCE_ERR_OUT_OF_STOCK when not enough is available. A reservation whose reference is a cart id does not
 * compete with that cart's checkout, which consumes it. Returns a "stock_reservation". */
COMMERCE_API commerce_status commerce_inventory_reserve(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, const char *reservation_json);

/* Releases a reservation before it expires. Releasing an expired or released one is COMMERCE_ERR_NOT_FOUND. */
COMMERCE_API commerce_status commerce_inventory_release(commerce_engine *engine, const char *session,
                                                        const char *reservation_id);

COMMERCE_END_DECLS

#endif
