/* Customer groups and price lists through the C ABI: a wholesale group whose members' carts take an override
 * price with a quantity tier, and the error promises of every new call. */
#include "common.h"

#include <string.h>

void price_list_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], buyer[128], buyer_id[64], variant[64], cart[64], definition[512];

    engine = open_as_admin(TEST_CONFIG, "admin@lists.test", "admin password", admin);
    CHECK_OK(commerce_user_register(&doc, engine, "buyer@lists.test", "buyer password"));
    snprintf(buyer_id, sizeof buyer_id, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);
    login_as(engine, "buyer@lists.test", "buyer password", buyer);
    CHECK_OK(commerce_product_create(&doc, engine, admin,
        "{\"sku\":\"BOLT\",\"title\":\"Bolt\",\"prices\":[{\"amount\":\"1.00\",\"currency\":\"EUR\"}],\"stock\":500}"));
    snprintf(variant, sizeof variant, "%s", json_member_in(doc, "variants", "id"));
    commerce_doc_free(doc);

    /* A group and its member. */
    CHECK_OK(commerce_customer_group_create(&doc, engine, admin, "{\"id\":\"trade\",\"name\":\"Trade\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "customer_group") == 0);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_customer_group_create(&doc, engine, admin, "{\"id\":\"trade\",\"name\":\"Again\"}"),
                 COMMERCE_ERR_EXISTS);
    CHECK(doc == NULL);
    CHECK_STATUS(commerce_customer_group_create(&doc, engine, buyer, "{\"id\":\"mine\",\"name\":\"Mine\"}"),
                 COMMERCE_ERR_FORBIDDEN);
    snprintf(definition, sizeof definition, "{\"add\":[\"%s\"]}", buyer_id);
    CHECK_OK(commerce_customer_group_change_members(&doc, engine, admin, "trade", definition));
    CHECK(json_contains(doc, "\"member_count\":1"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_customer_group_members(&doc, engine, admin, "trade", NULL));
    CHECK(strcmp(commerce_doc_type(doc), "customer_group_member_list") == 0);
    CHECK(json_contains(doc, buyer_id));
    commerce_doc_free(doc);
    CHECK_OK(commerce_customer_group_list(&doc, engine, admin, NULL));
    CHECK(strcmp(commerce_doc_type(doc), "customer_group_list") == 0);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_customer_group_update(&doc, engine, admin, "trade", "{\"name\":\"Late\"}", 5),
                 COMMERCE_ERR_CONFLICT);
    CHECK_STATUS(commerce_customer_group_get(&doc, engine, admin, "nobody"), COMMERCE_ERR_NOT_FOUND);

    /* An override list for the group, with a tier from 100 units. */
    snprintf(definition, sizeof definition,
             "{\"id\":\"trade-prices\",\"name\":\"Trade\",\"type\":\"override\",\"customer_groups\":[\"trade\"],"
             "\"prices\":[{\"variant_id\":\"%s\",\"price\":{\"amount\":\"0.80\",\"currency\":\"EUR\"}},"
             "{\"variant_id\":\"%s\",\"price\":{\"amount\":\"0.70\",\"currency\":\"EUR\"},\"min_quantity\":100}]}",
             variant, variant);
    CHECK_OK(commerce_price_list_create(&doc, engine, admin, definition));
    CHECK(strcmp(commerce_doc_type(doc), "price_list") == 0);
    CHECK(json_contains(doc, "\"price_count\":2"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_price_list_create(&doc, engine, admin, definition), COMMERCE_ERR_EXISTS);
    CHECK_STATUS(commerce_price_list_create(&doc, engine, admin, "{\"id\":\"x\",\"name\":\"X\",\"type\":\"half\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"type\"") != NULL);
    CHECK_STATUS(commerce_price_list_update(&doc, engine, admin, "trade-prices", definition, 9), COMMERCE_ERR_CONFLICT);
    CHECK_STATUS(commerce_price_list_set_status(&doc, engine, admin, "trade-prices", "gone"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_price_list_get(&doc, engine, NULL, "trade-prices"), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_OK(commerce_price_list_list(&doc, engine, admin, "{\"status\":\"active\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "price_list_list") == 0);
    CHECK(json_contains(doc, "\"trade-prices\""));
    commerce_doc_free(doc);

    /* The member's cart pays the tier price. */
    new_cart(engine, buyer, "EUR", cart);
    CHECK_OK(commerce_cart_add_item(&doc, engine, buyer, cart, variant, 100));
    CHECK(json_contains(doc, "\"price_list_id\":\"trade-prices\""));
    CHECK(json_contains(doc, "\"subtotal\":{\"amount\":\"70.00\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);

    /* The member finds that cart again without its id, as on another device; a guest cannot look. */
    CHECK_OK(commerce_cart_find_open(&doc, engine, buyer, "EUR"));
    CHECK(strcmp(json_member(doc, "id"), cart) == 0);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_cart_find_open(&doc, engine, buyer, "USD"), COMMERCE_ERR_NOT_FOUND);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"currency\"") != NULL);
    CHECK_STATUS(commerce_cart_find_open(&doc, engine, NULL, "EUR"), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_STATUS(commerce_cart_find_open(&doc, engine, buyer, "EURO"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_cart_find_open(NULL, engine, buyer, "EUR"), COMMERCE_ERR_MISUSE);

    CHECK_OK(commerce_price_list_set_status(&doc, engine, admin, "trade-prices", "archived"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_cart_get(&doc, engine, buyer, cart));
    CHECK(json_contains(doc, "\"subtotal\":{\"amount\":\"100.00\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);

    CHECK_OK(commerce_customer_group_delete(engine, admin, "trade"));
    CHECK_STATUS(commerce_customer_group_delete(engine, admin, "trade"), COMMERCE_ERR_NOT_FOUND);
    commerce_engine_free(engine);
}
