/* commerce — pricing rules staff define: promotions (automatic ones and coupons, with batches of single-use
 * codes), price lists, the store's tax definition and its shipping methods. Promotions and price lists need a
 * session whose roles grant "promotions.write", the tax and shipping definitions "settings.manage". Carts apply
 * them every time they are priced (include/commerce/cart.h). See docs/promotions.md, docs/price-lists.md, docs/taxes.md and
 * docs/shipping.md. */
#ifndef COMMERCE_PRICING_H
#define COMMERCE_PRICING_H

#include <stdint.h>
#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Creates a promotion from its definition (docs/promotions.md), plus "requires_code": true for a promotion that
 * applies only through generated single-use codes. COMMERCE_ERR_EXISTS when the id or the code is taken.
 * Returns a "promotion". */
COMMERCE_API commerce_status commerce_promotion_create(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *definition_json);

/* Replaces a promotion's definition. expected_version is the "version" read before; COMMERCE_ERR_CONFLICT when
 * it changed since. Returns the "promotion". */
COMMERCE_API commerce_status commerce_promotion_update(commerce_doc **out, commerce_engine *engine,
                                                       const char *session, const char *promotion_id,
                                                       const char *definition_json, int64_t expected_version);

/* status is "active" or "archived"; an archived promotion applies to no cart. Returns the "promotion". */
COMMERCE_API commerce_status commerce_promotion_set_status(commerce_doc **out, commerce_engine *engine,
                                                           const char *session, const char *promotion_id,
                                                           const char *status);

COMMERCE_API commerce_status commerce_promotion_get(commerce_doc **out, commerce_engine *engine,
                                                    const char *session, const char *promotion_id);

/* query_json may be NULL: {"status": "active" | "archived", "limit": 1..200, "after": "<next>"}, by id.
 * Returns a "promotion_list". */
COMMERCE_API commerce_status commerce_promotion_list(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *query_json);

/* Generates count (1..10000) single-use codes for a promotion created with "requires_code"; prefix may be NULL
 * or 1 to 16 of A-Z and 0-9. Returns a "promotion_code_batch" with the codes. */
COMMERCE_API commerce_status commerce_promotion_generate_codes(commerce_doc **out, commerce_engine *engine,
                                                               const char *session, const char *promotion_id,
                                                               int64_t count, const char *prefix);

/* Creates a price list (docs/price-lists.md): {"id", "name", "type": "sale" | "override", "customer_groups",
 * "channels", "starts_at", "ends_at", "prices": [{"variant_id", "price": {"amount", "currency"},
 * "min_quantity"}]}. Its variants and customer groups must exist. COMMERCE_ERR_EXISTS when the id is taken.
 * Returns a "price_list" with its prices. */
COMMERCE_API commerce_status commerce_price_list_create(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, const char *definition_json);

/* Replaces a price list's definition and all its prices. expected_version is the "version" read before;
 * COMMERCE_ERR_CONFLICT when it changed since. Returns the "price_list". */
COMMERCE_API commerce_status commerce_price_list_update(commerce_doc **out, commerce_engine *engine,
                                                        const char *session, const char *price_list_id,
                                                        const char *definition_json, int64_t expected_version);

/* status is "active" or "archived"; an archived list prices no cart. Returns the "price_list". */
COMMERCE_API commerce_status commerce_price_list_set_status(commerce_doc **out, commerce_engine *engine,
                                                            const char *session, const char *price_list_id,
                                                            const char *status);

COMMERCE_API commerce_status commerce_price_list_get(commerce_doc **out, commerce_engine *engine,
                                                     const char *session, const char *price_list_id);

/* query_json may be NULL: {"status", "limit": 1..200, "after": "<next>"}, by id. Returns a "price_list_list"
 * whose lists carry their "price_count" but not their prices. */
COMMERCE_API commerce_status commerce_price_list_list(commerce_doc **out, commerce_engine *engine,
                                                      const char *session, const char *query_json);

/* Replaces the store's tax definition (docs/taxes.md). expected_version is the "version" of the "tax_settings"
 * read before (0 while there is none); COMMERCE_ERR_CONFLICT when it changed since. Returns "tax_settings". */
COMMERCE_API commerce_status commerce_tax_set_definition(commerce_doc **out, commerce_engine *engine,
                                                         const char *session, const char *definition_json,
                                                         int64_t expected_version);

/* Returns the "tax_settings" ("definition" is null while the store has none: nothing is taxed). */
COMMERCE_API commerce_status commerce_tax_get_definition(commerce_doc **out, commerce_engine *engine,
                                                         const char *session);

/* Replaces the store's shipping methods (docs/shipping.md): delivery methods per country and region with flat,
 * weight or subtotal rates per currency and free-over thresholds, pickup points, delivery days and a tax class.
 * expected_version as for the tax definition. Returns "shipping_settings". */
COMMERCE_API commerce_status commerce_shipping_set_definition(commerce_doc **out, commerce_engine *engine,
                                                              const char *session, const char *definition_json,
                                                              int64_t expected_version);

/* Returns the "shipping_settings" ("definition" is null while the store has none: no cart pays shipping). */
COMMERCE_API commerce_status commerce_shipping_get_definition(commerce_doc **out, commerce_engine *engine,
                                                              const char *session);

COMMERCE_END_DECLS

#endif
