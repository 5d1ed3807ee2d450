#include "capi/guard.h"

#include "flows/checkout.h"
#include "flows/fulfillment.h"
#include "flows/order_lifecycle.h"
#include "flows/returns.h"
#include "flows/orders.h"

#include <commerce/order.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_checkout_place_order(commerce_doc** out, commerce_engine* engine, const char* session,
                                              const char* cart_id, const char* request_json) {
    return return_document(out, [&] { return flows::place_order(engine_of(engine), session, cart_id, request_json); });
}

commerce_status commerce_order_get(commerce_doc** out, commerce_engine* engine, const char* session,
                                   const char* order_id) {
    return return_document(out, [&] { return flows::get_order(engine_of(engine), session, order_id); });
}

commerce_status commerce_order_list(commerce_doc** out, commerce_engine* engine, const char* session,
                                    const char* query_json) {
    return return_document(out, [&] { return flows::list_orders(engine_of(engine), session, query_json); });
}

commerce_status commerce_order_receipt(commerce_doc** out, commerce_engine* engine, const char* session,
                                       const char* order_id, const char* options_json) {
    return return_document(out,
                           [&] { return flows::order_receipt(engine_of(engine), session, order_id, options_json); });
}

commerce_status commerce_order_invoice(commerce_doc** out, commerce_engine* engine, const char* session,
                                       const char* order_id, const char* options_json) {
    return return_document(out,
                           [&] { return flows::order_invoice(engine_of(engine), session, order_id, options_json); });
}

commerce_status commerce_order_search(commerce_doc** out, commerce_engine* engine, const char* session,
                                      const char* query_json) {
    return return_document(out, [&] { return flows::search_orders(engine_of(engine), session, query_json); });
}

commerce_status commerce_order_capture_payment(commerce_doc** out, commerce_engine* engine, const char* session,
                                               const char* order_id, const char* request_json) {
    return return_document(out, [&] {
        return flows::capture_payment(engine_of(engine), session, order_id, request_json);
    });
}

commerce_status commerce_order_refund(commerce_doc** out, commerce_engine* engine, const char* session,
                                      const char* order_id, const char* request_json) {
    return return_document(out,
                           [&] { return flows::refund_order(engine_of(engine), session, order_id, request_json); });
}

commerce_status commerce_order_cancel(commerce_doc** out, commerce_engine* engine, const char* session,
                                      const char* order_id, const char* request_json) {
    return return_document(out,
                           [&] { return flows::cancel_order(engine_of(engine), session, order_id, request_json); });
}

commerce_status commerce_order_ship(commerce_doc** out, commerce_engine* engine, const char* session,
                                    const char* order_id, const char* request_json) {
    return return_document(out, [&] { return flows::ship_order(engine_of(engine), session, order_id, request_json); });
}

commerce_status commerce_order_update_shipment(commerce_doc** out, commerce_engine* engine, const char* session,
                                               const char* order_id, const char* shipment_id,
                                               const char* request_json) {
    return return_document(out, [&] {
        return flows::update_shipment(engine_of(engine), session, order_id, shipment_id, request_json);
    });
}

commerce_status commerce_order_complete(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* order_id, const char* request_json) {
    return return_document(out,
                           [&] { return flows::complete_order(engine_of(engine), session, order_id, request_json); });
}

commerce_status commerce_return_request(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* order_id, const char* request_json) {
    return return_document(out,
                           [&] { return flows::request_return(engine_of(engine), session, order_id, request_json); });
}

commerce_status commerce_return_approve(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* order_id, const char* return_id, const char* request_json) {
    return return_document(out, [&] {
        return flows::approve_return(engine_of(engine), session, order_id, return_id, request_json);
    });
}

commerce_status commerce_return_reject(commerce_doc** out, commerce_engine* engine, const char* session,
                                       const char* order_id, const char* return_id, const char* request_json) {
    return return_document(out, [&] {
        return flows::reject_return(engine_of(engine), session, order_id, return_id, request_json);
    });
}

commerce_status commerce_return_receive(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* order_id, const char* return_id, const char* request_json) {
    return return_document(out, [&] {
        return flows::receive_return(engine_of(engine), session, order_id, return_id, request_json);
    });
}

commerce_status commerce_order_sweep(commerce_doc** out, commerce_engine* engine, int64_t limit) {
    return return_document(out, [&] { return flows::sweep_orders(engine_of(engine), limit); });
}

}
