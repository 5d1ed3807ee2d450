#include "capi/guard.h"

#include "flows/customer_groups.h"

#include <commerce/customer_group.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_customer_group_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                               const char* definition_json) {
    return return_document(out, [&] {
        return flows::create_customer_group(engine_of(engine), session, definition_json);
    });
}

commerce_status commerce_customer_group_update(commerce_doc** out, commerce_engine* engine, const char* session,
                                               const char* group_id, const char* definition_json,
                                               int64_t expected_version) {
    return return_document(out, [&] {
        return flows::update_customer_group(engine_of(engine), session, group_id, definition_json, expected_version);
    });
}

commerce_status commerce_customer_group_delete(commerce_engine* engine, const char* session, const char* group_id) {
    return guard([&] { flows::delete_customer_group(engine_of(engine), session, group_id); });
}

commerce_status commerce_customer_group_get(commerce_doc** out, commerce_engine* engine, const char* session,
                                            const char* group_id) {
    return return_document(out, [&] { return flows::get_customer_group(engine_of(engine), session, group_id); });
}

commerce_status commerce_customer_group_list(commerce_doc** out, commerce_engine* engine, const char* session,
                                             const char* query_json) {
    return return_document(out, [&] { return flows::list_customer_groups(engine_of(engine), session, query_json); });
}

commerce_status commerce_customer_group_change_members(commerce_doc** out, commerce_engine* engine,
                                                       const char* session, const char* group_id,
                                                       const char* change_json) {
    return return_document(out, [&] {
        return flows::change_customer_group_members(engine_of(engine), session, group_id, change_json);
    });
}

commerce_status commerce_customer_group_members(commerce_doc** out, commerce_engine* engine, const char* session,
                                                const char* group_id, const char* query_json) {
    return return_document(out, [&] {
        return flows::list_customer_group_members(engine_of(engine), session, group_id, query_json);
    });
}

}
