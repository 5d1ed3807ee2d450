#include "flows/orders.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/permission_names.h"
#include "core/json_input.h"
#include "core/text.h"
#include "domain/identity/accounts.h"
#include "domain/order/document.h"
#include "domain/catalog/locale.h"
#include "domain/order/lifecycle.h"
#include "domain/order/receipt.h"
#include "flows/access.h"
#include "flows/keyset_page.h"
#include "flows/order_support.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce::flows {

namespace {

// Reads the order for its owner or a user with "orders.read" and renders it with `render(tx, order)`.
template <typename Render>
nlohmann::json read_order(Engine& engine, const char* session, const char* order_id, Render&& render) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(order_id, "order_id");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        document = render(tx, readable_order(tx, session_actor(engine, tx, token), id));
    });
    return document;
}

// The options of a receipt or an invoice: the locale (the catalog's default when absent) and, for a receipt,
// the paper's width in characters.
struct PrintOptions {
    std::string locale;
    std::size_t width;
};

PrintOptions print_options(Engine& engine, const char* options_json, bool with_width) {
    const json options = parse_object(options_json, "options", /*optional=*/true);
    if (with_width) reject_unknown_members(options, "receipt options", {"locale", "width"});
    else reject_unknown_members(options, "invoice options", {"locale"});
    const auto tag = optional_string(options, "locale", kMaxShortText);
    const auto locale = canonical_locale(tag.value_or(engine.catalog().default_locale));
    if (!locale) throw_invalid("locale", "unknown_locale", "the locale must be a BCP 47 tag such as \"de-DE\"");
    const auto width = optional_integer(options, "width", kMinReceiptWidth, kMaxReceiptWidth).value_or(42);
    return {*locale, static_cast<std::size_t>(width)};
}

}  // namespace

nlohmann::json get_order(Engine& engine, const char* session, const char* order_id) {
    return read_order(engine, session, order_id,
                      [&](Transaction& tx, const Order& order) { return order_with_keys(engine, tx, order); });
}

nlohmann::json order_receipt(Engine& engine, const char* session, const char* order_id, const char* options_json) {
    const PrintOptions options = print_options(engine, options_json, /*with_width=*/true);
    return read_order(engine, session, order_id, [&](Transaction&, const Order& order) {
        return nlohmann::json{{"type", "receipt"}, {"schema_version", 1}, {"order_id", order.id},
                              {"number", order.number}, {"locale", options.locale},
                              {"width", options.width}, {"text", receipt_text(order, options.locale, options.width)}};
    });
}

nlohmann::json order_invoice(Engine& engine, const char* session, const char* order_id, const char* options_json) {
    const PrintOptions options = print_options(engine, options_json, /*with_width=*/false);
    return read_order(engine, session, order_id,
                      [&](Transaction&, const Order& order) { return invoice_document(order, options.locale); });
}

nlohmann::json list_orders(Engine& engine, const char* session, const char* query_json) {
    const std::string_view token = optional_text(session, "session");
    const json query = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query, "an order query", {"limit", "after", "user_id"});
    const int64_t limit = optional_integer(query, "limit", 1, 200).value_or(50);
    const std::string after = optional_string(query, "after", kMaxShortText).value_or("");
    const auto user_id = optional_string(query, "user_id", kMaxShortText);
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        if (user_id && *user_id != actor.user_id) actor.require(permission::orders_read);
        document = keyset_page(
            "order_list", tx.orders().page_for_user(user_id.value_or(actor.user_id), after, limit + 1), limit,
            [](const Order& order) { return order.id; },
            [&](const Order& order) { return order_with_keys(engine, tx, order); });
    });
    return document;
}

namespace {

// A state criterion: one state or a list of them, each a state of the machine (reason "unknown_status").
std::vector<std::string> states_member(const json& query, OrderMachine machine) {
    const std::string field(machine_name(machine));
    const json* value = definition::member(query, field);
    if (!value) return {};
    std::vector<std::string> states;
    if (value->is_string()) states.push_back(value->get<std::string>());
    else if (value->is_array() && value->size() <= machine_states(machine).size())
        for (const auto& each : *value) {
            if (!each.is_string()) throw_invalid(field, "type", field + " must be a state or a list of states");
            states.push_back(each.get<std::string>());
        }
    else throw_invalid(field, "type", field + " must be a state or a list of states");
    const auto known = machine_states(machine);
    for (const auto& state : states)
        if (std::find(known.begin(), known.end(), state) == known.end())
            throw_invalid(field, "unknown_status", fmt::format("'{}' is not a {}", state, field));
    return states;
}

}  // namespace

nlohmann::json search_orders(Engine& engine, const char* session, const char* query_json) {
    namespace def = definition;
    const json query = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query, "an order search",
                           {"status", "payment_status", "fulfillment_status", "user_id", "email", "number", "from",
                            "to", "limit", "after"});
    OrderQuery search{.statuses = states_member(query, OrderMachine::status),
                      .payment_statuses = states_member(query, OrderMachine::payment_status),
                      .fulfillment_statuses = states_member(query, OrderMachine::fulfillment_status),
                      .user_id = def::text_member(query, "user_id", "user_id", kMaxShortText),
                      .email = def::text_member(query, "email", "email", kMaxShortText),
                      .number_prefix = def::text_member(query, "number", "number", kMaxShortText),
                      .placed_from_ms = def::timestamp_member(query, "from", "from"),
                      .placed_to_ms = def::timestamp_member(query, "to", "to"),
                      .before_id = def::text_member(query, "after", "after", kMaxShortText).value_or(""),
                      .limit = def::integer_member(query, "limit", "limit", 1, 200).value_or(50)};
    if (search.email) search.email = normalize_email(*search.email);
    if (search.placed_from_ms && search.placed_to_ms && *search.placed_to_ms < *search.placed_from_ms)
        throw_invalid("to", "out_of_range", "to must not be before from");
    const int64_t limit = search.limit;
    search.limit = limit + 1;  // one more says whether another page follows
    nlohmann::json document;
    read_as(engine, session, permission::orders_read, [&](Transaction& tx) {
        document = keyset_page("order_list", tx.orders().search(search), limit,
                               [](const Order& order) { return order.id; },
                               [&](const Order& order) { return order_with_keys(engine, tx, order); });
    });
    return document;
}

}  // namespace commerce::flows
