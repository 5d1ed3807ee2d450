#include "domain/shipping/shipping_input.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace commerce {
namespace {

using namespace definition;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxId = 64;

const Members kDefinitionMembers = {"methods"};
const Members kMethodMembers = {"id",    "name",           "kind",     "countries", "regions",
                                "rates", "delivery_days", "tax_class", "location_id"};
const Members kDaysMembers = {"min", "max"};

std::string bounded_text(const json& object, std::string_view name, const std::string& field, std::size_t max) {
    std::string text = required_string_member(object, name, field);
    if (text.empty()) throw_invalid(field, "empty", fmt::format("{} must not be empty", field));
    if (text.size() > max || !is_valid_utf8(text))
        throw_invalid(field, "too_long", fmt::format("{} must be UTF-8 of at most {} bytes", field, max));
    return text;
}

Money money_at(const json& object, std::string_view name, const std::string& field) {
    const json* value = member(object, name);
    if (!value) throw_invalid(field, "required", fmt::format("{} is required", field));
    Money amount = [&] {
        try {
            return Money::from_json(*value);
        } catch (const Error& error) {
            throw_invalid(field, "money_format", fmt::format("{}: {}", field, error.what()));
        }
    }();
    if (amount.is_negative()) throw_invalid(field, "negative", fmt::format("{} must not be negative", field));
    return amount;
}

// Every amount of one rate is in the rate's currency: the first amount read sets it.
void same_currency(const Money& amount, const Currency*& currency, const std::string& field) {
    if (!currency) currency = &amount.currency();
    if (amount.currency().code != currency->code)
        throw_invalid(field, "currency_mismatch", fmt::format("{} must be in {} like the rest of its rate", field,
                                                              currency->code));
}

int64_t integer_at(const json& object, std::string_view name, const std::string& field, int64_t min, int64_t max) {
    const json* value = member(object, name);
    if (!value) throw_invalid(field, "required", fmt::format("{} is required", field));
    if (!value->is_number_integer()) throw_invalid(field, "type", fmt::format("{} must be an integer", field));
    const int64_t number = value->get<int64_t>();
    if (number < min || number > max)
        throw_invalid(field, "out_of_range", fmt::format("{} must be between {} and {}", field, min, max));
    return number;
}

const json& required_tiers(const json& rate, const std::string& prefix) {
    const std::string field = path(prefix, "tiers");
    const json* tiers = array_member(rate, "tiers", field, kMaxShippingTiers);
    if (!tiers || tiers->empty()) throw_invalid(field, "required", fmt::format("{} needs at least one tier", field));
    return *tiers;
}

std::vector<WeightTier> weight_tiers(const json& rate, const std::string& prefix, const Currency*& currency) {
    const json& list = required_tiers(rate, prefix);
    std::vector<WeightTier> tiers;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string field = indexed(path(prefix, "tiers"), i);
        require_known_members(list[i], field, {"max_grams", "amount"});
        WeightTier tier{std::nullopt, money_at(list[i], "amount", path(field, "amount"))};
        same_currency(tier.amount, currency, path(field, "amount"));
        if (member(list[i], "max_grams"))
            tier.max_grams = integer_at(list[i], "max_grams", path(field, "max_grams"), 1, 1'000'000'000);
        else if (i + 1 != list.size())
            throw_invalid(path(field, "max_grams"), "required", "only the last tier may be unbounded");
        if (!tiers.empty() && tier.max_grams && *tier.max_grams <= *tiers.back().max_grams)
            throw_invalid(path(field, "max_grams"), "not_increasing", "weight tiers must grow");
        tiers.push_back(std::move(tier));
    }
    return tiers;
}

std::vector<SubtotalTier> subtotal_tiers(const json& rate, const std::string& prefix, const Currency*& currency) {
    const json& list = required_tiers(rate, prefix);
    std::vector<SubtotalTier> tiers;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string field = indexed(path(prefix, "tiers"), i);
        require_known_members(list[i], field, {"min_subtotal", "amount"});
        SubtotalTier tier{money_at(list[i], "min_subtotal", path(field, "min_subtotal")),
                          money_at(list[i], "amount", path(field, "amount"))};
        same_currency(tier.min_subtotal, currency, path(field, "min_subtotal"));
        same_currency(tier.amount, currency, path(field, "amount"));
        if (!tiers.empty() && tier.min_subtotal <= tiers.back().min_subtotal)
            throw_invalid(path(field, "min_subtotal"), "not_increasing", "subtotal tiers must grow");
        tiers.push_back(std::move(tier));
    }
    return tiers;
}

