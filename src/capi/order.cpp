#include "capi/guard.h"

#include "flows/checkout.h"
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

}
