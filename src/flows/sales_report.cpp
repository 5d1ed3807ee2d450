#include "flows/sales_report.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "flows/access.h"
#include "flows/currencies.h"

#include <map>

namespace commerce::flows {
namespace {

constexpr int64_t kMaxReportDays = 366;

struct CurrencySales {
    int64_t orders = 0;
    Money total;      // in the orders' currency
    Money converted;  // in the base currency
};

int64_t report_day(const json& query, std::string_view member) {
    const std::string text = required_string(query, member, 10);
    const auto day = parse_date(text);
    if (!day) throw_invalid(std::string(member), "format", std::string(member) + " must be a date like 2026-11-01");
    return *day;
}

}  // namespace

nlohmann::json sales_in_base(Engine& engine, const char* session, const char* query_json) {
    const json query = parse_object(query_json, "query");
    reject_unknown_members(query, "a sales report query", {"from", "to"});
    const int64_t from = report_day(query, "from");
    const int64_t to = report_day(query, "to");
    if (to < from) throw_invalid("to", "out_of_range", "to must not be before from");
    if ((to - from) / kDayMs + 1 > kMaxReportDays)
        throw_invalid("to", "out_of_range", "a report covers at most 366 days");
    json document;
    read_as(engine, session, permission::reports_read, [&](Transaction& tx) {
        const auto settings = store_currency_settings(tx);
        if (!settings)
            throw Error(COMMERCE_ERR_NOT_FOUND, "the store has no base currency: set its currency settings first",
                        {{"field", "base"}, {"reason", "no_currency_settings"}});
        const Currency& base = *settings->base;
        std::map<std::string_view, CurrencySales> by_currency;  // sorted by code
        Money total = Money::zero(base);
        int64_t orders = 0;
        for (const PlacedTotal& order : tx.orders().placed_between(from, to + kDayMs)) {
            const Currency& currency = order.total.currency();
            const Money converted = currency.code == base.code
                                        ? order.total
                                        : convert(order.total, required_rate(tx, currency, base, order.placed_ms));
            auto [entry, _] = by_currency.try_emplace(currency.code, CurrencySales{0, Money::zero(currency),
                                                                                   Money::zero(base)});
            entry->second.orders += 1;
            entry->second.total = entry->second.total + order.total;
            entry->second.converted = entry->second.converted + converted;
            total = total + converted;
            orders += 1;
        }
        json currencies = json::array();
        for (const auto& [code, sales] : by_currency)
            currencies.push_back({{"currency", code}, {"orders", sales.orders}, {"total", sales.total.to_json()},
                                  {"converted", sales.converted.to_json()}});
        document = {{"type", "sales_report"}, {"schema_version", 1}, {"from", format_date(from)},
                    {"to", format_date(to)}, {"base", base.code}, {"currencies", std::move(currencies)},
                    {"orders", orders}, {"total", total.to_json()}};
    });
    return document;
}

}  // namespace commerce::flows