// One rate: {"type": "flat" | "weight" | "subtotal", ..., "free_over"}; returns it with its currency's code.
std::pair<std::string, ShippingRate> parse_rate(const json& value, const std::string& field) {
    require_known_members(value, field, {"type", "amount", "tiers", "free_over"});
    const std::string type = required_string_member(value, "type", path(field, "type"));
    const Currency* currency = nullptr;
    ShippingRate rate{[&]() -> RateRule {
                          if (type == "flat") {
                              const Money amount = money_at(value, "amount", path(field, "amount"));
                              same_currency(amount, currency, path(field, "amount"));
                              return FlatRate{amount};
                          }
                          if (type == "weight") return weight_tiers(value, field, currency);
                          if (type == "subtotal") return subtotal_tiers(value, field, currency);
                          throw_invalid(path(field, "type"), "unknown_type", "a rate's type is flat, weight or subtotal");
                      }(),
                      std::nullopt};
    if (type != "flat" && member(value, "amount"))
        throw_invalid(path(field, "amount"), "unknown_member", "only a flat rate has an amount");
    if (type == "flat" && member(value, "tiers"))
        throw_invalid(path(field, "tiers"), "unknown_member", "a flat rate has no tiers");
    if (member(value, "free_over")) {
        rate.free_over = money_at(value, "free_over", path(field, "free_over"));
        same_currency(*rate.free_over, currency, path(field, "free_over"));
    }
    return {std::string(currency->code), std::move(rate)};
}

std::vector<std::string> place_list(const json& method, std::string_view name, const std::string& field,
                                    std::size_t length_min, std::size_t length_max) {
    std::set<std::string> places;
    if (const json* list = array_member(method, name, field, kMaxShippingCountries)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = indexed(field, i);
            const json& entry = (*list)[i];
            if (!entry.is_string()) throw_invalid(at, "type", fmt::format("{} must be a string", at));
            std::string code = entry.get<std::string>();
            const bool valid = code.size() >= length_min && code.size() <= length_max &&
                               std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isalnum(c); });
            if (code == "*" && name == "countries") continue;
            if (!valid) throw_invalid(at, "format", fmt::format("{} is not a code like \"DE\"", at));
            std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
            places.insert(std::move(code));
        }
    }
    return {places.begin(), places.end()};
}

ShippingMethod parse_method(const json& value, const std::string& field) {
    require_known_members(value, field, kMethodMembers);
    ShippingMethod method;
    method.id = bounded_text(value, "id", path(field, "id"), kMaxId);
    method.name = bounded_text(value, "name", path(field, "name"), kMaxName);
    const std::string kind = string_member(value, "kind", path(field, "kind")).value_or("delivery");
    if (kind == "pickup") method.kind = ShippingKind::pickup;
    else if (kind != "delivery") throw_invalid(path(field, "kind"), "unknown_kind", "kind is delivery or pickup");
    if (method.kind == ShippingKind::delivery) {
        const json* countries = array_member(value, "countries", path(field, "countries"), kMaxShippingCountries);
        if (!countries || countries->empty())
            throw_invalid(path(field, "countries"), "required", "a delivery method lists its countries (or \"*\")");
        method.countries = place_list(value, "countries", path(field, "countries"), 2, 2);
        method.regions = place_list(value, "regions", path(field, "regions"), 1, 8);
    } else {
        if (member(value, "countries") || member(value, "regions"))
            throw_invalid(path(field, "countries"), "unknown_member", "a pickup is collected, not delivered");
        method.location_id = bounded_text(value, "location_id", path(field, "location_id"), kMaxId);
    }
    if (const json* rates = array_member(value, "rates", path(field, "rates"), 50)) {
        for (std::size_t i = 0; i < rates->size(); ++i) {
            const std::string at = indexed(path(field, "rates"), i);
            auto [code, rate] = parse_rate((*rates)[i], at);
            if (!method.rates.emplace(code, std::move(rate)).second)
                throw_invalid(at, "duplicate", fmt::format("two rates of {} are in {}", method.id, code));
        }
    }
    if (method.rates.empty() && method.kind == ShippingKind::delivery)
        throw_invalid(path(field, "rates"), "required", "a delivery method needs a rate");
    if (const json* days = member(value, "delivery_days")) {
        const std::string at = path(field, "delivery_days");
        require_known_members(*days, at, kDaysMembers);
        method.min_days = integer_at(*days, "min", path(at, "min"), 0, kMaxDeliveryDays);
        method.max_days = integer_at(*days, "max", path(at, "max"), 0, kMaxDeliveryDays);
        if (method.max_days < method.min_days)
            throw_invalid(path(at, "max"), "out_of_range", "delivery_days.max must not be below min");
    }
    if (auto tax_class = string_member(value, "tax_class", path(field, "tax_class"))) method.tax_class = *tax_class;
    return method;
}

}  // namespace

ShippingDefinitions parse_shipping_definitions(const json& input) {
    require_known_members(input, "", kDefinitionMembers);
    ShippingDefinitions definitions;
    std::set<std::string> ids;
    if (const json* methods = array_member(input, "methods", "methods", kMaxShippingMethods)) {
        for (std::size_t i = 0; i < methods->size(); ++i) {
            ShippingMethod method = parse_method((*methods)[i], indexed("methods", i));
            if (!ids.insert(method.id).second)
                throw_invalid(path(indexed("methods", i), "id"), "duplicate", fmt::format("two methods are {}", method.id));
            definitions.methods.push_back(std::move(method));
        }
    }
    return definitions;
}

}  // namespace commerce
