#include "flows/price_lists.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_output.h"
#include "core/parse_memo.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/cart/cart_pricing_inputs.h"
#include "domain/pricing/price_list_input.h"
#include "flows/access.h"
#include "flows/identity_support.h"
#include "flows/keyset_page.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace commerce::flows {
namespace {

// A definition as staff send it, checked against the store: its variants and customer groups must exist and its
// channels be well formed, so that a typo is an error rather than a list that silently never applies.
struct PriceListInput {
    json definition;  // without "prices"
    PriceList list;
};

PriceListInput read_definition(Transaction& tx, json given) {
    PriceListInput input{{}, parse_price_list(given)};
    const std::string* checked = nullptr;  // prices come sorted by variant: look each variant up once
    for (const auto& price : input.list.prices) {
        if (checked && *checked == price.variant_id) continue;
        if (!tx.products().variant_by_id(price.variant_id))
            throw_not_found("prices", price.variant_id, fmt::format("no variant with id '{}'", price.variant_id));
        checked = &price.variant_id;
    }
    for (const auto& group : input.list.customer_groups)
        if (!tx.customer_groups().by_id(group))
            throw_not_found("customer_groups", group, fmt::format("no customer group with id '{}'", group));
    for (const auto& channel : input.list.channels) checked_channel(channel);
    given.erase("prices");
    input.definition = std::move(given);
    return input;
}

json prices_json(const std::vector<PriceListPrice>& prices) {
    json entries = json::array();
    for (const auto& price : prices)
        entries.push_back({{"variant_id", price.variant_id}, {"min_quantity", price.min_quantity},
                           {"price", price.amount.to_json()}});
    return entries;
}

enum class WithPrices { no, yes };

json price_list_document(Transaction& tx, const StoredPriceList& stored, WithPrices with_prices) {
    json document = {{"type", "price_list"},
                     {"schema_version", 1},
                     {"id", stored.id},
                     {"status", stored.status},
                     {"version", stored.version},
                     {"definition", json::parse(stored.definition)},
                     {"price_count", tx.price_lists().price_count(stored.id)},
                     {"created_at", format_rfc3339(stored.created_ms)},
                     {"updated_at", format_rfc3339(stored.updated_ms)}};
    if (with_prices == WithPrices::yes) document["prices"] = prices_json(tx.price_lists().prices_of(stored.id));
    return document;
}

// What the audit keeps of a list: its document without the prices, which can be thousands (their count stays).
json without_prices(json document) {
    document.erase("prices");
    return document;
}

StoredPriceList existing_price_list(Transaction& tx, std::string_view id) {
    auto stored = tx.price_lists().by_id(id);
    if (!stored) throw_not_found("price_list_id", std::string(id), fmt::format("no price list with id '{}'", id));
    return *stored;
}

[[noreturn]] void throw_changed_since_read(int64_t version) {
    throw Error(COMMERCE_ERR_CONFLICT, "the price list was changed since it was read",
                {{"field", "expected_version"}, {"version", version}});
}

// Runs change on the list under "promotions.write", audits it and returns its document.
template <typename Change>
json change_price_list(Engine& engine, const char* session, const char* price_list_id, std::string_view action,
                       Change change) {
    const std::string_view id = checked_text(price_list_id, "price_list_id");
    json document;
    write_as(engine, session, permission::promotions_write, [&](Transaction& tx, const Actor& actor) {
        StoredPriceList stored = existing_price_list(tx, id);
        const json before = price_list_document(tx, stored, WithPrices::no);
        const int64_t read_version = stored.version;
        change(tx, stored);
        stored.version = read_version + 1;
        stored.updated_ms = engine.now_ms();
        if (!tx.price_lists().update(stored, read_version)) throw_changed_since_read(read_version);
        document = price_list_document(tx, stored, WithPrices::yes);
        audit(engine, tx, actor.user_id, action, "price_list", stored.id, before, without_prices(document));
    });
    return document;
}

std::string checked_status(std::string_view status) {
    if (status != kPriceListActive && status != kPriceListArchived)
        throw_invalid("status", "unknown_status", "status must be \"active\" or \"archived\"");
    return std::string(status);
}

}  // namespace

