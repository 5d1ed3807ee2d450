#include "domain/pricing/price_list_input.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace commerce {
namespace {

using namespace definition;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxConditionEntries = 1000;
constexpr int64_t kMaxMinQuantity = 1'000'000;

PriceListType type_of(const json& object) {
    const auto type = string_member(object, "type", "type").value_or("sale");
    if (type == "sale") return PriceListType::sale;
    if (type == "override") return PriceListType::override_price;
    throw_invalid("type", "unknown_value", "type is \"sale\" or \"override\"");
}

PriceListPrice price_of(const json& entry, const std::string& field) {
    require_known_members(entry, field, {"variant_id", "price", "min_quantity"});
    std::string variant_id = required_text_member(entry, "variant_id", path(field, "variant_id"), kMaxShortText);
    const json* amount = member(entry, "price");
    if (!amount) throw_invalid(path(field, "price"), "required", fmt::format("{}.price is required", field));
    const int64_t min_quantity =
        integer_member(entry, "min_quantity", path(field, "min_quantity"), 1, kMaxMinQuantity).value_or(1);
    // A zero price is a real offer (a free gift for members); only a negative one is refused.
    return {std::move(variant_id), min_quantity, money_value(*amount, path(field, "price"), /*allow_zero=*/true)};
}

auto price_key(const PriceListPrice& price) {
    return std::make_tuple(std::string_view(price.variant_id), price.amount.currency().code, price.min_quantity);
}

std::vector<PriceListPrice> prices_of(const json& object) {
    std::vector<PriceListPrice> prices;
    if (const json* given = array_member(object, "prices", "prices", kMaxPriceListPrices))
        for (std::size_t i = 0; i < given->size(); ++i) prices.push_back(price_of((*given)[i], indexed("prices", i)));
    std::sort(prices.begin(), prices.end(), [](const auto& a, const auto& b) { return price_key(a) < price_key(b); });
    const auto twin = std::adjacent_find(prices.begin(), prices.end(),
                                         [](const auto& a, const auto& b) { return price_key(a) == price_key(b); });
    if (twin != prices.end())
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                    fmt::format("variant '{}' has two prices in {} from {} units", twin->variant_id,
                                twin->amount.currency().code, twin->min_quantity),
                    {{"field", "prices"}, {"reason", "duplicate"}, {"variant_id", twin->variant_id}});
    return prices;
}

}  // namespace

PriceList parse_price_list(const json& definition) {
    require_known_members(definition, "",
                          {"id", "name", "type", "customer_groups", "channels", "starts_at", "ends_at", "prices"});
    PriceList list;
    list.id = required_text_member(definition, "id", "id", kMaxShortText);
    list.name = required_text_member(definition, "name", "name", kMaxName);
    list.type = type_of(definition);
    list.customer_groups =
        text_set_member(definition, "customer_groups", "customer_groups", kMaxConditionEntries, kMaxShortText);
    list.channels = text_set_member(definition, "channels", "channels", kMaxConditionEntries, kMaxShortText);
    list.starts_at_ms = timestamp_member(definition, "starts_at", "starts_at");
    list.ends_at_ms = timestamp_member(definition, "ends_at", "ends_at");
    if (list.starts_at_ms && list.ends_at_ms && *list.ends_at_ms <= *list.starts_at_ms)
        throw_invalid("ends_at", "window", "ends_at must be after starts_at");
    list.prices = prices_of(definition);
    return list;
}

}  // namespace commerce
