#include "capi/guard.h"

#include "flows/wishlists.h"

#include <commerce/wishlist.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_wishlist_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* name) {
    return return_document(out, [&] { return flows::create_wishlist(engine_of(engine), session, name); });
}

commerce_status commerce_wishlist_rename(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* wishlist_id, const char* name) {
    return return_document(out, [&] { return flows::rename_wishlist(engine_of(engine), session, wishlist_id, name); });
}

commerce_status commerce_wishlist_delete(commerce_engine* engine, const char* session, const char* wishlist_id) {
    return guard([&] { flows::delete_wishlist(engine_of(engine), session, wishlist_id); });
}

commerce_status commerce_wishlist_list(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::list_wishlists(engine_of(engine), session); });
}

commerce_status commerce_wishlist_get(commerce_doc** out, commerce_engine* engine, const char* session,
                                      const char* wishlist_id, const char* currency) {
    return return_document(out, [&] {
        return flows::get_wishlist(engine_of(engine), session, wishlist_id, currency);
    });
}

commerce_status commerce_wishlist_add_item(commerce_doc** out, commerce_engine* engine, const char* session,
                                           const char* wishlist_id, const char* item_id, const char* note) {
    return return_document(out, [&] {
        return flows::add_wishlist_item(engine_of(engine), session, wishlist_id, item_id, note);
    });
}

commerce_status commerce_wishlist_remove_item(commerce_doc** out, commerce_engine* engine, const char* session,
                                              const char* wishlist_id, const char* item_id) {
    return return_document(out, [&] {
        return flows::remove_wishlist_item(engine_of(engine), session, wishlist_id, item_id);
    });
}

commerce_status commerce_wishlist_move_to_cart(commerce_doc** out, commerce_engine* engine, const char* session,
                                               const char* wishlist_id, const char* item_id, const char* cart_id,
                                               int64_t quantity) {
    return return_document(out, [&] {
        return flows::move_wishlist_item_to_cart(engine_of(engine), session, wishlist_id, item_id, cart_id, quantity);
    });
}

commerce_status commerce_wishlist_share(commerce_doc** out, commerce_engine* engine, const char* session,
                                        const char* wishlist_id) {
    return return_document(out, [&] { return flows::share_wishlist(engine_of(engine), session, wishlist_id); });
}

commerce_status commerce_wishlist_unshare(commerce_engine* engine, const char* session, const char* wishlist_id) {
    return guard([&] { flows::unshare_wishlist(engine_of(engine), session, wishlist_id); });
}

commerce_status commerce_wishlist_get_shared(commerce_doc** out, commerce_engine* engine, const char* token,
                                             const char* currency) {
    return return_document(out, [&] { return flows::shared_wishlist(engine_of(engine), token, currency); });
}

}
