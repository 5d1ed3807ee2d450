/* commerce — the wishlist methods of commerce_swig::Engine (include/commerce/wishlist.h): lists, items, moving an
 * item to a cart and read-only share tokens. Included by commerce.i; same conventions as commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::create_wishlist(const std::string &session, const std::string &name) {
    if (const char *f = nul_field("session", session, "name", name)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_wishlist_create(out, e, opt(session), name.c_str());
    });
}

Outcome Engine::rename_wishlist(const std::string &session, const std::string &wishlist_id, const std::string &name) {
    if (const char *f = nul_field("session", session, "wishlist_id", wishlist_id, "name", name)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_wishlist_rename(out, e, opt(session), wishlist_id.c_str(), name.c_str());
    });
}

Outcome Engine::delete_wishlist(const std::string &session, const std::string &wishlist_id) {
    if (const char *f = nul_field("session", session, "wishlist_id", wishlist_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_wishlist_delete(e, opt(session), wishlist_id.c_str());
    });
}

Outcome Engine::list_wishlists(const std::string &session) {
    if (!text_ok(session)) return nul_error("session");
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_wishlist_list(out, e, opt(session)); });
}

Outcome Engine::get_wishlist(const std::string &session, const std::string &wishlist_id, const std::string &currency) {
    if (const char *f = nul_field("session", session, "wishlist_id", wishlist_id, "currency", currency))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_wishlist_get(out, e, opt(session), wishlist_id.c_str(), opt(currency));
    });
}

Outcome Engine::add_wishlist_item(const std::string &session, const std::string &wishlist_id,
                                  const std::string &item_id, const std::string &note) {
    if (const char *f = nul_field("session", session, "wishlist_id", wishlist_id, "item_id", item_id, "note", note))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_wishlist_add_item(out, e, opt(session), wishlist_id.c_str(), item_id.c_str(), opt(note));
    });
}

Outcome Engine::remove_wishlist_item(const std::string &session, const std::string &wishlist_id,
                                     const std::string &item_id) {
    if (const char *f = nul_field("session", session, "wishlist_id", wishlist_id, "item_id", item_id))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_wishlist_remove_item(out, e, opt(session), wishlist_id.c_str(), item_id.c_str());
    });
}

Outcome Engine::move_wishlist_item_to_cart(const std::string &session, const std::string &wishlist_id,
                                           const std::string &item_id, const std::string &cart_id, long long quantity) {
    if (const char *f =
            nul_field("session", session, "wishlist_id", wishlist_id, "item_id", item_id, "cart_id", cart_id))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_wishlist_move_to_cart(out, e, opt(session), wishlist_id.c_str(), item_id.c_str(),
                                              cart_id.c_str(), static_cast<int64_t>(quantity));
    });
}

Outcome Engine::share_wishlist(const std::string &session, const std::string &wishlist_id) {
    if (const char *f = nul_field("session", session, "wishlist_id", wishlist_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_wishlist_share(out, e, opt(session), wishlist_id.c_str());
    });
}

Outcome Engine::unshare_wishlist(const std::string &session, const std::string &wishlist_id) {
    if (const char *f = nul_field("session", session, "wishlist_id", wishlist_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_wishlist_unshare(e, opt(session), wishlist_id.c_str());
    });
}

Outcome Engine::shared_wishlist(const std::string &token, const std::string &currency) {
    if (const char *f = nul_field("token", token, "currency", currency)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_wishlist_get_shared(out, e, token.c_str(), opt(currency));
    });
}

} /* namespace commerce_swig */
%}
