/* An order's life through the C ABI: cash on delivery captured by staff, refunds allocated exactly, a cancellation
 * that gives the stock back, the sweep that expires an unpaid bank transfer on the manual clock, and shipments. */
#include "common.h"

#include <string.h>

#define ORDER_CONFIG                                                                                             \
    "{\"path\":\":memory:\",\"clock\":\"manual\",\"clock_start_ms\":1767225600000,"                              \
    "\"orders\":{\"unpaid_expire_after_minutes\":30},"                                                          \
    "\"password_hashing\":{\"memory_kib\":64,\"iterations\":1,\"parallelism\":1}}"

/* Places an order of `quantity` soaps for the session with the payment JSON; order_id receives its id. */
static void order_soap(commerce_engine *engine, const char *session, const char *soap, int64_t quantity,
                       const char *payment, char *order_id) {
    commerce_doc *doc = NULL;
    char cart_id[64], request[256];
    new_cart(engine, session, "EUR", cart_id);
    CHECK_OK(commerce_cart_add_item(&doc, engine, session, cart_id, soap, quantity));
    commerce_doc_free(doc);
    snprintf(request, sizeof request, "{\"payment\":%s}", payment);
    CHECK_OK(commerce_checkout_place_order(&doc, engine, session, cart_id, request));
    copy_member(doc, "id", order_id, 64);
    commerce_doc_free(doc);
}

static void check_on_hand(commerce_engine *engine, const char *soap, const char *expected) {
    commerce_doc *doc = NULL;
    CHECK_OK(commerce_product_get(&doc, engine, soap));
    CHECK(json_contains(doc, expected));
    commerce_doc_free(doc);
}

