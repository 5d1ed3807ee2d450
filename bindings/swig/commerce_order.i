/* commerce — the order methods of commerce_swig::Engine (include/commerce/order.h) beyond placing, reading and
 * listing (inline in commerce.i): recording a payment, refunds, cancellation, fulfilment (shipments and
 * completion), the expiry sweep of unpaid orders, the staff's order search, receipts and invoices. Included by
 * commerce.i; same conventions as commerce_identity.i. */

%{
namespace commerce_swig {

Outcome Engine::order_call(OrderCall f, const std::string &session, const std::string &order_id, const char *what,
                           const std::string &json) {
    if (const char *field = nul_field("session", session, "order_id", order_id, what, json)) return nul_error(field);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return f(out, e, opt(session), order_id.c_str(), opt(json));
    });
}

Outcome Engine::capture_payment(const std::string &session, const std::string &order_id,
                                const std::string &request_json) {
    return order_call(commerce_order_capture_payment, session, order_id, "request", request_json);
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
    return order_call(commerce_order_cancel, session, order_id, "request", request_json);
}

Outcome Engine::ship_order(const std::string &session, const std::string &order_id,
                           const std::string &request_json) {
    return order_call(commerce_order_ship, session, order_id, "request", request_json);
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
    return order_call(commerce_order_complete, session, order_id, "request", request_json);
}

Outcome Engine::sweep_orders(long long limit) {
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_sweep(out, e, static_cast<int64_t>(limit));
    });
}

Outcome Engine::search_orders(const std::string &session, const std::string &query_json) {
    if (const char *f = nul_field("session", session, "query", query_json)) return nul_error(f);
    return run([&](commerce_engine *e, commerce_doc **out) {
        return commerce_order_search(out, e, opt(session), opt(query_json));
    });
}

Outcome Engine::order_receipt(const std::string &session, const std::string &order_id,
                              const std::string &options_json) {
    return order_call(commerce_order_receipt, session, order_id, "options", options_json);
}

Outcome Engine::order_invoice(const std::string &session, const std::string &order_id,
                              const std::string &options_json) {
    return order_call(commerce_order_invoice, session, order_id, "options", options_json);
}

} /* namespace commerce_swig */
%}
