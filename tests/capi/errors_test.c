/* Bad input through the C ABI: each gets its stable code and changes nothing. */
#define _POSIX_C_SOURCE 200809L
#include "common.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The cart and product documents, to prove a failed call left them as they were. */
static char *snapshot(commerce_engine *engine, const char *session, const char *cart_id, const char *product_id) {
    commerce_doc *cart = NULL, *product = NULL;
    char *text;
    size_t size;
    commerce_cart_get(&cart, engine, session, cart_id);
    commerce_product_get(&product, engine, product_id);
    size = commerce_doc_size(cart) + commerce_doc_size(product) + 2;
    text = malloc(size);
    snprintf(text, size, "%s\n%s", commerce_doc_json(cart), commerce_doc_json(product));
    commerce_doc_free(cart);
    commerce_doc_free(product);
    return text;
}

static void bad_key_tests(void) {
    char dir[] = "/tmp/commerce-capi-XXXXXX", config[512];
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    CHECK(mkdtemp(dir) != NULL);
    snprintf(config, sizeof config, "{\"path\":\"%s/shop.db\",\"key\":\"k1\"}", dir);
    CHECK_OK(commerce_engine_open(&engine, config));
    CHECK_OK(commerce_user_register(&doc, engine, "kiosk@example.test", "a long passphrase"));
    commerce_doc_free(doc);
    commerce_engine_free(engine);

    snprintf(config, sizeof config, "{\"path\":\"%s/shop.db\",\"key\":\"k2\"}", dir);
    CHECK_STATUS(commerce_engine_open(&engine, config), COMMERCE_ERR_BAD_KEY);
    CHECK(engine == NULL);
    snprintf(config, sizeof config, "{\"path\":\"%s/shop.db\"}", dir);
    CHECK_STATUS(commerce_engine_open(&engine, config), COMMERCE_ERR_BAD_KEY);

    /* Rekey, then only the new key opens the file, and the data is still there. */
    snprintf(config, sizeof config, "{\"path\":\"%s/shop.db\",\"key\":\"k1\"}", dir);
    CHECK_OK(commerce_engine_open(&engine, config));
    CHECK_OK(commerce_engine_rekey(engine, "k3"));
    commerce_engine_free(engine);
    CHECK_STATUS(commerce_engine_open(&engine, config), COMMERCE_ERR_BAD_KEY);
    snprintf(config, sizeof config, "{\"path\":\"%s/shop.db\",\"key\":\"k3\"}", dir);
    CHECK_OK(commerce_engine_open(&engine, config));
    CHECK_STATUS(commerce_user_register(&doc, engine, "kiosk@example.test", "a long passphrase"), COMMERCE_ERR_EXISTS);
    commerce_engine_free(engine);

    snprintf(config, sizeof config, "%s/shop.db", dir);
    unlink(config);
    snprintf(config, sizeof config, "%s/shop.db-wal", dir);
    unlink(config);
    snprintf(config, sizeof config, "%s/shop.db-shm", dir);
    unlink(config);
    rmdir(dir);
}

/* An admin (its session in admin), one pen in stock (product_id), and a guest cart (cart_id) wanting quantity. */
static void seed_store(commerce_engine *engine, char admin[128], char product_id[64], char cart_id[64],
                       int64_t quantity) {
    commerce_doc *doc = NULL;
    char adjustment[256];
    CHECK_OK(commerce_user_bootstrap_admin(&doc, engine, "admin@shop.test", "correct horse battery"));
    commerce_doc_free(doc);
    login_as(engine, "admin@shop.test", "correct horse battery", admin);
    CHECK_OK(commerce_product_create(&doc, engine, admin,
        "{\"sku\":\"PEN\",\"title\":\"Pen\",\"prices\":[{\"amount\":\"2.00\",\"currency\":\"EUR\"}],\"stock\":2}"));
    snprintf(product_id, 64, "%s", json_member(doc, "id"));
    snprintf(adjustment, sizeof adjustment,
             "{\"variant_id\":\"%s\",\"kind\":\"adjustment\",\"quantity\":-1}",
             json_member_in(doc, "variants", "id"));
    commerce_doc_free(doc);
    new_cart(engine, NULL, "EUR", cart_id);
    CHECK_OK(commerce_cart_add_item(&doc, engine, NULL, cart_id, product_id, quantity));
    commerce_doc_free(doc);
    /* One pen breaks after the cart was filled: one is left, whatever the cart holds. */
    CHECK_OK(commerce_inventory_adjust(&doc, engine, admin, adjustment));
    commerce_doc_free(doc);
}

