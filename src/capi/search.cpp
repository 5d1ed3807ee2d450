#include "capi/guard.h"

#include "flows/search.h"

#include <commerce/search.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_search(commerce_doc** out, commerce_engine* engine, const char* query_json) {
    return return_document(out, [&] { return flows::search(engine_of(engine), query_json); });
}

}
