/* commerce — customer groups: named sets of customers (wholesale, staff, VIP) that price lists and promotions
 * target, and whose members may buy tax exempt. Changes need a session whose roles grant "users.manage", reads
 * "users.read". See docs/customer-groups.md. */
#ifndef COMMERCE_CUSTOMER_GROUP_H
#define COMMERCE_CUSTOMER_GROUP_H

#include <stdint.h>
#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* definition_json: {"id": 1 to 64 of a-z, 0-9, '-' and '_', "name", "tax_exempt": false}. COMMERCE_ERR_EXISTS
 * when the id is taken. Returns a "customer_group". */
COMMERCE_API commerce_status commerce_customer_group_create(commerce_doc **out, commerce_engine *engine,
                                                            const char *session, const char *definition_json);

/* Replaces the name and tax_exempt. expected_version is the "version" read before; COMMERCE_ERR_CONFLICT when it
 * changed since. Returns the "customer_group". */
COMMERCE_API commerce_status commerce_customer_group_update(commerce_doc **out, commerce_engine *engine,
                                                            const char *session, const char *group_id,
                                                            const char *definition_json, int64_t expected_version);

/* Removes the group and its memberships. Price lists and promotions that name it then match nobody through it. */
COMMERCE_API commerce_status commerce_customer_group_delete(commerce_engine *engine, const char *session,
                                                            const char *group_id);

COMMERCE_API commerce_status commerce_customer_group_get(commerce_doc **out, commerce_engine *engine,
                                                         const char *session, const char *group_id);

/* query_json may be NULL: {"member": "<user id>", "limit": 1..200, "after": "<next>"}, by id. Returns a
 * "customer_group_list". */
COMMERCE_API commerce_status commerce_customer_group_list(commerce_doc **out, commerce_engine *engine,
                                                          const char *session, const char *query_json);

/* change_json: {"add": ["<user id>", ...], "remove": [...]}, at most 1,000 ids in all; every added user must
 * exist. Adding a member twice or removing a non-member changes nothing. Returns the "customer_group". */
COMMERCE_API commerce_status commerce_customer_group_change_members(commerce_doc **out, commerce_engine *engine,
                                                                    const char *session, const char *group_id,
                                                                    const char *change_json);

/* query_json may be NULL: {"limit": 1..200, "after": "<next>"}. Returns a "customer_group_member_list". */
COMMERCE_API commerce_status commerce_customer_group_members(commerce_doc **out, commerce_engine *engine,
                                                             const char *session, const char *group_id,
                                                             const char *query_json);

COMMERCE_END_DECLS

#endif