json create_price_list(Engine& engine, const char* session, const char* definition_json) {
    const json given = parse_object(definition_json, "definition");
    json document;
    write_as(engine, session, permission::promotions_write, [&](Transaction& tx, const Actor& actor) {
        const PriceListInput input = read_definition(tx, given);
        if (tx.price_lists().by_id(input.list.id))
            throw Error(COMMERCE_ERR_EXISTS, fmt::format("a price list with id '{}' exists", input.list.id),
                        {{"field", "id"}, {"id", input.list.id}});
        const int64_t now = engine.now_ms();
        const StoredPriceList stored{.id = input.list.id, .definition = input.definition.dump(),
                                     .status = std::string(kPriceListActive), .version = 1, .created_ms = now,
                                     .updated_ms = now};
        tx.price_lists().insert(stored);
        tx.price_lists().replace_prices(stored.id, input.list.prices);
        document = price_list_document(tx, stored, WithPrices::yes);
        audit(engine, tx, actor.user_id, "price_list.create", "price_list", stored.id, nullptr,
              without_prices(document));
    });
    return document;
}

json update_price_list(Engine& engine, const char* session, const char* price_list_id, const char* definition_json,
                       int64_t expected_version) {
    json given = parse_object(definition_json, "definition");
    const std::string_view id = checked_text(price_list_id, "price_list_id");
    if (!given.contains("id")) given["id"] = id;
    return change_price_list(engine, session, price_list_id, "price_list.update",
                             [&](Transaction& tx, StoredPriceList& stored) {
        if (stored.version != expected_version) throw_changed_since_read(stored.version);
        const PriceListInput input = read_definition(tx, given);
        if (input.list.id != stored.id) throw_invalid("id", "immutable", "a price list's id cannot change");
        stored.definition = input.definition.dump();
        tx.price_lists().replace_prices(stored.id, input.list.prices);
    });
}

json set_price_list_status(Engine& engine, const char* session, const char* price_list_id, const char* status) {
    const std::string wanted = checked_status(checked_text(status, "status"));
    return change_price_list(engine, session, price_list_id, "price_list.set_status",
                             [&](Transaction&, StoredPriceList& stored) {
        stored.status = wanted;
    });
}

json get_price_list(Engine& engine, const char* session, const char* price_list_id) {
    const std::string_view id = checked_text(price_list_id, "price_list_id");
    json document;
    read_as(engine, session, permission::promotions_write, [&](Transaction& tx) {
        document = price_list_document(tx, existing_price_list(tx, id), WithPrices::yes);
    });
    return document;
}

json list_price_lists(Engine& engine, const char* session, const char* query_json) {
    const json query = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query, "a price list query", {"status", "limit", "after"});
    PriceListQuery q;
    if (auto status = optional_string(query, "status", kMaxShortText)) q.status = checked_status(*status);
    q.after_id = optional_string(query, "after", kMaxShortText).value_or("");
    const int64_t limit = optional_integer(query, "limit", 1, 200).value_or(50);
    q.limit = limit + 1;
    json document;
    read_as(engine, session, permission::promotions_write, [&](Transaction& tx) {
        document = keyset_page("price_list_list", tx.price_lists().page(q), limit,
                               [](const StoredPriceList& stored) { return stored.id; },
                               [&](const StoredPriceList& stored) {
                                   return price_list_document(tx, stored, WithPrices::no);
                               });
    });
    return document;
}

std::vector<PriceList> applicable_price_lists(Transaction& tx, const PriceContext& context,
                                              const std::vector<std::string>& variant_ids, const Currency& currency) {
    const std::vector<ListedPrice> prices = tx.price_lists().active_prices_for(variant_ids, currency);
    if (prices.empty()) return {};  // the common case: no list prices these variants, nothing more to read
    std::set<std::string_view> pricing;  // the lists with a price for one of these variants
    for (const auto& listed : prices) pricing.insert(listed.price_list_id);
    std::map<std::string, PriceList> lists;
    for (const auto& stored : tx.price_lists().active()) {
        if (!pricing.contains(stored.id)) continue;  // no definition to parse for a list with nothing to say
        PriceList list = *parsed_json<parse_price_list, 4096>(stored.definition);
        if (list_applies(list, context)) lists.emplace(stored.id, std::move(list));
    }
    for (const auto& listed : prices)  // sorted by list, variant and min_quantity, as the lists keep them
        if (auto found = lists.find(listed.price_list_id); found != lists.end())
            found->second.prices.push_back(listed.price);
    std::vector<PriceList> applicable;
    for (auto& [id, list] : lists)
        if (!list.prices.empty()) applicable.push_back(std::move(list));
    return applicable;
}

}  // namespace commerce::flows
