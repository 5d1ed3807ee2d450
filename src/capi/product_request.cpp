#include "capi/guard.h"

#include "flows/product_requests.h"

#include <commerce/catalog.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_product_request_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                                const char* request_json) {
    return return_document(out, [&] {
        return flows::create_product_request(engine_of(engine), session, request_json);
    });
}

commerce_status commerce_product_request_list(commerce_doc** out, commerce_engine* engine, const char* session,
                                              const char* query_json) {
    return return_document(out, [&] {
        return flows::list_product_requests(engine_of(engine), session, query_json);
    });
}

commerce_status commerce_product_request_fulfill(commerce_doc** out, commerce_engine* engine, const char* session,
                                                 const char* request_id, const char* product_id) {
    return return_document(out, [&] {
        return flows::fulfill_product_request(engine_of(engine), session, request_id, product_id);
    });
}

}
