/* Search through the C ABI: a product found by a typed prefix, a typo and a filter; errors; hostile text. */
#include "common.h"

#include <stdlib.h>
#include <string.h>

void search_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], query[256];
    const char alphabet[] = "ab e\"*-():^NEAR+OR{}[]'\\%_.,;|~` ";
    int i, k;

    engine = open_as_admin(TEST_CONFIG, "admin@shop.test", "correct horse battery", admin);

    /* Nothing indexed yet: an empty result, not an error; no session needed. */
    CHECK_OK(commerce_search(&doc, engine, NULL));
    CHECK(strcmp(commerce_doc_type(doc), "search_result") == 0);
    CHECK(json_contains(doc, "\"total\":0"));
    commerce_doc_free(doc);

    new_product(engine, admin, "{\"sku\":\"MUG\",\"title\":\"Stoneware Mug\",\"description\":\"Holds café au lait\","
                               "\"prices\":[{\"amount\":\"12.50\",\"currency\":\"EUR\"}],\"stock\":5}", NULL);
    new_product(engine, admin, "{\"sku\":\"CUP\",\"title\":\"Espresso Cup\",\"description\":\"Small\","
                               "\"prices\":[{\"amount\":\"4.00\",\"currency\":\"EUR\"}],\"stock\":0}", NULL);

    CHECK_OK(commerce_search(&doc, engine, "{\"q\":\"stonew\"}"));
    CHECK(json_contains(doc, "\"title\":\"Stoneware Mug\""));
    CHECK(json_contains(doc, "\"total\":1"));
    commerce_doc_free(doc);

    CHECK_OK(commerce_search(&doc, engine, "{\"q\":\"cafe espreso \"}"));  /* folded, and one typo */
    CHECK(json_contains(doc, "\"total\":0"));                           /* both words must match */
    CHECK(strcmp(json_member(doc, "corrected_query"), "cafe espresso") == 0);
    commerce_doc_free(doc);

    CHECK_OK(commerce_search(&doc, engine,
        "{\"currency\":\"EUR\",\"sort\":\"price_asc\",\"filters\":{\"in_stock\":true},\"facets\":[\"price\"],"
        "\"limit\":1}"));
    CHECK(json_contains(doc, "\"price\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}"));
    CHECK(!json_contains(doc, "Espresso"));
    CHECK(json_contains(doc, "\"next\":null"));
    commerce_doc_free(doc);

    /* Errors: a bad request names its field, writes nothing and leaves *out NULL. */
    doc = (commerce_doc *)&doc;
    CHECK_STATUS(commerce_search(&doc, engine, "{\"limit\":0}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"limit\"") != NULL);
    CHECK_STATUS(commerce_search(&doc, engine, "{\"sort\":\"price_asc\"}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"currency\"") != NULL);
    CHECK_STATUS(commerce_search(&doc, engine, "{\"after\":\"not-a-cursor\"}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_search(&doc, engine, "{\"q\":"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_search(NULL, engine, "{}"), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_search(&doc, NULL, "{}"), COMMERCE_ERR_MISUSE);

    /* User text is data: operators, quotes and random text never fail. */
    srand(7);
    for (i = 0; i < 500; ++i) {
        char text[40];
        int length = rand() % 32;
        for (k = 0; k < length; ++k) text[k] = alphabet[rand() % (int)(sizeof alphabet - 1)];
        text[length] = '\0';
        /* JSON-escape the two characters that need it. */
        {
            char escaped[100];
            int out = 0;
            for (k = 0; k < length; ++k) {
                if (text[k] == '"' || text[k] == '\\') escaped[out++] = '\\';
                escaped[out++] = text[k];
            }
            escaped[out] = '\0';
            snprintf(query, sizeof query, "{\"q\":\"%s\",\"facets\":[\"tags\"]}", escaped);
        }
        CHECK_OK(commerce_search(&doc, engine, query));
        commerce_doc_free(doc);
    }

    commerce_engine_free(engine);
}
