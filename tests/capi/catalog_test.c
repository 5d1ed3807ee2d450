/* The catalog through the C ABI: a product with variants, its view in a locale, barcodes, lists, categories,
 * collections, and the promises on bad input (the right status, the field, and nothing written). */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#define GAME                                                                                                       \
    "{\"title\":\"Elden Ring\",\"options\":[{\"name\":\"Edition\",\"values\":[\"Standard\",\"Deluxe\"]}],"        \
    "\"variants\":[{\"sku\":\"ER-STD\",\"options\":{\"Edition\":\"Standard\"},\"barcode\":\"4006381333931\","     \
    "\"prices\":[{\"amount\":\"59.99\",\"currency\":\"EUR\"}],\"stock\":10},"                                      \
    "{\"sku\":\"ER-DLX\",\"options\":{\"Edition\":\"Deluxe\"},\"barcode\":\"036000291452\","                       \
    "\"prices\":[{\"amount\":\"79.99\",\"currency\":\"EUR\"}],\"stock\":2}],"                                      \
    "\"translations\":{\"pt-br\":{\"title\":\"Anel\",\"options\":{\"Edition\":\"Edi\\u00e7\\u00e3o\"}}}}"

static char *product_list(commerce_engine *engine) {
    commerce_doc *doc = NULL;
    char *copy;
    CHECK_OK(commerce_product_list(&doc, engine, NULL));
    copy = malloc(commerce_doc_size(doc) + 1);
    memcpy(copy, commerce_doc_json(doc), commerce_doc_size(doc) + 1);
    commerce_doc_free(doc);
    return copy;
}

static void expect_refused(commerce_engine *engine, const char *admin, const char *product_json,
                           commerce_status expected, const char *details) {
    commerce_doc *doc = NULL;
    CHECK_STATUS(commerce_product_create(&doc, engine, admin, product_json), expected);
    CHECK(doc == NULL);
    CHECK(strstr(commerce_last_error_details(), details) != NULL);
}