void order_tests(void) {
    char admin[128], customer[128], soap[64], order_id[64], bank_id[64], shipment_id[64], return_id[64];
    commerce_doc *doc = NULL;
    commerce_engine *engine = open_as_admin(ORDER_CONFIG, "admin@shop.test", "correct horse battery", admin);
    sign_up(engine, "ana@example.test", "a long passphrase", customer);
    new_product(engine, admin,
                "{\"sku\":\"SOAP\",\"title\":\"Soap\",\"prices\":[{\"amount\":\"10.00\",\"currency\":\"EUR\"}],"
                "\"stock\":10}",
                soap);

    order_soap(engine, customer, soap, 3, "{\"method\":\"manual\",\"kind\":\"cash_on_delivery\"}", order_id);
    CHECK_STATUS(commerce_order_capture_payment(&doc, engine, customer, order_id, NULL), COMMERCE_ERR_FORBIDDEN);
    CHECK(doc == NULL);
    CHECK_OK(commerce_order_capture_payment(&doc, engine, admin, order_id, "{\"reference\":\"driver-1\"}"));
    CHECK(json_contains(doc, "\"status\":\"paid\""));
    CHECK(json_contains(doc, "\"captured\":{\"amount\":\"30.00\",\"currency\":\"EUR\"}"));
    CHECK(json_contains(doc, "\"reference\":\"driver-1\""));
    commerce_doc_free(doc);

    /* One unit back on hand, then an amount: the refunds add up, and more than was captured is refused. */
    CHECK_OK(commerce_order_refund(&doc, engine, admin, order_id,
                                   "{\"lines\":[{\"line\":0,\"quantity\":1,\"restock\":true}],\"reason\":\"broken\"}"));
    CHECK(json_contains(doc, "\"payment_status\":\"partially_refunded\""));
    CHECK(json_contains(doc, "\"refunded_quantity\":1"));
    commerce_doc_free(doc);
    check_on_hand(engine, soap, "\"on_hand\":8");
    CHECK_STATUS(commerce_order_refund(&doc, engine, admin, order_id, "{\"amount\":\"20.01\"}"),
                 COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"exceeds_captured\"") != NULL);
    CHECK_STATUS(commerce_order_refund(&doc, engine, admin, order_id, "{\"lines\":[{\"line\":1,\"quantity\":1}]}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"lines[0].line\"") != NULL);
    CHECK_STATUS(commerce_order_refund(&doc, engine, admin, order_id, "{\"amount\":\"1.00\",\"currency\":\"EUR\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_order_refund(&doc, engine, admin, order_id, "{\"amount\":\"20.00\"}"));
    CHECK(json_contains(doc, "\"payment_status\":\"refunded\""));
    CHECK(json_contains(doc, "\"refunded\":{\"amount\":\"30.00\",\"currency\":\"EUR\"}"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_order_refund(&doc, engine, admin, order_id, NULL), COMMERCE_ERR_INVALID_ARGUMENT);

    /* The owner calls off an unpaid order: its stock comes back. */
    order_soap(engine, customer, soap, 2, "{\"method\":\"manual\",\"kind\":\"cash_on_delivery\"}", order_id);
    check_on_hand(engine, soap, "\"on_hand\":6");
    CHECK_OK(commerce_order_cancel(&doc, engine, customer, order_id, "{\"note\":\"changed my mind\"}"));
    CHECK(json_contains(doc, "\"status\":\"cancelled\""));
    CHECK(json_contains(doc, "\"payment_status\":\"voided\""));
    CHECK(json_contains(doc, "\"note\":\"changed my mind\""));
    commerce_doc_free(doc);
    check_on_hand(engine, soap, "\"on_hand\":8");
    CHECK_STATUS(commerce_order_cancel(&doc, engine, customer, order_id, NULL), COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(strstr(commerce_last_error_details(), "\"current\":\"cancelled\"") != NULL);

    /* A bank transfer not received in 30 minutes is cancelled by the sweep. */
    order_soap(engine, customer, soap, 1, "{\"method\":\"manual\",\"kind\":\"bank_transfer\"}", bank_id);
    CHECK_OK(commerce_engine_advance_time(engine, 30 * 60 * 1000));
    CHECK_OK(commerce_order_sweep(&doc, engine, 10));
    CHECK(strcmp(commerce_doc_type(doc), "order_sweep") == 0);
    CHECK(json_contains(doc, "\"expired\":1"));
    commerce_doc_free(doc);
    CHECK_OK(commerce_order_get(&doc, engine, customer, bank_id));
    CHECK(json_contains(doc, "\"status\":\"cancelled\""));
    CHECK(json_contains(doc, "\"note\":\"payment not received in time\""));
    commerce_doc_free(doc);
    check_on_hand(engine, soap, "\"on_hand\":8");

    /* A paid order shipped in two parts, delivered, completed. */
    order_soap(engine, customer, soap, 2, "{\"method\":\"manual\",\"kind\":\"cash\"}", order_id);
    CHECK_OK(commerce_order_ship(&doc, engine, admin, order_id,
                                 "{\"lines\":[{\"line\":0,\"quantity\":1}],\"carrier\":\"DHL\","
                                 "\"tracking_url\":\"https://dhl.example/1\"}"));
    CHECK(json_contains(doc, "\"fulfillment_status\":\"partially_shipped\""));
    snprintf(shipment_id, sizeof shipment_id, "%s", json_member_in(doc, "shipments", "id"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_order_ship(&doc, engine, admin, order_id, "{\"tracking_url\":\"ftp://x\"}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK(strstr(commerce_last_error_details(), "\"field\":\"tracking_url\"") != NULL);
    CHECK_OK(commerce_order_ship(&doc, engine, admin, order_id, NULL));
    CHECK(json_contains(doc, "\"status\":\"shipped\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_order_complete(&doc, engine, admin, order_id, NULL), COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(strstr(commerce_last_error_details(), "\"reason\":\"not_delivered\"") != NULL);
    CHECK_OK(commerce_order_update_shipment(&doc, engine, admin, order_id, shipment_id,
                                            "{\"status\":\"out_for_delivery\"}"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_order_update_shipment(&doc, engine, admin, order_id, "nope", "{\"status\":\"delivered\"}"),
                 COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_order_update_shipment(&doc, engine, admin, order_id, shipment_id, NULL),
                 COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_OK(commerce_order_update_shipment(&doc, engine, admin, order_id, shipment_id,
                                            "{\"status\":\"delivered\"}"));
    CHECK(json_contains(doc, "\"status\":\"shipped\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_order_update_shipment(&doc, engine, admin, order_id, shipment_id,
                                                "{\"status\":\"out_for_delivery\"}"),
                 COMMERCE_ERR_ILLEGAL_STATE);

    /* The admin finds it among every order; a customer may not search. */
    CHECK_OK(commerce_order_search(&doc, engine, admin, "{\"fulfillment_status\":\"shipped\",\"limit\":5}"));
    CHECK(strcmp(commerce_doc_type(doc), "order_list") == 0);
    CHECK(strcmp(json_member_in(doc, "items", "id"), order_id) == 0);
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_order_search(&doc, engine, customer, NULL), COMMERCE_ERR_FORBIDDEN);
    CHECK_STATUS(commerce_order_search(&doc, engine, admin, "{\"status\":\"lost\"}"), COMMERCE_ERR_INVALID_ARGUMENT);

    /* Its receipt in German money, and its invoice. */
    CHECK_OK(commerce_order_receipt(&doc, engine, customer, order_id, "{\"locale\":\"de-DE\",\"width\":32}"));
    CHECK(strcmp(commerce_doc_type(doc), "receipt") == 0);
    CHECK(strstr(json_member(doc, "text"), "20,00") != NULL);
    commerce_doc_free(doc);
    CHECK_OK(commerce_order_invoice(&doc, engine, customer, order_id, NULL));
    CHECK(strcmp(commerce_doc_type(doc), "invoice") == 0);
    CHECK(json_contains(doc, "\"formatted\":"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_order_receipt(&doc, engine, customer, order_id, "{\"width\":500}"),
                 COMMERCE_ERR_INVALID_ARGUMENT);

    /* Ana sends one soap back: approved, received and refunded in one step. */
    CHECK_OK(commerce_return_request(&doc, engine, customer, order_id,
                                     "{\"lines\":[{\"line\":0,\"quantity\":1,\"reason\":\"scent\"}]}"));
    snprintf(return_id, sizeof return_id, "%s", json_member_in(doc, "returns", "id"));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_return_receive(&doc, engine, admin, order_id, return_id, NULL), COMMERCE_ERR_ILLEGAL_STATE);
    CHECK(strstr(commerce_last_error_details(), "\"current\":\"requested\"") != NULL);
    CHECK_OK(commerce_return_approve(&doc, engine, admin, order_id, return_id, NULL));
    commerce_doc_free(doc);
    CHECK_OK(commerce_return_receive(&doc, engine, admin, order_id, return_id, NULL));
    CHECK(json_contains(doc, "\"status\":\"refunded\""));
    CHECK(json_contains(doc, "\"payment_status\":\"partially_refunded\""));
    commerce_doc_free(doc);
    CHECK_STATUS(commerce_return_reject(&doc, engine, admin, order_id, "nope", NULL), COMMERCE_ERR_NOT_FOUND);

    /* Bad handles and arguments are refused, never a crash. */
    CHECK_STATUS(commerce_order_sweep(&doc, engine, 0), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_order_sweep(NULL, engine, 10), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_order_sweep(&doc, NULL, 10), COMMERCE_ERR_MISUSE);
    CHECK_STATUS(commerce_order_capture_payment(&doc, engine, admin, NULL, NULL), COMMERCE_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(commerce_order_refund(&doc, engine, admin, "missing", "{\"amount\":\"1.00\"}"),
                 COMMERCE_ERR_NOT_FOUND);
    CHECK_STATUS(commerce_order_cancel(&doc, engine, NULL, order_id, NULL), COMMERCE_ERR_UNAUTHORIZED);
    commerce_engine_free(engine);
}
