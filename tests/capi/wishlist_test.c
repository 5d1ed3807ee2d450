/* Wishlists through the C ABI: a list from creation to deletion, an item moved to a cart, a share token rotated
 * and revoked, a price drop in the outbox, and the error promises of every call. */
#include "common.h"

#include <string.h>

void wishlist_tests(void) {
    commerce_engine *engine = NULL;
    commerce_doc *doc = NULL;
    char admin[128], ann[128], bob[128], product[64], variant[64], list[64], cart[64], token[64], old_token[64];
    char patch[256];

    engine = open_as_admin(TEST_CONFIG, "admin@wish.test", "admin password", admin);
    CHECK_OK(commerce_product_create(&doc, engine, admin,
        "{\"sku\":\"MUG\",\"title\":\"Mug\",\"prices\":[{\"amount\":\"12.50\",\"currency\":\"EUR\"},"
        "{\"amount\":\"14.00\",\"currency\":\"USD\"}],\"stock\":5}"));
    copy_member(doc, "id", product, sizeof product);
    snprintf(variant, sizeof variant, "%s", json_member_in(doc, "variants", "id"));
    commerce_doc_free(doc);
    sign_up(engine, "ann@wish.test", "ann password", ann);
    sign_up(engine, "bob@wish.test", "bob password", bob);

    /* A list with one item, read in one currency. */
    CHECK_STATUS(commerce_wishlist_create(&doc, engine, ann, " "), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"empty\"") != NULL);
    CHECK_STATUS(commerce_wishlist_create(&doc, engine, ann, NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_wishlist_create(&doc, engine, NULL, "Gifts"), COMMERCE_ERR_UNAUTHORIZED);
    CHECK_STATUS(commerce_wishlist_create(NULL, engine, ann, "Gifts"), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_wishlist_create(&doc, NULL, ann, "Gifts"), COMMERCE_ERR_MISUSE);
    CHECK_OK(commerce_wishlist_create(&doc, engine, ann, "Gifts"));
    CHECK(strcmp(commerce_doc_type(doc), "wishlist") == 0);
    copy_member(doc, "id", list, sizeof list);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_wishlist_create(&doc, engine, ann, "Gifts"), COMMERCE_ERR_EXISTS);
    CHECK_OK(commerce_wishlist_add_item(&doc, engine, ann, list, product, "for mum"));
    CHECK(json_contains(doc, "\"note\":\"for mum\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_wishlist_add_item(&doc, engine, ann, list, variant, NULL)); /* again: still one item */
    CHECK(json_contains(doc, "\"item_count\":1"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_wishlist_add_item(&doc, engine, ann, list, "nope", NULL), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_wishlist_add_item(&doc, engine, bob, list, variant, NULL), COMMERCE_ERR_FORBIDDEN);
    CHECK_OK(commerce_wishlist_get(&doc, engine, ann, list, "USD"));
    CHECK(json_contains(doc, "\"prices\":[{\"amount\":\"14.00\",\"currency\":\"USD\"}]"));
    CHECK(json_contains(doc, "\"in_stock\":true"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_wishlist_get(&doc, engine, ann, list, "EURO"), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_wishlist_get(&doc, engine, bob, list, NULL), COMMERCE_ERR_FORBIDDEN);
    CHECK_OK(commerce_wishlist_rename(&doc, engine, ann, list, "Birthday"));
    CHECK(strcmp(json_member(doc, "name"), "Birthday") == 0);
    commerce_doc_free(doc);
    CHECK_OK(commerce_wishlist_list(&doc, engine, ann));
    CHECK(strcmp(commerce_doc_type(doc), "wishlist_list") == 0);
    CHECK(json_contains(doc, list));
    commerce_doc_free(doc);
    CHECK_OK(commerce_wishlist_list(&doc, engine, bob));
    CHECK(json_contains(doc, "\"items\":[]"));
    commerce_doc_free(doc);

    /* Shared read-only by a token, rotated, revoked. */
    CHECK_OK(commerce_wishlist_share(&doc, engine, ann, list));
    CHECK(strcmp(commerce_doc_type(doc), "wishlist_share") == 0);
    copy_member(doc, "token", old_token, sizeof old_token);
    commerce_doc_free(doc);
    CHECK_OK(commerce_wishlist_get_shared(&doc, engine, old_token, NULL));
    CHECK(strcmp(commerce_doc_type(doc), "shared_wishlist") == 0);
    CHECK(json_contains(doc, "\"name\":\"Birthday\""));
    commerce_doc_free(doc);
    CHECK_OK(commerce_wishlist_share(&doc, engine, ann, list));
    copy_member(doc, "token", token, sizeof token);
    commerce_doc_free(doc);
    CHECK(strcmp(token, old_token) != 0);
    CHECK_STATUS(commerce_wishlist_get_shared(&doc, engine, old_token, NULL), COMMERCE_ERR_NOT_FOUND);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"unknown_token\"") != NULL);
    CHECK_STATUS(commerce_wishlist_unshare(engine, bob, list), COMMERCE_ERR_FORBIDDEN);
    CHECK_OK(commerce_wishlist_get_shared(&doc, engine, token, "EUR"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_wishlist_unshare(engine, ann, list));
    CHECK_STATUS(commerce_wishlist_get_shared(&doc, engine, token, NULL), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_wishlist_get_shared(&doc, engine, NULL, NULL), COMMERCE_ERR_INVALID_ARGUMENT);

    /* A cheaper mug is announced to its owner. */
    CHECK_OK(commerce_outbox_fetch(&doc, engine, "{\"limit\":100}"));
    commerce_doc_free(doc);
    snprintf(patch, sizeof patch, "{\"prices\":[{\"amount\":\"9.99\",\"currency\":\"EUR\"},"
                                  "{\"amount\":\"14.00\",\"currency\":\"USD\"}]}");
    CHECK_OK(commerce_product_update(&doc, engine, admin, product, patch));
    commerce_doc_free(doc);
    CHECK_OK(commerce_outbox_fetch(&doc, engine, "{\"topics\":[\"wishlist.\"]}"));
    CHECK(json_contains(doc, "\"topic\":\"wishlist.price_drop\""));
    CHECK(json_contains(doc, "\"new_price\":{\"amount\":\"9.99\",\"currency\":\"EUR\"}"));
    CHECK(json_contains(doc, "\"email\":\"ann@wish.test\""));
    commerce_doc_free(doc);

    /* Moved to a cart: one transaction; a refusal keeps the item. */
    CHECK_OK(commerce_cart_create(&doc, engine, ann, "EUR"));
    copy_member(doc, "id", cart, sizeof cart);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_wishlist_move_to_cart(&doc, engine, ann, list, variant, cart, 0),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    CHECK_OK(commerce_wishlist_get(&doc, engine, ann, list, NULL));
    CHECK(json_contains(doc, "\"item_count\":1"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_wishlist_move_to_cart(&doc, engine, ann, list, variant, cart, 2));
    CHECK(strcmp(commerce_doc_type(doc), "cart") == 0);
    CHECK(json_contains(doc, "\"quantity\":2"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_wishlist_get(&doc, engine, ann, list, NULL));
    CHECK(json_contains(doc, "\"items\":[]"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_wishlist_remove_item(&doc, engine, ann, list, variant), COMMERCE_ERR_NOT_FOUND);

    /* Deleted. */
    CHECK_STATUS(commerce_wishlist_delete(engine, bob, list), COMMERCE_ERR_FORBIDDEN);
    CHECK_OK(commerce_wishlist_delete(engine, ann, list));
    CHECK_STATUS(commerce_wishlist_get(&doc, engine, ann, list, NULL), COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_wishlist_delete(NULL, ann, list), COMMERCE_ERR_MISUSE);

    commerce_engine_free(engine);
}
