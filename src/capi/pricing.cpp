#include "capi/guard.h"

#include "flows/price_lists.h"
#include "flows/promotions.h"
#include "flows/shipping.h"
#include "flows/taxes.h"

#include <commerce/pricing.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_promotion_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                          const char* definition_json) {
    return return_document(out, [&] { return flows::create_promotion(engine_of(engine), session, definition_json); });
}

commerce_status commerce_promotion_update(commerce_doc** out, commerce_engine* engine, const char* session,
                                          const char* promotion_id, const char* definition_json,
                                          int64_t expected_version) {
    return return_document(out, [&] {
        return flows::update_promotion(engine_of(engine), session, promotion_id, definition_json, expected_version);
    });
}

commerce_status commerce_promotion_set_status(commerce_doc** out, commerce_engine* engine, const char* session,
                                              const char* promotion_id, const char* status) {
    return return_document(out, [&] {
        return flows::set_promotion_status(engine_of(engine), session, promotion_id, status);
    });
}

commerce_status commerce_promotion_get(commerce_doc** out, commerce_engine* engine, const char* session,
                                       const char* promotion_id) {
    return return_document(out, [&] { return flows::get_promotion(engine_of(engine), session, promotion_id); });
}

commerce_status commerce_promotion_list(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* query_json) {
    return return_document(out, [&] { return flows::list_promotions(engine_of(engine), session, query_json); });
}

commerce_status commerce_promotion_generate_codes(commerce_doc** out, commerce_engine* engine, const char* session,
                                                  const char* promotion_id, int64_t count, const char* prefix) {
    return return_document(out, [&] {
        return flows::generate_promotion_codes(engine_of(engine), session, promotion_id, count, prefix);
    });
}

commerce_status commerce_price_list_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                           const char* definition_json) {
    return return_document(out, [&] { return flows::create_price_list(engine_of(engine), session, definition_json); });
}

commerce_status commerce_price_list_update(commerce_doc** out, commerce_engine* engine, const char* session,
                                           const char* price_list_id, const char* definition_json,
                                           int64_t expected_version) {
    return return_document(out, [&] {
        return flows::update_price_list(engine_of(engine), session, price_list_id, definition_json,
                                        expected_version);
    });
}

commerce_status commerce_price_list_set_status(commerce_doc** out, commerce_engine* engine, const char* session,
                                               const char* price_list_id, const char* status) {
    return return_document(out, [&] {
        return flows::set_price_list_status(engine_of(engine), session, price_list_id, status);
    });
}

commerce_status commerce_price_list_get(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* price_list_id) {
    return return_document(out, [&] { return flows::get_price_list(engine_of(engine), session, price_list_id); });
}

commerce_status commerce_price_list_list(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* query_json) {
    return return_document(out, [&] { return flows::list_price_lists(engine_of(engine), session, query_json); });
}

commerce_status commerce_tax_set_definition(commerce_doc** out, commerce_engine* engine, const char* session,
                                            const char* definition_json, int64_t expected_version) {
    return return_document(out, [&] {
        return flows::set_tax_definitions(engine_of(engine), session, definition_json, expected_version);
    });
}

commerce_status commerce_tax_get_definition(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::get_tax_definitions(engine_of(engine), session); });
}

commerce_status commerce_shipping_set_definition(commerce_doc** out, commerce_engine* engine, const char* session,
                                                 const char* definition_json, int64_t expected_version) {
    return return_document(out, [&] {
        return flows::set_shipping_definitions(engine_of(engine), session, definition_json, expected_version);
    });
}

commerce_status commerce_shipping_get_definition(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::get_shipping_definitions(engine_of(engine), session); });
}

}
