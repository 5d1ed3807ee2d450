#include "capi/guard.h"

#include "flows/outbox.h"

#include <commerce/outbox.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_outbox_fetch(commerce_doc** out, commerce_engine* engine, const char* query_json) {
    return return_document(out, [&] { return flows::fetch_events(engine_of(engine), query_json); });
}

commerce_status commerce_outbox_ack(commerce_engine* engine, const char* event_id) {
    return guard([&] { flows::acknowledge_event(engine_of(engine), event_id); });
}

commerce_status commerce_outbox_fail(commerce_engine* engine, const char* event_id, const char* error) {
    return guard([&] { flows::fail_event(engine_of(engine), event_id, error); });
}

}
