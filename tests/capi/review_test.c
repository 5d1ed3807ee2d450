/* Reviews, product requests and licence keys through the C ABI: a review from submission to the product's
 * rating, votes, the moderation queue, a product request fulfilled, and the error promises of every new call. */
#include "common.h"

#include <string.h>

void review_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], ann[128], bob[128], product[64], physical[64], digital[64], review[64], request[64];

    engine = open_as_admin(TEST_CONFIG, "admin@review.test", "admin password", admin);
    CHECK_OK(commerce_product_create(&doc, engine, admin,
        "{\"sku\":\"ER\",\"title\":\"Elden Ring\",\"prices\":[{\"amount\":\"59.99\",\"currency\":\"EUR\"}],\"stock\":5}"));
    copy_member(doc, "id", product, sizeof product);
    snprintf(physical, sizeof physical, "%s", json_member_in(doc, "variants", "id"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_product_create(&doc, engine, admin,
        "{\"sku\":\"ER-DLC\",\"title\":\"Elden Ring DLC\",\"kind\":\"digital\","
        "\"prices\":[{\"amount\":\"39.99\",\"currency\":\"EUR\"}]}"));
    snprintf(digital, sizeof digital, "%s", json_member_in(doc, "variants", "id"));
    commerce_doc_free(doc);
    sign_up(engine, "ann@review.test", "ann password", ann);
    sign_up(engine, "bob@review.test", "bob password", bob);

    /* Bad submissions write nothing. */
    CHECK_STATUS(commerce_review_submit(&doc, engine, ann, product, "{\"rating\":0}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"rating\"") != NULL);
    CHECK_STATUS(commerce_review_submit(&doc, engine, ann, product, "{\"rating\":6}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_review_submit(&doc, engine, ann, product, NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_review_submit(&doc, engine, ann, NULL, "{\"rating\":5}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_review_submit(&doc, engine, ann, "nope", "{\"rating\":5}"), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_review_submit(&doc, engine, NULL, product, "{\"rating\":5}"), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_STATUS(commerce_review_submit(NULL, engine, ann, product, "{\"rating\":5}"), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_review_submit(&doc, NULL, ann, product, "{\"rating\":5}"), COMMERCE_ERR_MISUSE);
    CHECK_OK(commerce_review_queue(&doc, engine, admin, NULL));
    CHECK(json_contains(doc, "\"items\":[]"));
    commerce_doc_free(doc);

    /* Submitted, moderated, counted. */
    CHECK_OK(commerce_review_submit(&doc, engine, ann, product, "{\"rating\":4,\"title\":\"Hard\",\"body\":\"Fair\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "review") == 0);
    CHECK(json_contains(doc, "\"status\":\"pending\""));
    copy_member(doc, "id", review, sizeof review);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_review_moderate(&doc, engine, bob, review, "approved", NULL), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_review_moderate(&doc, engine, admin, review, "rejected", NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_review_moderate(&doc, engine, admin, review, "later", NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_review_moderate(&doc, engine, admin, "nope", "approved", NULL), COMMERCE_ERR_NOT_FOUND);
    CHECK_OK(commerce_review_queue(&doc, engine, admin, "{\"status\":\"pending\",\"limit\":10}"));
    CHECK(strcmp(commerce_doc_type(doc), "review_list") == 0);
    CHECK(json_contains(doc, review));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_review_queue(&doc, engine, ann, NULL), COMMERCE_ERR_FORBIDDEN);
    CHECK_OK(commerce_review_moderate(&doc, engine, admin, review, "approved", NULL));
    CHECK(json_contains(doc, "\"status\":\"approved\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_review_moderate(&doc, engine, admin, review, "approved", NULL), COMMERCE_ERR_ILLEGAL_STATE);
    CHECK_OK(commerce_review_list(&doc, engine, product, "{\"sort\":\"helpful\"}"));
    CHECK(json_contains(doc, "\"rating\":{\"average\":\"4.00\",\"count\":1}"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_review_list(&doc, engine, product, "{\"sort\":\"best\"}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_review_list(&doc, engine, "nope", NULL), COMMERCE_ERR_NOT_FOUND);

    /* Votes. */
    CHECK_STATUS(commerce_review_vote(&doc, engine, ann, review, "helpful", NULL), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_review_vote(&doc, engine, bob, review, "like", NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_review_vote(&doc, engine, bob, review, "helpful", NULL));
    CHECK(json_contains(doc, "\"helpful_count\":1"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_review_vote(&doc, engine, bob, review, "helpful", NULL), COMMERCE_ERR_EXISTS);
    CHECK_OK(commerce_review_vote(&doc, engine, bob, review, "report", "spoilers"));
    CHECK(json_contains(doc, "\"report_count\":1"));
    commerce_doc_free(doc);

    /* Deletion: not by others, by the author; the rating follows. */
    CHECK_STATUS(commerce_review_delete(engine, bob, review), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_review_delete(engine, ann, NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_review_delete(NULL, ann, review), COMMERCE_ERR_MISUSE);
    CHECK_OK(commerce_review_delete(engine, ann, review));
    CHECK_STATUS(commerce_review_delete(engine, ann, review), COMMERCE_ERR_NOT_FOUND);
    CHECK_OK(commerce_review_list(&doc, engine, product, NULL));
    CHECK(json_contains(doc, "\"rating\":{\"average\":\"0.00\",\"count\":0}"));
    commerce_doc_free(doc);

    /* Product requests. */
    CHECK_STATUS(commerce_product_request_create(&doc, engine, NULL, "{\"title\":\"Hades II\"}"),
                 COMMERCE_ERR_UNAUTHORIZED);
    CHECK_STATUS(commerce_product_request_create(&doc, engine, ann, "{\"title\":\"\"}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_product_request_create(&doc, engine, ann, "{\"title\":\"Hades II\",\"details\":\"Switch\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "product_request") == 0);
    copy_member(doc, "id", request, sizeof request);
    commerce_doc_free(doc);
    CHECK_OK(commerce_product_request_list(&doc, engine, bob, NULL));
    CHECK(json_contains(doc, "\"items\":[]"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_product_request_list(&doc, engine, admin, "{\"status\":\"open\"}"));
    CHECK(strcmp(commerce_doc_type(doc), "product_request_list") == 0);
    CHECK(json_contains(doc, request));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_product_request_fulfill(&doc, engine, ann, request, product), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_product_request_fulfill(&doc, engine, admin, request, "nope"), COMMERCE_ERR_NOT_FOUND);
    CHECK_OK(commerce_product_request_fulfill(&doc, engine, admin, request, product));
    CHECK(json_contains(doc, "\"status\":\"fulfilled\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_product_request_fulfill(&doc, engine, admin, request, product), COMMERCE_ERR_ILLEGAL_STATE);
    CHECK_OK(commerce_outbox_fetch(&doc, engine, "{\"topics\":[\"product_request.\"]}"));
    CHECK(json_contains(doc, "\"email\":\"ann@review.test\""));
    commerce_doc_free(doc);

    /* Licence keys: only digital variants have a pool; a repeated key is skipped. */
    CHECK_STATUS(commerce_licence_keys_import(&doc, engine, admin, physical, "[\"AAAA\"]"), COMMERCE_ERR_ILLEGAL_STATE);
    CHECK_STATUS(commerce_licence_keys_import(&doc, engine, admin, "nope", "[\"AAAA\"]"), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_licence_keys_import(&doc, engine, ann, digital, "[\"AAAA\"]"), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_licence_keys_import(&doc, engine, admin, digital, "[]"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_licence_keys_import(&doc, engine, admin, digital, "[\"AAAA\",\"BBBB\",\"AAAA\"]"));
    CHECK(strcmp(commerce_doc_type(doc), "licence_pool") == 0);
    CHECK(json_contains(doc, "\"available\":2"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_licence_pool(&doc, engine, admin, digital));
    CHECK(json_contains(doc, "\"available\":2"));
    CHECK(json_contains(doc, "\"assigned\":0"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_licence_pool(&doc, engine, ann, digital), COMMERCE_ERR_FORBIDDEN);

    commerce_engine_free(engine);
}
