/* Pricing through the C ABI: the tax definition, promotions with a coupon and single-use codes, a cart priced
 * with them at an address, the coupon counted at order placement, and the error promises of every new call. */
#include "common.h"

#include <string.h>

#define GERMANY "{\"origin\":{\"country\":\"DE\"},\"zones\":[{\"id\":\"de\",\"country\":\"DE\"," \
                "\"rates\":{\"standard\":[{\"name\":\"VAT\",\"rate\":\"19\"}]}}]}"

void pricing_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], cart[64], product[64], code[64];

    engine = open_as_admin(TEST_CONFIG, "admin@pricing.test", "admin password", admin);
    new_product(engine, admin,
        "{\"sku\":\"LAMP\",\"title\":\"Lamp\",\"prices\":[{\"amount\":\"50.00\",\"currency\":\"EUR\"}],\"stock\":9}",
        product);

    /* The tax definition: versioned, checked, only for settings.manage. */
    CHECK_OK(commerce_tax_get_definition(&doc, engine, admin));
    CHECK(strcmp(commerce_doc_type(doc), "tax_settings") == 0);
    CHECK(json_contains(doc, "\"definition\":null"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_tax_set_definition(&doc, engine, admin, "{\"zones\":[]}", 0), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK_STATUS(commerce_tax_set_definition(&doc, engine, NULL, GERMANY, 0), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_STATUS(commerce_tax_set_definition(&doc, engine, admin, GERMANY, 4), COMMERCE_ERR_CONFLICT);
    CHECK_OK(commerce_tax_set_definition(&doc, engine, admin, GERMANY, 0));
    CHECK(json_contains(doc, "\"version\":1"));
    commerce_doc_free(doc);

    /* Promotions: a coupon, and one that only generated codes unlock. */
    CHECK_OK(commerce_promotion_create(&doc, engine, admin,
        "{\"id\":\"spring\",\"name\":\"Spring\",\"code\":\"SPRING\",\"usage_limit\":1,"
        "\"action\":{\"type\":\"percentage_off_order\",\"percent\":\"10\"}}"));
    CHECK(strcmp(commerce_doc_type(doc), "promotion") == 0);
    CHECK(json_contains(doc, "\"usage_count\":0"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_promotion_create(&doc, engine, admin,
        "{\"id\":\"bad\",\"name\":\"Bad\",\"action\":{\"type\":\"percentage_off_order\",\"percent\":\"101\"}}"),
        COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"out_of_range\"") != NULL);
    CHECK_OK(commerce_promotion_create(&doc, engine, admin,
        "{\"id\":\"welcome\",\"name\":\"Welcome\",\"requires_code\":true,"
        "\"action\":{\"type\":\"fixed_off_order\",\"amount\":{\"amount\":\"5.00\",\"currency\":\"EUR\"}}}"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_promotion_generate_codes(&doc, engine, admin, "welcome", 2, "hi"));
    CHECK(strcmp(commerce_doc_type(doc), "promotion_code_batch") == 0);
    {
        const char *first = strstr(commerce_doc_json(doc), "\"codes\":[\"");
        CHECK(first != NULL);
        if (first) snprintf(code, 16 + 3 + 1, "%s", first + strlen("\"codes\":[\""));
    }
    CHECK(strncmp(code, "HI-", 3) == 0);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_promotion_generate_codes(&doc, engine, admin, "spring", 1, NULL), COMMERCE_ERR_ILLEGAL_STATE);
    CHECK_STATUS(commerce_promotion_generate_codes(&doc, engine, admin, "welcome", 10001, NULL),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_promotion_get(&doc, engine, admin, "nope"), COMMERCE_ERR_NOT_FOUND);
    CHECK_OK(commerce_promotion_list(&doc, engine, admin, "{\"status\":\"active\",\"limit\":1}"));
    CHECK(json_contains(doc, "\"next\":\"spring\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_promotion_update(&doc, engine, admin, "spring",
        "{\"name\":\"Spring 15\",\"code\":\"SPRING\",\"usage_limit\":1,"
        "\"action\":{\"type\":\"percentage_off_order\",\"percent\":\"15\"}}", 1));
    CHECK(json_contains(doc, "\"version\":2"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_promotion_update(&doc, engine, admin, "spring",
        "{\"name\":\"Late\",\"action\":{\"type\":\"free_shipping\"}}", 1), COMMERCE_ERR_CONFLICT);

    /* A cart at an address, with both codes. */
    new_cart(engine, NULL, "EUR", cart);
    CHECK_OK(commerce_cart_add_item(&doc, engine, NULL, cart, product, 2));
    commerce_doc_free(doc);
    CHECK_OK(commerce_cart_update(&doc, engine, NULL, cart, "{\"shipping_address\":{\"country\":\"DE\"}}"));
    CHECK(json_contains(doc, "\"tax_zone\":\"de\""));
    CHECK(json_contains(doc, "\"tax_total\":{\"amount\":\"19.00\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_cart_apply_coupon(&doc, engine, NULL, cart, "WINTER"), COMMERCE_ERR_COUPON_NOT_APPLICABLE);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"unknown_code\"") != NULL);
    CHECK_STATUS(commerce_cart_apply_coupon(&doc, engine, NULL, cart, NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_cart_update(&doc, engine, NULL, cart, "{\"channel\":\"POS!\"}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_cart_apply_coupon(&doc, engine, NULL, cart, "spring"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_cart_apply_coupon(&doc, engine, NULL, cart, code));
    /* 100.00 - 15.00 - 5.00 = 80.00 net, + 19% VAT = 95.20 */
    CHECK(json_contains(doc, "\"discount_total\":{\"amount\":\"20.00\""));
    CHECK(json_contains(doc, "\"tax_total\":{\"amount\":\"15.20\""));
    CHECK(json_contains(doc, "\"status\":\"applied\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_checkout_place_order(&doc, engine, NULL, cart,
        "{\"payment\":{\"method\":\"manual\",\"kind\":\"cash\"},\"email\":\"guest@pricing.test\"}"));
    CHECK(json_contains(doc, "\"total\":{\"amount\":\"95.20\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_promotion_get(&doc, engine, admin, "spring"));
    CHECK(json_contains(doc, "\"usage_count\":1"));
    commerce_doc_free(doc);

    /* The coupon is used up and the single-use code spent: a new cart is refused both. */
    new_cart(engine, NULL, "EUR", cart);
    CHECK_OK(commerce_cart_add_item(&doc, engine, NULL, cart, product, 1));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_cart_apply_coupon(&doc, engine, NULL, cart, "SPRING"), COMMERCE_ERR_COUPON_NOT_APPLICABLE);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"usage_limit_reached\"") != NULL);
    CHECK_STATUS(commerce_cart_apply_coupon(&doc, engine, NULL, cart, code), COMMERCE_ERR_COUPON_NOT_APPLICABLE);
    CHECK_STATUS(commerce_cart_remove_coupon(&doc, engine, NULL, cart, "SPRING"), COMMERCE_ERR_NOT_FOUND);
    CHECK_OK(commerce_promotion_set_status(&doc, engine, admin, "spring", "archived"));
    CHECK(json_contains(doc, "\"status\":\"archived\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_promotion_set_status(&doc, engine, admin, "spring", "paused"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_promotion_list(NULL, engine, admin, NULL), COMMERCE_ERR_MISUSE);

    /* Shipping: a method offered at the address, chosen, charged and taxed. */
    CHECK_STATUS(commerce_shipping_set_definition(&doc, engine, admin, "{\"methods\":[{\"id\":\"x\"}]}", 0),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"methods[0].name\"") != NULL);
    CHECK_OK(commerce_shipping_set_definition(&doc, engine, admin,
        "{\"methods\":[{\"id\":\"dhl\",\"name\":\"DHL\",\"countries\":[\"DE\"],"
        "\"rates\":[{\"type\":\"flat\",\"amount\":{\"amount\":\"5.00\",\"currency\":\"EUR\"}}]}]}", 0));
    CHECK(strcmp(commerce_doc_type(doc), "shipping_settings") == 0);
    commerce_doc_free(doc);
    CHECK_OK(commerce_shipping_get_definition(&doc, engine, admin));
    CHECK(json_contains(doc, "\"version\":1"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_cart_update(&doc, engine, NULL, cart, "{\"shipping_method\":\"dhl\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT); /* no address yet: not offered */
    CHECK_OK(commerce_cart_update(&doc, engine, NULL, cart,
                                  "{\"shipping_address\":{\"country\":\"DE\"},\"shipping_method\":\"dhl\"}"));
    /* 50.00 + 5.00 shipping, each + 19% VAT */
    CHECK(json_contains(doc, "\"shipping_total\":{\"amount\":\"5.00\""));
    CHECK(json_contains(doc, "\"tax_total\":{\"amount\":\"10.45\""));
    commerce_doc_free(doc);

    /* The totals alone: the same repricing, only the parts of the total. */
    CHECK_OK(commerce_cart_get_totals(&doc, engine, NULL, cart));
    CHECK(strcmp(commerce_doc_type(doc), "cart_totals") == 0);
    CHECK(json_contains(doc, "\"item_count\":1,"));
    CHECK(json_contains(doc, "\"shipping_total\":{\"amount\":\"5.00\""));
    CHECK(json_contains(doc, "\"tax_total\":{\"amount\":\"10.45\""));
    CHECK(json_contains(doc, "\"total\":{\"amount\":\"65.45\""));
    CHECK(!json_contains(doc, "\"items\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_cart_get_totals(&doc, engine, NULL, "no-such-cart"), COMMERCE_ERR_NOT_FOUND);
    CHECK(doc == NULL);
    CHECK_STATUS(commerce_cart_get_totals(&doc, engine, NULL, NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_cart_get_totals(NULL, engine, NULL, cart), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_cart_get_totals(&doc, NULL, NULL, cart), COMMERCE_ERR_MISUSE);

    commerce_engine_free(engine);
}
