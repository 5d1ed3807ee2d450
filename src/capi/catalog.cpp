#include "capi/guard.h"

#include "flows/catalog.h"

#include <commerce/catalog.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_product_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* product_json) {
    return return_document(out, [&] { return flows::create_product(engine_of(engine), session, product_json); });
}

commerce_status commerce_product_update(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* product_id, const char* patch_json) {
    return return_document(out, [&] {
        return flows::update_product(engine_of(engine), session, product_id, patch_json);
    });
}

commerce_status commerce_product_get(commerce_doc** out, commerce_engine* engine, const char* product_id) {
    return return_document(out, [&] { return flows::get_product(engine_of(engine), product_id); });
}

commerce_status commerce_product_list(commerce_doc** out, commerce_engine* engine, const char* query_json) {
    return return_document(out, [&] { return flows::list_products(engine_of(engine), query_json); });
}

commerce_status commerce_product_delete(commerce_engine* engine, const char* session, const char* product_id) {
    return guard([&] { flows::delete_product(engine_of(engine), session, product_id); });
}

}
