/* The inventory through the C ABI: locations, a receipt, a transfer, a reservation that expires on the manual
 * clock, the ledger, and the errors of every call. */
#include "common.h"

#include <string.h>

#define MANUAL_CONFIG "{\"path\":\":memory:\",\"clock\":\"manual\",\"clock_start_ms\":1794000000000," \
    "\"password_hashing\":{\"memory_kib\":64,\"iterations\":1,\"parallelism\":1}}"

/* Reads the variant's level and reports whether its JSON contains text. Documents list members
 * in name order, so "\"on_hand\":15,\"product_id\"" is the total, not a location's. */
static int level_contains(commerce_engine *engine, const char *variant_id, const char *text) {
    commerce_doc *level = NULL;
    int found;
    CHECK_OK(commerce_inventory_level(&level, engine, variant_id));
    found = json_contains(level, text);
    commerce_doc_free(level);
    return found;
}

void inventory_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], customer[128], pen[64], kiosk[64], reservation[64], json[512];

    engine = open_as_admin(MANUAL_CONFIG, "admin@shop.test", "correct horse battery", admin);
    sign_up(engine, "cu@shop.test", "a long passphrase", customer);
    CHECK_OK(commerce_product_create(&doc, engine, admin,
        "{\"sku\":\"PEN\",\"title\":\"Pen\",\"prices\":[{\"amount\":\"2.00\",\"currency\":\"EUR\"}],\"stock\":10}"));
    snprintf(pen, sizeof pen, "%s", json_member_in(doc, "variants", "id"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_engine_advance_time(engine, 1));  /* the product's initial stock is the oldest movement */

    /* Locations: "default" is always there. */
    CHECK_OK(commerce_location_list(&doc, engine));
    CHECK(strcmp(commerce_doc_type(doc), "location_list") == 0);
    CHECK(json_contains(doc, "\"code\":\"default\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_location_create(&doc, engine, admin, "{\"code\":\"kiosk-3\",\"name\":\"Kiosk 3\",\"kind\":\"kiosk\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "location") == 0);
    snprintf(kiosk, sizeof kiosk, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_location_create(&doc, engine, admin, "{\"code\":\"kiosk-3\",\"name\":\"K\",\"kind\":\"kiosk\"}"),
                 COMMERCE_ERR_EXISTS);
    CHECK(doc == NULL);
    CHECK_STATUS(commerce_location_create(&doc, engine, admin, "{\"code\":\"k4\",\"name\":\"K\",\"kind\":\"van\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"kind\"") != NULL);

    /* A receipt, then a transfer to the kiosk: the total stays, the locations split it. */
    snprintf(json, sizeof json, "{\"variant_id\":\"%s\",\"kind\":\"receipt\",\"quantity\":5,\"reference\":\"PO-1\"}", pen);
    CHECK_OK(commerce_inventory_adjust(&doc, engine, admin, json));
    CHECK(strcmp(commerce_doc_type(doc), "stock_level") == 0);
    CHECK(json_contains(doc, "\"on_hand\":15,\"product_id\""));
    commerce_doc_free(doc);
    snprintf(json, sizeof json, "{\"variant_id\":\"%s\",\"from\":\"default\",\"to\":\"%s\",\"quantity\":4}", pen, kiosk);
    CHECK_OK(commerce_inventory_transfer(&doc, engine, admin, json));
    CHECK(json_contains(doc, "\"on_hand\":15,\"product_id\""));
    CHECK(json_contains(doc, "{\"available\":4,\"location_id\":\""));
    CHECK(json_contains(doc, "{\"available\":11,\"location_id\":\"default\""));
    commerce_doc_free(doc);

    /* A reservation holds stock until it expires on the engine's clock. */
    snprintf(json, sizeof json, "{\"variant_id\":\"%s\",\"quantity\":3,\"ttl_seconds\":60,\"reference\":\"cart-1\"}", pen);
    CHECK_OK(commerce_inventory_reserve(&doc, engine, admin, json));
    CHECK(strcmp(commerce_doc_type(doc), "stock_reservation") == 0);
    CHECK(strcmp(json_member(doc, "expires_at"), "2026-11-06T21:21:00.001Z") == 0);
    snprintf(reservation, sizeof reservation, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);
    CHECK(level_contains(engine, pen, "\"reserved\":3,\"schema_version\""));
    CHECK(level_contains(engine, pen, "{\"available\":12,\"backorder_limit\""));
    CHECK_OK(commerce_engine_advance_time(engine, 60000));
    CHECK(level_contains(engine, pen, "\"reserved\":0,\"schema_version\""));
    CHECK_STATUS(commerce_inventory_release(engine, admin, reservation), COMMERCE_ERR_NOT_FOUND);
    CHECK_OK(commerce_inventory_reserve(&doc, engine, admin, json));
    snprintf(reservation, sizeof reservation, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_inventory_release(engine, admin, reservation));
    CHECK_STATUS(commerce_inventory_release(engine, admin, reservation), COMMERCE_ERR_NOT_FOUND);

    /* The ledger, newest first. */
    snprintf(json, sizeof json, "{\"variant_id\":\"%s\",\"limit\":2}", pen);
    CHECK_OK(commerce_inventory_movements(&doc, engine, admin, json));
    CHECK(strcmp(commerce_doc_type(doc), "stock_movement_list") == 0);
    CHECK(json_contains(doc, "\"kind\":\"transfer_in\""));
    CHECK(json_contains(doc, "\"kind\":\"transfer_out\""));
    CHECK(!json_contains(doc, "\"kind\":\"receipt\""));
    commerce_doc_free(doc);

    /* Errors: the floor, bad input, unknown records, permissions, misuse. None writes anything. */
    snprintf(json, sizeof json, "{\"variant_id\":\"%s\",\"kind\":\"adjustment\",\"quantity\":-12}", pen);
    CHECK_STATUS(commerce_inventory_adjust(&doc, engine, admin, json), COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(strstr(commerce_last_error_details(), "\"available\":11") != NULL);
    CHECK(doc == NULL);
    snprintf(json, sizeof json, "{\"variant_id\":\"%s\",\"kind\":\"receipt\",\"quantity\":0}", pen);
    CHECK_STATUS(commerce_inventory_adjust(&doc, engine, admin, json), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_inventory_adjust(&doc, engine, admin,
                 "{\"variant_id\":\"nope\",\"kind\":\"receipt\",\"quantity\":1}"), COMMERCE_ERR_NOT_FOUND);
    snprintf(json, sizeof json, "{\"variant_id\":\"%s\",\"from\":\"default\",\"to\":\"nowhere\",\"quantity\":1}", pen);
    CHECK_STATUS(commerce_inventory_transfer(&doc, engine, admin, json), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_inventory_level(&doc, engine, "nope"), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_inventory_level(&doc, engine, NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    snprintf(json, sizeof json, "{\"variant_id\":\"%s\",\"kind\":\"receipt\",\"quantity\":1}", pen);
    CHECK_STATUS(commerce_inventory_adjust(&doc, engine, customer, json), COMMERCE_ERR_FORBIDDEN);
    CHECK(strstr(commerce_last_error_details(), "\"required_permission\":\"inventory.write\"") != NULL);
    CHECK_STATUS(commerce_inventory_adjust(&doc, engine, NULL, json), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_STATUS(commerce_inventory_movements(&doc, engine, customer, NULL), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_inventory_reserve(&doc, engine, customer, json), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_inventory_release(engine, customer, reservation), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_location_create(&doc, engine, customer, "{\"code\":\"k\",\"name\":\"K\",\"kind\":\"shop\"}"),
                 COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_inventory_adjust(NULL, engine, admin, json), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_location_list(&doc, NULL), COMMERCE_ERR_MISUSE);
    CHECK(level_contains(engine, pen, "\"on_hand\":15,\"product_id\""));
    CHECK_OK(commerce_location_list(&doc, engine));
    CHECK(!json_contains(doc, "\"code\":\"k\""));
    commerce_doc_free(doc);

    commerce_engine_free(engine);
}
