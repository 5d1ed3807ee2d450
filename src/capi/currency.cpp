#include "capi/guard.h"

#include "flows/currencies.h"
#include "flows/sales_report.h"

#include <commerce/currency.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_currency_set_settings(commerce_doc** out, commerce_engine* engine, const char* session,
                                               const char* settings_json, int64_t expected_version) {
    return return_document(out, [&] {
        return flows::set_currency_settings(engine_of(engine), session, settings_json, expected_version);
    });
}

commerce_status commerce_currency_get_settings(commerce_doc** out, commerce_engine* engine, const char* session) {
    return return_document(out, [&] { return flows::get_currency_settings(engine_of(engine), session); });
}

commerce_status commerce_exchange_rate_set(commerce_doc** out, commerce_engine* engine, const char* session,
                                           const char* rate_json) {
    return return_document(out, [&] { return flows::set_exchange_rate(engine_of(engine), session, rate_json); });
}

commerce_status commerce_exchange_rate_list(commerce_doc** out, commerce_engine* engine, const char* session,
                                            const char* query_json) {
    return return_document(out, [&] { return flows::list_exchange_rates(engine_of(engine), session, query_json); });
}

commerce_status commerce_currency_convert(commerce_doc** out, commerce_engine* engine, const char* session,
                                          const char* amount, const char* currency, const char* to_currency,
                                          const char* at) {
    return return_document(out, [&] {
        return flows::convert_amount(engine_of(engine), session, amount, currency, to_currency, at);
    });
}

commerce_status commerce_report_sales_in_base(commerce_doc** out, commerce_engine* engine, const char* session,
                                              const char* query_json) {
    return return_document(out, [&] { return flows::sales_in_base(engine_of(engine), session, query_json); });
}

}
