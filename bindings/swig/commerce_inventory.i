/* commerce — the inventory methods of commerce_swig::Engine (include/commerce/inventory.h): locations, the stock
 * ledger, stock levels and reservations. Included by commerce.i; same conventions as commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::create_location(const std::string &session, const std::string &location_json) {
    if (const char *f = nul_field("session", session, "location", location_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_location_create(out, e, opt(session), location_json.c_str());
    });
}

Outcome Engine::list_locations() {
    return run([&](commerce_engine *e, commerce_doc **out) { return commerce_location_list(out, e); });
}

Outcome Engine::adjust_stock(const std::string &session, const std::string &movement_json) {
    if (const char *f = nul_field("session", session, "movement", movement_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_inventory_adjust(out, e, opt(session), movement_json.c_str());
    });
}

Outcome Engine::transfer_stock(const std::string &session, const std::string &transfer_json) {
    if (const char *f = nul_field("session", session, "transfer", transfer_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_inventory_transfer(out, e, opt(session), transfer_json.c_str());
    });
}

Outcome Engine::stock_level(const std::string &variant_id) {
    if (const char *f = nul_field("variant_id", variant_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_inventory_level(out, e, variant_id.c_str());
    });
}

Outcome Engine::list_stock_movements(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_inventory_movements(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::reserve_stock(const std::string &session, const std::string &reservation_json) {
    if (const char *f = nul_field("session", session, "reservation", reservation_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_inventory_reserve(out, e, opt(session), reservation_json.c_str());
    });
}

Outcome Engine::release_reservation(const std::string &session, const std::string &reservation_id) {
    if (const char *f = nul_field("session", session, "reservation_id", reservation_id)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **) {
        return commerce_inventory_release(e, opt(session), reservation_id.c_str());
    });
}

} /* namespace commerce_swig */
%}
