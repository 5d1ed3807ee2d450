#include "capi/guard.h"

#include "flows/inventory.h"

#include <commerce/inventory.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_location_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* location_json) {
    return return_document(out, [&] { return flows::create_location(engine_of(engine), session, location_json); });
}

commerce_status commerce_location_list(commerce_doc** out, commerce_engine* engine) {
    return return_document(out, [&] { return flows::list_locations(engine_of(engine)); });
}

commerce_status commerce_inventory_adjust(commerce_doc** out, commerce_engine* engine, const char* session,
                                          const char* movement_json) {
    return return_document(out, [&] { return flows::adjust_stock(engine_of(engine), session, movement_json); });
}

commerce_status commerce_inventory_transfer(commerce_doc** out, commerce_engine* engine, const char* session,
                                            const char* transfer_json) {
    return return_document(out, [&] { return flows::transfer_stock(engine_of(engine), session, transfer_json); });
}

commerce_status commerce_inventory_level(commerce_doc** out, commerce_engine* engine, const char* variant_id) {
    return return_document(out, [&] { return flows::stock_level(engine_of(engine), variant_id); });
}

commerce_status commerce_inventory_movements(commerce_doc** out, commerce_engine* engine, const char* session,
                                             const char* query_json) {
    return return_document(out, [&] { return flows::list_stock_movements(engine_of(engine), session, query_json); });
}

commerce_status commerce_inventory_reserve(commerce_doc** out, commerce_engine* engine, const char* session,
                                           const char* reservation_json) {
    return return_document(out, [&] { return flows::reserve_stock(engine_of(engine), session, reservation_json); });
}

commerce_status commerce_inventory_release(commerce_engine* engine, const char* session, const char* reservation_id) {
    return guard([&] { flows::release_reservation(engine_of(engine), session, reservation_id); });
}

}
