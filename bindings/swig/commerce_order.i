/* commerce — the order lifecycle methods of commerce_swig::Engine (include/commerce/order.h): recording a payment,
 * refunds, cancellation, fulfilment (shipments and completion) and the expiry sweep of unpaid orders. Placing,
 * reading and listing orders stay inline in commerce.i. Included by commerce.i; same conventions as
 * commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::capture_payment(const std::string &session, const std::string &order_id,
                                const std::string &request_json) {
    if (const char *f = nul_field("session", session, "order_id", order_id, "request", request_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_capture_payment(out, e, opt(session), order_id.c_str(), opt(request_json));
    });
}

Outcome Engine::refund_order(const std::string &session, const std::string &order_id,
                             const std::string &request_json) {
    if (const char *f = nul_field("session", session, "order_id", order_id, "request", request_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_refund(out, e, opt(session), order_id.c_str(), request_json.c_str());
    });
}

Outcome Engine::cancel_order(const std::string &session, const std::string &order_id,
                             const std::string &request_json) {
    if (const char *f = nul_field("session", session, "order_id", order_id, "request", request_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_cancel(out, e, opt(session), order_id.c_str(), opt(request_json));
    });
}

Outcome Engine::ship_order(const std::string &session, const std::string &order_id,
                           const std::string &request_json) {
    if (const char *f = nul_field("session", session, "order_id", order_id, "request", request_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_ship(out, e, opt(session), order_id.c_str(), opt(request_json));
    });
}

Outcome Engine::update_shipment(const std::string &session, const std::string &order_id,
                                const std::string &shipment_id, const std::string &request_json) {
    if (const char *f = nul_field("session", session, "order_id", order_id, "shipment_id", shipment_id, "request",
                                  request_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_update_shipment(out, e, opt(session), order_id.c_str(), shipment_id.c_str(),
                                              request_json.c_str());
    });
}

Outcome Engine::complete_order(const std::string &session, const std::string &order_id,
                               const std::string &request_json) {
    if (const char *f = nul_field("session", session, "order_id", order_id, "request", request_json))
        return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_complete(out, e, opt(session), order_id.c_str(), opt(request_json));
    });
}

Outcome Engine::sweep_orders(long long limit) {
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_sweep(out, e, static_cast<int64_t>(limit));
    });
}

} /* namespace commerce_swig */
%}
