#include "flows/currencies.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/json_output.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "flows/access.h"
#include "flows/identity_support.h"
#include "flows/store_settings.h"

#include <fmt/format.h>

namespace commerce::flows {
namespace {

constexpr std::string_view kCurrencySetting = "currencies";
constexpr std::size_t kMaxTimestamp = 40;

// An RFC 3339 UTC time, or nullopt when absent (INVALID_ARGUMENT, reason "format", otherwise).
std::optional<int64_t> optional_time(std::optional<std::string_view> text, std::string_view field) {
    if (!text || text->empty()) return std::nullopt;
    auto ms = parse_rfc3339(*text);
    if (!ms)
        throw_invalid(field, "format", fmt::format("{} must be an RFC 3339 UTC time like 2026-11-01T00:00:00Z", field));
    return ms;
}

const Currency* optional_currency(const json& query, std::string_view name) {
    if (!query.contains(name)) return nullptr;
    return &definition::required_currency_member(query, name, std::string(name));
}

json exchange_rate_document(const ExchangeRate& rate) {
    json document = {{"type", "exchange_rate"}, {"schema_version", 1}};
    document.update(rate_json(rate));
    document.update({{"created_at", format_rfc3339(rate.created_ms)}, {"created_by", nullable(rate.created_by)}});
    return document;
}

}  // namespace

std::optional<CurrencySettings> store_currency_settings(Transaction& tx) {
    return stored_definition<parse_currency_settings>(tx, kCurrencySetting);
}

std::optional<ExchangeRate> rate_between(Transaction& tx, const Currency& from, const Currency& to, int64_t at_ms) {
    if (auto forwards = tx.exchange_rates().in_force(from, to, at_ms)) return forwards;
    return tx.exchange_rates().in_force(to, from, at_ms);
}

ExchangeRate required_rate(Transaction& tx, const Currency& from, const Currency& to, int64_t at_ms) {
    if (auto rate = rate_between(tx, from, to, at_ms)) return *rate;
    const std::string at = format_rfc3339(at_ms);
    throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("no {}/{} rate was in force at {}", from.code, to.code, at),
                {{"field", "rate"}, {"from", from.code}, {"to", to.code}, {"at", at}});
}

json rate_json(const ExchangeRate& rate) {
    return {{"id", rate.id}, {"base", rate.base->code}, {"quote", rate.quote->code}, {"rate", rate.rate.to_string()},
            {"effective_at", format_rfc3339(rate.effective_ms)}};
}

json set_currency_settings(Engine& engine, const char* session, const char* settings_json, int64_t expected_version) {
    const json input = parse_object(settings_json, "definition");
    parse_currency_settings(input);
    return replace_setting(engine, session, kCurrencySetting, "currency_settings", input, expected_version,
                           [](Transaction&) {});
}

json get_currency_settings(Engine& engine, const char* session) {
    return read_setting(engine, session, kCurrencySetting, "currency_settings");
}

json set_exchange_rate(Engine& engine, const char* session, const char* rate_json_text) {
    const json input = parse_object(rate_json_text, "rate");
    reject_unknown_members(input, "an exchange rate", {"base", "quote", "rate", "effective_at"});
    ExchangeRate rate{.id = {}, .base = &definition::required_currency_member(input, "base", "base"),
                      .quote = &definition::required_currency_member(input, "quote", "quote"),
                      .rate = definition::required_decimal_member(input, "rate", "rate"), .effective_ms = 0,
                      .created_ms = 0, .created_by = std::nullopt};
    check_exchange_rate(rate);
    const auto effective = optional_time(optional_string(input, "effective_at", kMaxTimestamp), "effective_at");
    json document;
    write_as(engine, session, permission::settings_manage, [&](Transaction& tx, const Actor& actor) {
        rate.id = engine.ids().next();
        rate.created_ms = engine.now_ms();
        rate.effective_ms = effective.value_or(rate.created_ms);
        rate.created_by = actor.user_id;
        tx.exchange_rates().insert(rate);
        document = exchange_rate_document(rate);
        audit(engine, tx, actor.user_id, "exchange_rate.set", "exchange_rate", rate.id, nullptr, document);
    });
    return document;
}

json list_exchange_rates(Engine& engine, const char* session, const char* query_json) {
    const json input = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(input, "an exchange rate query", {"base", "quote", "limit", "after"});
    ExchangeRateQuery query{.base = optional_currency(input, "base"), .quote = optional_currency(input, "quote"),
                            .before_id = optional_string(input, "after", kMaxShortText).value_or(""), .limit = 0};
    const int64_t limit = optional_integer(input, "limit", 1, 200).value_or(50);
    query.limit = limit + 1;  // the extra row only says that another page follows
    json document;
    read_as(engine, session, permission::reports_read, [&](Transaction& tx) {
        auto rates = tx.exchange_rates().page(query);
        std::optional<std::string> next;
        if (static_cast<int64_t>(rates.size()) > limit) {
            rates.pop_back();
            next = rates.back().id;
        }
        json items = json::array();
        for (const auto& rate : rates) items.push_back(exchange_rate_document(rate));
        document = {{"type", "exchange_rate_list"}, {"schema_version", 1}, {"items", std::move(items)},
                    {"next", nullable(next)}};
    });
    return document;
}

json convert_amount(Engine& engine, const char* session, const char* amount, const char* currency_code,
                    const char* to, const char* at) {
    const Money value = Money::parse(checked_text(amount, "amount"), checked_text(currency_code, "currency"));
    const Currency& target = definition::known_currency(checked_text(to, "to"), "to");
    if (target.code == value.currency().code)
        throw_invalid("to", "same_currency", "an amount converts into another currency");
    const auto at_ms = optional_time(optional_text(at, "at"), "at");
    json document;
    read_as(engine, session, permission::reports_read, [&](Transaction& tx) {
        const int64_t moment = at_ms.value_or(engine.now_ms());
        const ExchangeRate rate = required_rate(tx, value.currency(), target, moment);
        document = {{"type", "currency_conversion"}, {"schema_version", 1}, {"amount", value.to_json()},
                    {"converted", convert(value, rate).to_json()}, {"rate", rate_json(rate)},
                    {"at", format_rfc3339(moment)}};
    });
    return document;
}

}  // namespace commerce::flows
