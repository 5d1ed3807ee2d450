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

commerce_status commerce_product_view(commerce_doc** out, commerce_engine* engine, const char* id_or_slug,
                                      const char* locale) {
    return return_document(out, [&] { return flows::view_product(engine_of(engine), id_or_slug, locale); });
}

commerce_status commerce_variant_by_barcode(commerce_doc** out, commerce_engine* engine, const char* barcode) {
    return return_document(out, [&] { return flows::variant_by_barcode(engine_of(engine), barcode); });
}

commerce_status commerce_category_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* category_json) {
    return return_document(out, [&] { return flows::create_category(engine_of(engine), session, category_json); });
}

commerce_status commerce_category_update(commerce_doc** out, commerce_engine* engine, const char* session,
                                         const char* category_id, const char* patch_json) {
    return return_document(out, [&] {
        return flows::update_category(engine_of(engine), session, category_id, patch_json);
    });
}

commerce_status commerce_category_move(commerce_doc** out, commerce_engine* engine, const char* session,
                                       const char* category_id, const char* parent_id, int64_t position) {
    return return_document(out, [&] {
        return flows::move_category(engine_of(engine), session, category_id, parent_id, position);
    });
}

commerce_status commerce_category_delete(commerce_engine* engine, const char* session, const char* category_id) {
    return guard([&] { flows::delete_category(engine_of(engine), session, category_id); });
}

commerce_status commerce_category_tree(commerce_doc** out, commerce_engine* engine, const char* category_id) {
    return return_document(out, [&] { return flows::category_tree(engine_of(engine), category_id); });
}

commerce_status commerce_collection_create(commerce_doc** out, commerce_engine* engine, const char* session,
                                           const char* collection_json) {
    return return_document(out, [&] { return flows::create_collection(engine_of(engine), session, collection_json); });
}

commerce_status commerce_collection_update(commerce_doc** out, commerce_engine* engine, const char* session,
                                           const char* collection_id, const char* patch_json) {
    return return_document(out, [&] {
        return flows::update_collection(engine_of(engine), session, collection_id, patch_json);
    });
}

commerce_status commerce_collection_get(commerce_doc** out, commerce_engine* engine, const char* id_or_slug) {
    return return_document(out, [&] { return flows::get_collection(engine_of(engine), id_or_slug); });
}

commerce_status commerce_collection_delete(commerce_engine* engine, const char* session, const char* collection_id) {
    return guard([&] { flows::delete_collection(engine_of(engine), session, collection_id); });
}

}
