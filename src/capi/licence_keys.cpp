#include "capi/guard.h"

#include "flows/licence_keys.h"

#include <commerce/catalog.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_licence_keys_import(commerce_doc** out, commerce_engine* engine, const char* session,
                                             const char* variant_id, const char* keys_json) {
    return return_document(out, [&] {
        return flows::import_licence_keys(engine_of(engine), session, variant_id, keys_json);
    });
}

commerce_status commerce_licence_pool(commerce_doc** out, commerce_engine* engine, const char* session,
                                      const char* variant_id) {
    return return_document(out, [&] { return flows::licence_pool(engine_of(engine), session, variant_id); });
}

}