/* The whole file's bytes (the engine is closed, so the WAL has been checkpointed into it). */
static char *read_file(const char *path, long *size) {
    FILE *file = fopen(path, "rb");
    char *bytes;
    CHECK(file != NULL);
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    *size = ftell(file);
    rewind(file);
    bytes = malloc((size_t)*size);
    CHECK(fread(bytes, 1, (size_t)*size, file) == (size_t)*size);
    fclose(file);
    return bytes;
}

/* Bad input against an encrypted file store leaves the file byte for byte as it was. */
static void file_unchanged_tests(void) {
    char dir[] = "/tmp/commerce-capi-XXXXXX", path[256], config[512], admin[128], product_id[64], cart_id[64];
    const char bad_utf8[] = {'a', (char)0xC3, (char)0x28, 0};
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char *before, *after;
    long before_size = 0, after_size = 0;
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/shop.db", dir);
    snprintf(config, sizeof config,
             "{\"path\":\"%s\",\"key\":\"till key\",\"password_hashing\":{\"memory_kib\":64,\"iterations\":1,"
             "\"parallelism\":1}}", path);
    CHECK_OK(commerce_engine_open(&engine, config));
    seed_store(engine, admin, product_id, cart_id, 2);
    commerce_engine_free(engine);
    before = read_file(path, &before_size);

    CHECK_OK(commerce_engine_open(&engine, config));
    CHECK_STATUS(commerce_cart_add_item(&doc, engine, NULL, cart_id, product_id, 0), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_cart_add_item(&doc, engine, NULL, cart_id, "no-such-product", 1), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id,
                 "{\"prices\":[{\"amount\":\"1.2.3\",\"currency\":\"EUR\"}]}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_cart_create(&doc, engine, NULL, "XYZ"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id, "{\"title\": "), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_user_register(&doc, engine, bad_utf8, "a long passphrase"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_checkout_place_order(&doc, engine, NULL, cart_id,
        "{\"payment\":{\"method\":\"manual\",\"kind\":\"cash\"},\"email\":\"guest@example.test\"}"),
        COMMERCE_ERR_OUT_OF_STOCK);
    commerce_engine_free(engine);
    CHECK_STATUS(commerce_engine_open(&engine, "{\"path\":\"/nonexistent-dir/x.db\"}"), COMMERCE_ERR_STORAGE);
    snprintf(config, sizeof config, "{\"path\":\"%s\",\"key\":\"wrong key\"}", path);
    CHECK_STATUS(commerce_engine_open(&engine, config), COMMERCE_ERR_BAD_KEY);

    after = read_file(path, &after_size);
    CHECK(before_size > 0 && before_size == after_size);
    CHECK(before && after && memcmp(before, after, (size_t)before_size) == 0);
    free(before);
    free(after);
    unlink(path);
    rmdir(dir);
}

void error_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], product_id[64], cart_id[64], *before, *after, *long_text;
    const char bad_utf8[] = {'a', (char)0xC3, (char)0x28, 0};

    CHECK_OK(commerce_engine_open(&engine, TEST_CONFIG));
    seed_store(engine, admin, product_id, cart_id, 1);
    before = snapshot(engine, NULL, cart_id, product_id);

    CHECK_STATUS(commerce_cart_add_item(&doc, engine, NULL, cart_id, product_id, 0), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"quantity\"") != NULL);
    CHECK(doc == NULL);
    CHECK_STATUS(commerce_cart_add_item(&doc, engine, NULL, cart_id, product_id, -3), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_cart_add_item(&doc, engine, NULL, cart_id, "no-such-product", 1), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id,
                 "{\"prices\":[{\"amount\":\"12.3.4\",\"currency\":\"EUR\"}]}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id,
                 "{\"prices\":[{\"amount\":\"1.999\",\"currency\":\"EUR\"}]}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id,
                 "{\"prices\":[{\"amount\":\"-1.00\",\"currency\":\"EUR\"}]}"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id, "{\"stock\":-1}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_cart_create(&doc, engine, NULL, "XYZ"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id, "{\"title\": "), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id, "{\"colour\":\"red\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_cart_add_item(&doc, engine, NULL, cart_id, bad_utf8, 1), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_user_register(&doc, engine, bad_utf8, "a long passphrase"), COMMERCE_ERR_INVALID_ARGUMENT);
    long_text = malloc(2u * 1024 * 1024);
    memset(long_text, 'x', 2u * 1024 * 1024 - 1);
    long_text[2u * 1024 * 1024 - 1] = '\0';
    CHECK_STATUS(commerce_cart_add_item(&doc, engine, NULL, cart_id, long_text, 1), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_product_update(&doc, engine, admin, product_id, long_text), COMMERCE_ERR_INVALID_ARGUMENT);
    free(long_text);
    CHECK_STATUS(commerce_user_register(&doc, engine, "short@example.test", "short"), COMMERCE_ERR_INVALID_ARGUMENT);
    after = snapshot(engine, NULL, cart_id, product_id);
    CHECK(strcmp(before, after) == 0);  /* none of the failures above wrote anything */
    free(after);

    /* A guest cart wanting 2 of the last pen: out of stock at once, and the cart keeps its one. */
    CHECK_STATUS(commerce_cart_update_item(&doc, engine, NULL, cart_id, product_id, 2), COMMERCE_ERR_OUT_OF_STOCK);
    CHECK(strstr(commerce_last_error_details(), "\"available\":1") != NULL);
    CHECK_OK(commerce_cart_update_item(&doc, engine, NULL, cart_id, product_id, 1));
    commerce_doc_free(doc);
    after = snapshot(engine, NULL, cart_id, product_id);
    CHECK(strstr(after, "\"on_hand\":1") != NULL);
    CHECK(strstr(after, "\"status\":\"open\"") != NULL);
    free(after);

    /* A customer cannot do an admin's work. */
    {
        char customer[128];
        CHECK_OK(commerce_user_register(&doc, engine, "bo@example.test", "a long passphrase"));
        commerce_doc_free(doc);
        login_as(engine, "bo@example.test", "a long passphrase", customer);
        CHECK_STATUS(commerce_product_delete(engine, customer, product_id), COMMERCE_ERR_FORBIDDEN);
        CHECK_STATUS(commerce_product_create(&doc, engine, customer,
            "{\"sku\":\"X\",\"title\":\"X\",\"prices\":[]}"), COMMERCE_ERR_FORBIDDEN);
        CHECK_STATUS(commerce_auth_login(&doc, engine, "bo@example.test", "wrong password", NULL), COMMERCE_ERR_UNAUTHORIZED);
        CHECK_STATUS(commerce_auth_login(&doc, engine, "nobody@example.test", "wrong password", NULL),
                     COMMERCE_ERR_UNAUTHORIZED);
    }
    CHECK_STATUS(commerce_product_create(&doc, engine, admin,
        "{\"sku\":\"PEN\",\"title\":\"Pen again\",\"prices\":[]}"), COMMERCE_ERR_EXISTS);

    after = snapshot(engine, NULL, cart_id, product_id);
    CHECK(strstr(after, "\"on_hand\":1") != NULL);
    CHECK(strstr(after, "\"amount\":\"2.00\"") != NULL);
    CHECK(strstr(after, "\"title\":\"Pen\"") != NULL);
    CHECK(strstr(after, "\"version\":1") != NULL);
    free(after);
    free(before);

    /* NULL handles and out-params are misuse, never a crash. */
    CHECK_STATUS(commerce_cart_get(&doc, NULL, NULL, cart_id), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_cart_get(NULL, engine, NULL, cart_id), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_engine_open(NULL, TEST_CONFIG), COMMERCE_ERR_MISUSE);
    {
        commerce_engine *other = NULL;
        CHECK_STATUS(commerce_engine_open(&other, "{\"path\":\":memory:\",\"durability\":\"sometimes\"}"),
                     COMMERCE_ERR_INVALID_ARGUMENT);
        CHECK(other == NULL);
        CHECK_STATUS(commerce_engine_open(&other, "not json"), COMMERCE_ERR_INVALID_ARGUMENT);
    }
    commerce_engine_free(engine);
    commerce_engine_free(NULL);
    commerce_doc_free(NULL);
    CHECK(strcmp(commerce_status_name(COMMERCE_ERR_OUT_OF_STOCK), "COMMERCE_ERR_OUT_OF_STOCK") == 0);
    CHECK(strcmp(commerce_status_name(-999), "COMMERCE_ERR_UNKNOWN") == 0);
    CHECK_STATUS(commerce_engine_rekey(NULL, "k"), COMMERCE_ERR_MISUSE);
    bad_key_tests();
    file_unchanged_tests();
}
