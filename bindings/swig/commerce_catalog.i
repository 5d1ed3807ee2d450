/* commerce — the catalog methods of commerce_swig::Engine (include/commerce/catalog.h) beyond the product
 * create/update/get/list/delete defined inline in commerce.i: the localized product view, barcode lookup,
 * categories, collections, licence keys and product requests. Included by commerce.i; same conventions as
 * commerce_identity.i. */

%{
namespace commerce_swig {

/* ---- products ---------------------------------------------------------------------------------------------- */

Outcome Engine::view_product(const std::string &id_or_slug, const std::string &locale) {
    if (const char *f = nul_field("id_or_slug", id_or_slug, "locale", locale)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_product_view(out, e, id_or_slug.c_str(), opt(locale));
    });
}

Outcome Engine::variant_by_barcode(const std::string &barcode) {
    if (const char *f = nul_field("barcode", barcode)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_variant_by_barcode(out, e, barcode.c_str());
    });
}

/* ---- categories and collections --------------------------------------------------------------------------- */

Outcome Engine::create_category(const std::string &session, const std::string &category_json) {
    if (const char *f = nul_field("session", session, "category", category_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_category_create(out, e, opt(session), category_json.c_str());
    });
}

Outcome Engine::update_category(const std::string &session, const std::string &category_id,
                                const std::string &patch_json) {
    if (const char *f = nul_field("session", session, "category_id", category_id, "patch", patch_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_category_update(out, e, opt(session), category_id.c_str(), patch_json.c_str());
    });
}

Outcome Engine::move_category(const std::string &session, const std::string &category_id,
                              const std::string &parent_id, long long position) {
    if (const char *f = nul_field("session", session, "category_id", category_id, "parent_id", parent_id))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_category_move(out, e, opt(session), category_id.c_str(), opt(parent_id),
                                      static_cast<int64_t>(position));
    });
}

Outcome Engine::delete_category(const std::string &session, const std::string &category_id) {
    if (const char *f = nul_field("session", session, "category_id", category_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_category_delete(e, opt(session), category_id.c_str());
    });
}

Outcome Engine::category_tree(const std::string &category_id) {
    if (const char *f = nul_field("category_id", category_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_category_tree(out, e, opt(category_id));
    });
}

Outcome Engine::create_collection(const std::string &session, const std::string &collection_json) {
    if (const char *f = nul_field("session", session, "collection", collection_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_collection_create(out, e, opt(session), collection_json.c_str());
    });
}

Outcome Engine::update_collection(const std::string &session, const std::string &collection_id,
                                  const std::string &patch_json) {
    if (const char *f = nul_field("session", session, "collection_id", collection_id, "patch", patch_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_collection_update(out, e, opt(session), collection_id.c_str(), patch_json.c_str());
    });
}

Outcome Engine::get_collection(const std::string &id_or_slug) {
    if (const char *f = nul_field("id_or_slug", id_or_slug)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_collection_get(out, e, id_or_slug.c_str());
    });
}

Outcome Engine::delete_collection(const std::string &session, const std::string &collection_id) {
    if (const char *f = nul_field("session", session, "collection_id", collection_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_collection_delete(e, opt(session), collection_id.c_str());
    });
}

/* ---- digital products ------------------------------------------------------------------------------------- */

Outcome Engine::import_licence_keys(const std::string &session, const std::string &variant_id,
                                    const std::string &keys_json) {
    if (const char *f = nul_field("session", session, "variant_id", variant_id, "keys", keys_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_licence_keys_import(out, e, opt(session), variant_id.c_str(), keys_json.c_str());
    });
}

Outcome Engine::licence_pool(const std::string &session, const std::string &variant_id) {
    if (const char *f = nul_field("session", session, "variant_id", variant_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_licence_pool(out, e, opt(session), variant_id.c_str());
    });
}

/* ---- product requests ------------------------------------------------------------------------------------- */

Outcome Engine::create_product_request(const std::string &session, const std::string &request_json) {
    if (const char *f = nul_field("session", session, "request", request_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_product_request_create(out, e, opt(session), request_json.c_str());
    });
}

Outcome Engine::list_product_requests(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_product_request_list(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::fulfill_product_request(const std::string &session, const std::string &request_id,
                                        const std::string &product_id) {
    if (const char *f = nul_field("session", session, "request_id", request_id, "product_id", product_id))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_product_request_fulfill(out, e, opt(session), request_id.c_str(), product_id.c_str());
    });
}

} /* namespace commerce_swig */
%}
