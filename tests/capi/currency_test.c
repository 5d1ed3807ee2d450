/* Currencies through the C ABI: settings, rates with effective times, a cart priced from the base currency with a
 * display total, conversion at a past rate, the sales report, and the error promises of every new call. */
#include "common.h"

#include <string.h>

void currency_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], cart[64], product[64];

    engine = open_as_admin(TEST_CONFIG, "admin@currency.test", "admin password", admin);
    new_product(engine, admin,
        "{\"sku\":\"LAMP\",\"title\":\"Lamp\",\"prices\":[{\"amount\":\"19.99\",\"currency\":\"EUR\"}],\"stock\":9}",
        product);

    /* Settings: versioned, checked, only for settings.manage. */
    CHECK_OK(commerce_currency_get_settings(&doc, engine, admin));
    CHECK(strcmp(commerce_doc_type(doc), "currency_settings") == 0);
    CHECK(json_contains(doc, "\"definition\":null"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_currency_set_settings(&doc, engine, admin, "{\"base\":\"EUR\",\"presentment\":"
                 "[{\"currency\":\"JPY\",\"rounding_increment\":\"0.5\"}]}", 0), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"not_on_grid\"") != NULL);
    CHECK_STATUS(commerce_currency_set_settings(&doc, engine, NULL, "{\"base\":\"EUR\"}", 0),
                 COMMERCE_ERR_UNAUTHORIZED);
    CHECK_OK(commerce_currency_set_settings(&doc, engine, admin, "{\"base\":\"EUR\",\"presentment\":"
             "[{\"currency\":\"JPY\",\"rounding_increment\":\"10\"},{\"currency\":\"KWD\"}]}", 0));
    CHECK(json_contains(doc, "\"version\":1"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_currency_set_settings(&doc, engine, admin, "{\"base\":\"EUR\"}", 0), COMMERCE_ERR_CONFLICT);

    /* Rates: bad ones change nothing. */
    CHECK_STATUS(commerce_exchange_rate_set(&doc, engine, admin, "{\"base\":\"EUR\",\"quote\":\"JPY\",\"rate\":\"0\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"out_of_range\"") != NULL);
    CHECK_STATUS(commerce_exchange_rate_set(&doc, engine, admin, "{\"base\":\"EUR\",\"quote\":\"EUR\",\"rate\":\"1\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_exchange_rate_set(&doc, engine, admin,
                 "{\"base\":\"EUR\",\"quote\":\"JPY\",\"rate\":\"160\",\"effective_at\":\"tomorrow\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_exchange_rate_list(&doc, engine, admin, NULL));
    CHECK(json_contains(doc, "\"items\":[]"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_exchange_rate_set(&doc, engine, admin,
             "{\"base\":\"EUR\",\"quote\":\"JPY\",\"rate\":\"162.37\",\"effective_at\":\"2020-01-01T00:00:00Z\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "exchange_rate") == 0);
    CHECK(json_contains(doc, "\"rate\":\"162.37\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_exchange_rate_set(&doc, engine, admin,
                                        "{\"base\":\"KWD\",\"quote\":\"EUR\",\"rate\":\"2.9803\"}"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_exchange_rate_list(&doc, engine, admin, "{\"quote\":\"JPY\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "exchange_rate_list") == 0);
    CHECK(json_contains(doc, "\"effective_at\":\"2020-01-01T00:00:00.000Z\""));
    commerce_doc_free(doc);

    /* A JPY cart priced from the EUR price, shown in KWD too. */
    new_cart(engine, NULL, "JPY", cart);
    CHECK_OK(commerce_cart_add_item(&doc, engine, NULL, cart, product, 1));
    CHECK(json_contains(doc, "\"unit_price\":{\"amount\":\"3250\",\"currency\":\"JPY\"}"));
    CHECK(json_contains(doc, "\"converted_from\":{\"price\":{\"amount\":\"19.99\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_cart_update(&doc, engine, NULL, cart, "{\"display_currency\":\"KWD\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT); /* no JPY/KWD rate */
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"no_rate\"") != NULL);
    new_cart(engine, NULL, "EUR", cart);
    CHECK_OK(commerce_cart_add_item(&doc, engine, NULL, cart, product, 1));
    commerce_doc_free(doc);
    CHECK_OK(commerce_cart_update(&doc, engine, NULL, cart, "{\"display_currency\":\"KWD\"}"));
    /* 19.99 EUR / 2.9803 = 6.70738... KWD */
    CHECK(json_contains(doc, "\"display\":{\"currency\":\"KWD\",\"rate\":{"));
    CHECK(json_contains(doc, "\"total\":{\"amount\":\"6.707\",\"currency\":\"KWD\"}"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_checkout_place_order(&doc, engine, NULL, cart,
        "{\"payment\":{\"method\":\"manual\",\"kind\":\"cash\"},\"email\":\"guest@currency.test\"}"));
    commerce_doc_free(doc);

    /* Conversion at a past rate, and the report. */
    CHECK_OK(commerce_currency_convert(&doc, engine, admin, "1000", "JPY", "EUR", "2021-06-01T00:00:00Z"));
    CHECK(strcmp(commerce_doc_type(doc), "currency_conversion") == 0);
    CHECK(json_contains(doc, "\"converted\":{\"amount\":\"6.16\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_currency_convert(&doc, engine, admin, "1000", "JPY", "EUR", "2019-06-01T00:00:00Z"),
                 COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_currency_convert(&doc, engine, admin, "10.5", "JPY", "EUR", NULL),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_currency_convert(&doc, engine, admin, "10", NULL, "EUR", NULL),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_report_sales_in_base(&doc, engine, admin, "{\"from\":\"2000-01-01\",\"to\":\"2000-12-31\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "sales_report") == 0);
    CHECK(json_contains(doc, "\"orders\":0"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_report_sales_in_base(&doc, engine, admin, "{\"from\":\"2000-01-01\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_report_sales_in_base(NULL, engine, admin, NULL), COMMERCE_ERR_MISUSE);

    commerce_engine_free(engine);
}
