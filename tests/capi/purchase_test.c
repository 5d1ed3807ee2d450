/* The purchase story through the C ABI: admin, catalog, customer, cart, checkout, orders. */
#include "common.h"

#include <string.h>

void purchase_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], customer[128], product_id[64], cart_id[64], order_id[64];

    CHECK_OK(commerce_engine_open(&engine, TEST_CONFIG));
    CHECK(engine != NULL);
    CHECK(strcmp(commerce_version(), COMMERCE_VERSION_STRING) == 0);
    CHECK(commerce_version_number() == COMMERCE_VERSION_NUMBER);

    CHECK_OK(commerce_user_bootstrap_admin(&doc, engine, "Admin@Shop.test ", "correct horse battery"));
    CHECK(strcmp(json_member(doc, "email"), "admin@shop.test") == 0);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_user_bootstrap_admin(&doc, engine, "second@shop.test", "correct horse battery"),
                 COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(doc == NULL);
    login_as(engine, "admin@shop.test", "correct horse battery", admin);
    CHECK(strlen(admin) == 64);

    CHECK_OK(commerce_product_create(&doc, engine, admin,
        "{\"sku\":\"MUG\",\"title\":\"Mug\",\"description\":\"Stoneware\","
        "\"prices\":[{\"amount\":\"12.50\",\"currency\":\"EUR\"},{\"amount\":\"1500\",\"currency\":\"JPY\"}],\"stock\":5}"));
    CHECK(strcmp(commerce_doc_type(doc), "product") == 0);
    snprintf(product_id, sizeof product_id, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);

    CHECK_OK(commerce_product_update(&doc, engine, admin, product_id, "{\"title\":\"Big mug\",\"expected_version\":1}"));
    CHECK(strcmp(json_member(doc, "title"), "Big mug") == 0);
    CHECK(json_contains(doc, "\"version\":2"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id, "{\"title\":\"x\",\"expected_version\":1}"),
                 COMMERCE_ERR_CONFLICT);

    CHECK_OK(commerce_product_list(&doc, engine, NULL));
    CHECK(strcmp(commerce_doc_type(doc), "product_list") == 0);
    CHECK(json_contains(doc, "\"sku\":\"MUG\""));
    commerce_doc_free(doc);

    CHECK_OK(commerce_user_register(&doc, engine, "ana@example.test", "a long passphrase"));
    CHECK(json_contains(doc, "\"roles\":[\"customer\"]"));
    commerce_doc_free(doc);
    login_as(engine, "ana@example.test", "a long passphrase", customer);

    new_cart(engine, customer, "EUR", cart_id);
    CHECK_OK(commerce_cart_add_item(&doc, engine, customer, cart_id, product_id, 2));
    CHECK(json_contains(doc, "\"subtotal\":{\"amount\":\"25.00\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_cart_add_item(&doc, engine, customer, cart_id, product_id, 1));
    CHECK(json_contains(doc, "\"quantity\":3"));
    CHECK(json_contains(doc, "\"total\":{\"amount\":\"37.50\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_cart_update_item(&doc, engine, customer, cart_id, product_id, 2));
    CHECK(json_contains(doc, "\"total\":{\"amount\":\"25.00\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);

    CHECK_OK(commerce_checkout_place_order(&doc, engine, customer, cart_id,
        "{\"payment\":{\"method\":\"manual\",\"kind\":\"cash\",\"tendered\":\"30.00\"},\"idempotency_key\":\"k1\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "order") == 0);
    CHECK(json_contains(doc, "\"status\":\"paid\""));
    CHECK(json_contains(doc, "\"payment_status\":\"captured\""));
    CHECK(json_contains(doc, "\"change\":{\"amount\":\"5.00\",\"currency\":\"EUR\"}"));
    CHECK(strncmp(json_member(doc, "number"), "20", 2) == 0);
    snprintf(order_id, sizeof order_id, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);

    /* A retry with the same key returns the same order and takes no more stock. */
    CHECK_OK(commerce_checkout_place_order(&doc, engine, customer, cart_id,
        "{\"payment\":{\"method\":\"manual\",\"kind\":\"cash\",\"tendered\":\"30.00\"},\"idempotency_key\":\"k1\"}"));
    CHECK(strcmp(json_member(doc, "id"), order_id) == 0);
    commerce_doc_free(doc);
    CHECK_OK(commerce_product_get(&doc, engine, product_id));
    CHECK(json_contains(doc, "\"on_hand\":3"));
    commerce_doc_free(doc);

    /* The same key for a different request is a conflict. */
    CHECK_STATUS(commerce_checkout_place_order(&doc, engine, customer, cart_id,
        "{\"payment\":{\"method\":\"manual\",\"kind\":\"cash_on_delivery\"},\"idempotency_key\":\"k1\"}"),
        COMMERCE_ERR_CONFLICT);
    /* Without the key, a completed cart cannot be ordered again. */
    CHECK_STATUS(commerce_checkout_place_order(&doc, engine, customer, cart_id,
        "{\"payment\":{\"method\":\"manual\",\"kind\":\"cash\"}}"), COMMERCE_ERR_ILLEGAL_STATE);

    CHECK_OK(commerce_order_get(&doc, engine, customer, order_id));
    CHECK(json_contains(doc, "\"unit_price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_order_list(&doc, engine, customer, "{\"limit\":10}"));
    CHECK(json_contains(doc, order_id));
    commerce_doc_free(doc);
    CHECK_OK(commerce_order_get(&doc, engine, admin, order_id));  /* an admin sees every order */
    commerce_doc_free(doc);

    CHECK_OK(commerce_auth_logout(engine, customer));
    CHECK_STATUS(commerce_order_list(&doc, engine, customer, NULL), COMMERCE_ERR_UNAUTHORIZED);

    /* A document outlives the engine. */
    CHECK_OK(commerce_engine_info(&doc, engine));
    commerce_engine_free(engine);
    CHECK(json_contains(doc, "\"type\":\"engine_info\""));
    CHECK(json_contains(doc, "\"cipher_version\":\"4.6.1"));
    commerce_doc_free(doc);
}
