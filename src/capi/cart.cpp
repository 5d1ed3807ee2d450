#include "capi/guard.h"

#include "flows/cart_lifecycle.h"
#include "flows/carts.h"

#include <commerce/cart.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_cart_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                     const char* currency) {
    return return_document(out, [&] { return flows::create_cart(engine_of(engine), session, currency); });
}

commerce_status commerce_cart_get(commerce_doc** out, commerce_engine* engine, const char* session,
                                  const char* cart_id) {
    return return_document(out, [&] { return flows::get_cart(engine_of(engine), session, cart_id); });
}

commerce_status commerce_cart_get_totals(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* cart_id) {
    return return_document(out, [&] { return flows::get_cart_totals(engine_of(engine), session, cart_id); });
}

commerce_status commerce_cart_find_open(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* currency) {
    return return_document(out, [&] { return flows::find_open_cart(engine_of(engine), session, currency); });
}

commerce_status commerce_cart_add_item(commerce_doc** out, commerce_engine* engine, const char* session,
                                       const char* cart_id, const char* product_id, int64_t quantity) {
    return return_document(out, [&] {
        return flows::add_item(engine_of(engine), session, cart_id, product_id, quantity);
    });
}

commerce_status commerce_cart_update_item(commerce_doc** out, commerce_engine* engine, const char* session,
                                          const char* cart_id, const char* product_id, int64_t quantity) {
    return return_document(out, [&] {
        return flows::update_item(engine_of(engine), session, cart_id, product_id, quantity);
    });
}

commerce_status commerce_cart_remove_item(commerce_doc** out, commerce_engine* engine, const char* session,
                                          const char* cart_id, const char* product_id) {
    return return_document(out, [&] { return flows::remove_item(engine_of(engine), session, cart_id, product_id); });
}

commerce_status commerce_cart_apply_coupon(commerce_doc** out, commerce_engine* engine, const char* session,
                                           const char* cart_id, const char* code) {
    return return_document(out, [&] { return flows::apply_coupon(engine_of(engine), session, cart_id, code); });
}

commerce_status commerce_cart_remove_coupon(commerce_doc** out, commerce_engine* engine, const char* session,
                                            const char* cart_id, const char* code) {
    return return_document(out, [&] { return flows::remove_coupon(engine_of(engine), session, cart_id, code); });
}

commerce_status commerce_cart_update(commerce_doc** out, commerce_engine* engine, const char* session,
                                     const char* cart_id, const char* changes_json) {
    return return_document(out, [&] { return flows::update_cart(engine_of(engine), session, cart_id, changes_json); });
}

commerce_status commerce_cart_merge(commerce_doc** out, commerce_engine* engine, const char* session,
                                    const char* guest_cart_id) {
    return return_document(out, [&] { return flows::merge_cart(engine_of(engine), session, guest_cart_id); });
}

commerce_status commerce_cart_sweep(commerce_doc** out, commerce_engine* engine, int64_t limit) {
    return return_document(out, [&] { return flows::sweep_carts(engine_of(engine), limit); });
}

commerce_status commerce_cart_recover(commerce_doc** out, commerce_engine* engine, const char* token) {
    return return_document(out, [&] { return flows::recover_cart(engine_of(engine), token); });
}

commerce_status commerce_cart_set_item_details(commerce_doc** out, commerce_engine* engine, const char* session,
                                               const char* cart_id, const char* item_id, const char* details_json) {
    return return_document(out, [&] {
        return flows::set_item_details(engine_of(engine), session, cart_id, item_id, details_json);
    });
}

}