void catalog_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], product_id[64], games_id[64], rpg_id[64], collection_id[64], *before, *after;

    engine = open_as_admin("{\"path\":\":memory:\",\"password_hashing\":{\"memory_kib\":64,"
                           "\"iterations\":1,\"parallelism\":1},"
                           "\"catalog\":{\"default_locale\":\"en\",\"locales\":[\"en\",\"pt-BR\"]}}",
                           "admin@shop.test", "correct horse battery", admin);

    CHECK_OK(commerce_category_create(&doc, engine, admin, "{\"name\":\"Games\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "category") == 0);
    CHECK(strcmp(json_member(doc, "slug"), "games") == 0);
    snprintf(games_id, sizeof games_id, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_category_create(&doc, engine, admin, "{\"name\":\"RPG\"}"));
    snprintf(rpg_id, sizeof rpg_id, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_category_move(&doc, engine, admin, rpg_id, games_id, 0));
    CHECK(json_contains(doc, games_id));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_category_move(&doc, engine, admin, games_id, rpg_id, 0), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"cycle\"") != NULL);
    CHECK_OK(commerce_category_update(&doc, engine, admin, rpg_id, "{\"name\":\"Role-playing\"}"));
    commerce_doc_free(doc);

    CHECK_OK(commerce_product_create(&doc, engine, admin, GAME));
    CHECK(strcmp(commerce_doc_type(doc), "product") == 0);
    CHECK(json_contains(doc, "\"barcode\":\"0036000291452\""));
    snprintf(product_id, sizeof product_id, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_product_update(&doc, engine, admin, product_id, "{\"expected_version\":1,\"category_ids\":[]}"));
    commerce_doc_free(doc);
    {
        char patch[160];
        snprintf(patch, sizeof patch, "{\"category_ids\":[\"%s\"]}", rpg_id);
        CHECK_OK(commerce_product_update(&doc, engine, admin, product_id, patch));
        CHECK(json_contains(doc, "\"version\":3"));
        commerce_doc_free(doc);
    }
    CHECK_OK(commerce_category_tree(&doc, engine, NULL));
    CHECK(strcmp(commerce_doc_type(doc), "category_tree") == 0);
    CHECK(json_contains(doc, "\"product_count\":1"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_category_delete(engine, admin, games_id), COMMERCE_ERR_ILLEGAL_STATE);

    /* Bad input: each refused with its status and field, and nothing written. */
    before = product_list(engine);
    expect_refused(engine, admin, "{\"title\":\"Copy\",\"sku\":\"ER-STD\"}", COMMERCE_ERR_EXISTS, "\"field\":\"sku\"");
    expect_refused(engine, admin, "{\"title\":\"Elden Ring\",\"sku\":\"NEW\"}", COMMERCE_ERR_EXISTS, "\"field\":\"slug\"");
    expect_refused(engine, admin, "{\"title\":\"Copy\",\"sku\":\"NEW\",\"barcode\":\"0036000291452\"}",
                   COMMERCE_ERR_EXISTS, "\"field\":\"barcode\"");
    expect_refused(engine, admin, "{\"title\":\"Copy\",\"sku\":\"NEW\",\"barcode\":\"4006381333932\"}",
                   COMMERCE_ERR_INVALID_ARGUMENT, "\"reason\":\"check_digit\"");
    expect_refused(engine, admin, "{\"title\":\"Copy\",\"sku\":\"NEW\",\"prices\":[{\"amount\":\"-1\",\"currency\":\"EUR\"}]}",
                   COMMERCE_ERR_INVALID_ARGUMENT, "\"field\":\"prices\"");
    expect_refused(engine, admin, "{\"title\":\"Copy\",\"sku\":\"NEW\",\"translations\":{\"de\":{\"title\":\"x\"}}}",
                   COMMERCE_ERR_INVALID_ARGUMENT, "\"reason\":\"unknown_locale\"");
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id, "{\"expected_version\":1,\"title\":\"x\"}"),
                 COMMERCE_ERR_CONFLICT);
    after = product_list(engine);
    CHECK(strcmp(before, after) == 0);
    free(before);
    free(after);

    /* A shopper's view, the scanner, the lists. */
    CHECK_OK(commerce_product_view(&doc, engine, "elden-ring", "pt-br"));
    CHECK(strcmp(commerce_doc_type(doc), "product_view") == 0);
    CHECK(json_contains(doc, "\"title\":\"Anel\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_variant_by_barcode(&doc, engine, "036000291452"));
    CHECK(strcmp(commerce_doc_type(doc), "variant_match") == 0);
    CHECK(json_contains(doc, "\"sku\":\"ER-DLX\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_variant_by_barcode(&doc, engine, "0036000291452"));
    CHECK(json_contains(doc, "\"sku\":\"ER-DLX\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_variant_by_barcode(&doc, engine, "5901234123457"), COMMERCE_ERR_NOT_FOUND);
    CHECK_OK(commerce_product_list(&doc, engine, "{\"page\":1,\"limit\":10,\"search\":\"elden\"}"));
    CHECK(json_contains(doc, "\"total\":1"));
    commerce_doc_free(doc);

    /* A cart takes a variant; a product with two variants needs one named. */
    {
        char cart_id[64];
        CHECK_OK(commerce_cart_create(&doc, engine, NULL, "EUR"));
        snprintf(cart_id, sizeof cart_id, "%s", json_member(doc, "id"));
        commerce_doc_free(doc);
        CHECK_STATUS(commerce_cart_add_item(&doc, engine, NULL, cart_id, product_id, 1), COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(strstr(commerce_last_error_details(), "variant_required") != NULL);
    }

    CHECK_OK(commerce_collection_create(&doc, engine, admin, "{\"title\":\"Summer Sale\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "collection") == 0);
    snprintf(collection_id, sizeof collection_id, "%s", json_member(doc, "id"));
    commerce_doc_free(doc);
    {
        char patch[160];
        snprintf(patch, sizeof patch, "{\"product_ids\":[\"%s\"]}", product_id);
        CHECK_OK(commerce_collection_update(&doc, engine, admin, collection_id, patch));
        commerce_doc_free(doc);
    }
    CHECK_OK(commerce_collection_get(&doc, engine, "summer-sale"));
    CHECK(json_contains(doc, product_id));
    commerce_doc_free(doc);
    CHECK_OK(commerce_collection_delete(engine, admin, collection_id));
    CHECK_STATUS(commerce_collection_get(&doc, engine, collection_id), COMMERCE_ERR_NOT_FOUND);

    CHECK_OK(commerce_product_delete(engine, admin, product_id));
    CHECK_STATUS(commerce_product_get(&doc, engine, product_id), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_product_view(&doc, engine, NULL, NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_category_delete(engine, admin, rpg_id));
    CHECK_OK(commerce_category_delete(engine, admin, games_id));
    commerce_engine_free(engine);
}
