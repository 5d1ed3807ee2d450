#include "domain/promotion/promotion_input.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/text.h"
#include "core/timestamp.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace commerce {
namespace {

// Bounds that keep a hostile definition cheap to read and evaluate, generous for any real shop.
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxListEntries = 1000;
constexpr std::size_t kMaxTiers = 32;
constexpr int64_t kMaxPriority = 1'000'000;
constexpr int64_t kMaxUnits = 1'000'000;
constexpr int64_t kMaxCount = std::numeric_limits<int64_t>::max();

const std::initializer_list<std::string_view> kFilterMembers = {"product_ids", "variant_ids", "category_ids", "tags"};


using definition::member;
using definition::path;

// Like definition::require_known_members, with the promotion's root named by an empty prefix.
void reject_unknown(const json& object, std::string_view prefix, definition::Members known) {
    definition::require_known_members(object, std::string(prefix), known);
}

const json& object_at(const json& value, const std::string& field) {
    definition::require_object(value, field);
    return value;
}

std::optional<std::string> text(const json& object, std::string_view name, const std::string& field,
                                std::size_t max_bytes) {
    return definition::text_member(object, name, field, max_bytes);
}

std::string required_text(const json& object, std::string_view name, const std::string& field,
                          std::size_t max_bytes) {
    return definition::required_text_member(object, name, field, max_bytes);
}

std::optional<int64_t> integer(const json& object, std::string_view name, const std::string& field, int64_t min,
                               int64_t max) {
    return definition::integer_member(object, name, field, min, max);
}

bool boolean(const json& object, std::string_view name, const std::string& field) {
    return definition::bool_member(object, name, field).value_or(false);
}

std::vector<std::string> string_list(const json& object, std::string_view name, const std::string& field) {
    return definition::text_set_member(object, name, field, kMaxListEntries, kMaxShortText);
}

// `allow_zero` for thresholds, where zero is a meaningful first tier.
Money money(const json& value, const std::string& field, bool allow_zero = false) {
    return definition::money_value(value, field, allow_zero);
}

// A percentage as a decimal string ("12.5"), never a JSON number: a binary float would already have rounded it.
Percent percent(const json& value, const std::string& field) {
    if (!value.is_string()) throw_invalid(field, "type", fmt::format("{} must be a decimal string like \"12.5\"", field));
    std::optional<Decimal> parsed;
    try {
        parsed = Decimal::parse(value.get_ref<const std::string&>());
    } catch (const Error&) {
        throw_invalid(field, "type", fmt::format("{} must be a decimal string like \"12.5\"", field));
    }
    if (parsed->sign() <= 0 || *parsed > Decimal(100))
        throw_invalid(field, "out_of_range", fmt::format("{} must be more than 0 and at most 100", field));
    return Percent{*parsed};
}

// Exactly one of "percent" and "amount".
Reduction reduction(const json& object, std::string_view prefix) {
    const json* rate = member(object, "percent");
    const json* amount = member(object, "amount");
    if (rate && amount) throw_invalid(path(prefix, "amount"), "conflict", "give either percent or amount, not both");
    if (rate) return percent(*rate, path(prefix, "percent"));
    if (amount) return money(*amount, path(prefix, "amount"));
    throw_invalid(path(prefix, "percent"), "required", fmt::format("{} needs a percent or an amount", prefix));
}

Percent required_percent(const json& object, std::string_view prefix) {
    const json* rate = member(object, "percent");
    if (!rate) throw_invalid(path(prefix, "percent"), "required", fmt::format("{}.percent is required", prefix));
    return percent(*rate, path(prefix, "percent"));
}

Money required_amount(const json& object, std::string_view prefix) {
    const json* amount = member(object, "amount");
    if (!amount) throw_invalid(path(prefix, "amount"), "required", fmt::format("{}.amount is required", prefix));
    return money(*amount, path(prefix, "amount"));
}

std::optional<int64_t> timestamp(const json& object, std::string_view name) {
    return definition::timestamp_member(object, name, std::string(name));
}

ItemFilter item_filter(const json& object, std::string_view prefix) {
    return {string_list(object, "product_ids", path(prefix, "product_ids")),
            string_list(object, "variant_ids", path(prefix, "variant_ids")),
            string_list(object, "category_ids", path(prefix, "category_ids")),
            string_list(object, "tags", path(prefix, "tags"))};
}

std::vector<const Currency*> currencies(const json& object) {
    std::vector<const Currency*> list;
    for (const auto& code : string_list(object, "currencies", "conditions.currencies")) {
        const Currency* found = find_currency(code);
        if (!found) throw_invalid("conditions.currencies", "unknown_currency", fmt::format("no currency '{}'", code));
        list.push_back(found);
    }
    return list;  // sorted, as the codes were
}

Conditions conditions(const json& value) {
    const json& object = object_at(value, "conditions");
    reject_unknown(object, "conditions",
                   {"min_subtotal", "min_quantity", "product_ids", "variant_ids", "category_ids", "tags",
                    "customer_groups", "first_order", "channels", "currencies"});
    Conditions parsed;
    parsed.items = item_filter(object, "conditions");
    if (const json* subtotal = member(object, "min_subtotal"))
        parsed.min_subtotal = money(*subtotal, "conditions.min_subtotal");
    parsed.min_quantity = integer(object, "min_quantity", "conditions.min_quantity", 1, kMaxUnits);
    parsed.customer_groups = string_list(object, "customer_groups", "conditions.customer_groups");
    parsed.first_order = boolean(object, "first_order", "conditions.first_order");
    parsed.channels = string_list(object, "channels", "conditions.channels");
    parsed.currencies = currencies(object);
    return parsed;
}

BuyXGetY buy_x_get_y(const json& action) {
    reject_unknown(action, "action", {"type", "buy_quantity", "get_quantity", "get", "percent", "max_applications"});
    BuyXGetY parsed;
    parsed.buy_quantity = integer(action, "buy_quantity", "action.buy_quantity", 1, kMaxUnits).value_or(1);
    parsed.get_quantity = integer(action, "get_quantity", "action.get_quantity", 1, kMaxUnits).value_or(1);
    if (const json* get = member(action, "get")) {
        reject_unknown(object_at(*get, "action.get"), "action.get", kFilterMembers);
        parsed.get = item_filter(*get, "action.get");
    }
    if (const json* rate = member(action, "percent")) parsed.percent = percent(*rate, "action.percent");
    parsed.max_applications = integer(action, "max_applications", "action.max_applications", 1, kMaxUnits);
    return parsed;
}

Tier tier(const json& value, const std::string& prefix) {
    const json& object = object_at(value, prefix);
    reject_unknown(object, prefix, {"min_subtotal", "min_quantity", "percent", "amount"});
    const json* subtotal = member(object, "min_subtotal");
    auto quantity = integer(object, "min_quantity", path(prefix, "min_quantity"), 1, kMaxUnits);
    if (subtotal && quantity) throw_invalid(path(prefix, "min_quantity"), "conflict", "a tier has one threshold");
    if (!subtotal && !quantity)
        throw_invalid(path(prefix, "min_subtotal"), "required", "a tier needs min_subtotal or min_quantity");
    if (subtotal) return {money(*subtotal, path(prefix, "min_subtotal"), /*allow_zero=*/true), reduction(object, prefix)};
    return {*quantity, reduction(object, prefix)};
}

// Tiers sorted by threshold, all measuring the same thing, no threshold twice.
Tiered tiered(const json& action) {
    reject_unknown(action, "action", {"type", "tiers"});
    const json* list = member(action, "tiers");
    if (!list) throw_invalid("action.tiers", "required", "action.tiers is required");
    if (!list->is_array()) throw_invalid("action.tiers", "type", "action.tiers must be an array of tiers");
    if (list->empty()) throw_invalid("action.tiers", "empty", "action.tiers needs at least one tier");
    if (list->size() > kMaxTiers) throw_invalid("action.tiers", "too_many", fmt::format("at most {} tiers", kMaxTiers));
    Tiered parsed;
    for (std::size_t i = 0; i < list->size(); ++i) parsed.tiers.push_back(tier((*list)[i], fmt::format("action.tiers[{}]", i)));
    const auto kind = parsed.tiers.front().threshold.index();
    for (const Tier& each : parsed.tiers)
        if (each.threshold.index() != kind)
            throw_invalid("action.tiers", "mixed_tiers", "every tier has min_subtotal, or every tier has min_quantity");
    auto threshold_less = [](const Tier& a, const Tier& b) {
        if (const auto* money_a = std::get_if<Money>(&a.threshold)) return *money_a < std::get<Money>(b.threshold);
        return std::get<int64_t>(a.threshold) < std::get<int64_t>(b.threshold);
    };
    std::sort(parsed.tiers.begin(), parsed.tiers.end(), threshold_less);
    for (std::size_t i = 1; i < parsed.tiers.size(); ++i)
        if (!threshold_less(parsed.tiers[i - 1], parsed.tiers[i]))
            throw_invalid("action.tiers", "duplicate_tier", "two tiers have the same threshold");
    return parsed;
}

Action action(const json& value) {
    const json& object = object_at(value, "action");
    const std::string type = required_text(object, "type", "action.type", 64);
    if (type == "percentage_off_items" || type == "percentage_off_order") {
        reject_unknown(object, "action", {"type", "percent"});
        Reduction off = required_percent(object, "action");
        return type == "percentage_off_items" ? Action(ItemsOff{off}) : Action(OrderOff{off});
    }
    if (type == "fixed_off_items" || type == "fixed_off_order") {
        reject_unknown(object, "action", {"type", "amount"});
        Reduction off = required_amount(object, "action");
        return type == "fixed_off_items" ? Action(ItemsOff{off}) : Action(OrderOff{off});
    }
    if (type == "free_shipping") {
        reject_unknown(object, "action", {"type"});
        return FreeShipping{};
    }
    if (type == "buy_x_get_y") return buy_x_get_y(object);
    if (type == "tiered") return tiered(object);
    throw_invalid("action.type", "unknown_type",
            "action.type must be percentage_off_items, fixed_off_items, percentage_off_order, fixed_off_order, "
            "free_shipping, buy_x_get_y or tiered");
}

Lane lane(const json& object) {
    auto name = text(object, "lane", "lane", 16);
    if (!name || *name == "before_tax") return Lane::before_tax;
    if (*name == "after_tax") return Lane::after_tax;
    throw_invalid("lane", "unknown_lane", "lane must be before_tax or after_tax");
}

// Every amount of a definition, with its field, so one check covers them all.
std::vector<std::pair<std::string, Money>> amounts_of(const Promotion& promotion) {
    std::vector<std::pair<std::string, Money>> amounts;
    auto add_reduction = [&](const Reduction& off, const std::string& field) {
        if (const auto* fixed = std::get_if<Money>(&off)) amounts.emplace_back(field, *fixed);
    };
    if (promotion.conditions.min_subtotal) amounts.emplace_back("conditions.min_subtotal", *promotion.conditions.min_subtotal);
    if (const auto* items = std::get_if<ItemsOff>(&promotion.action)) add_reduction(items->reduction, "action.amount");
    if (const auto* order = std::get_if<OrderOff>(&promotion.action)) add_reduction(order->reduction, "action.amount");
    if (const auto* steps = std::get_if<Tiered>(&promotion.action)) {
        for (const Tier& each : steps->tiers) {
            if (const auto* threshold = std::get_if<Money>(&each.threshold)) amounts.emplace_back("action.tiers", *threshold);
            add_reduction(each.reduction, "action.tiers");
        }
    }
    if (promotion.max_discount) amounts.emplace_back("max_discount", *promotion.max_discount);
    return amounts;
}

// An amount is meaningful in one currency only: every amount shares one, and it is the promotion's only
// currency. A percentage promotion without amounts may serve any currency.
void check_currency(Promotion& promotion) {
    const auto amounts = amounts_of(promotion);
    if (amounts.empty()) return;
    const Currency& currency = amounts.front().second.currency();
    for (const auto& [field, amount] : amounts)
        if (&amount.currency() != &currency)
            throw_invalid(field, "currency_mismatch", fmt::format("{} is not in {} like the promotion's other amounts", field, currency.code));
    auto& listed = promotion.conditions.currencies;
    if (listed.empty()) listed.push_back(&currency);
    if (listed.size() != 1 || listed.front() != &currency)
        throw_invalid("conditions.currencies", "currency_mismatch",
                fmt::format("a promotion with amounts in {} applies to {} carts only", currency.code, currency.code));
}

}  // namespace

std::optional<std::string> normalized_code(std::string_view code) {
    if (code.empty() || code.size() > 64) return std::nullopt;
    std::string normalized;
    for (char c : code) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!allowed) return std::nullopt;
        normalized.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return normalized;
}

Promotion parse_promotion(const json& definition) {
    const json& object = object_at(definition, "promotion");
    reject_unknown(object, "",
                   {"id", "name", "code", "priority", "exclusive", "group", "combinable_with", "lane", "starts_at",
                    "ends_at", "usage_limit", "usage_limit_per_customer", "conditions", "action", "max_discount"});
    Promotion promotion;
    promotion.id = required_text(object, "id", "id", kMaxShortText);
    promotion.name = required_text(object, "name", "name", kMaxName);
    if (auto code = text(object, "code", "code", kMaxShortText)) {
        promotion.code = normalized_code(*code);
        if (!promotion.code) throw_invalid("code", "format", "a code is 1 to 64 of A-Z, 0-9, '-' and '_'");
    }
    promotion.priority = integer(object, "priority", "priority", -kMaxPriority, kMaxPriority).value_or(0);
    promotion.exclusive = boolean(object, "exclusive", "exclusive");
    promotion.group = text(object, "group", "group", kMaxShortText);
    if (member(object, "combinable_with")) {
        promotion.combinable_with = string_list(object, "combinable_with", "combinable_with");
        if (promotion.exclusive && !promotion.combinable_with->empty())
            throw_invalid("combinable_with", "exclusive_conflict", "an exclusive promotion combines with nothing");
    }
    promotion.lane = lane(object);
    promotion.starts_at_ms = timestamp(object, "starts_at");
    promotion.ends_at_ms = timestamp(object, "ends_at");
    if (promotion.starts_at_ms && promotion.ends_at_ms && *promotion.ends_at_ms <= *promotion.starts_at_ms)
        throw_invalid("ends_at", "window", "ends_at must be after starts_at");
    promotion.usage_limit = integer(object, "usage_limit", "usage_limit", 1, kMaxCount);
    promotion.usage_limit_per_customer = integer(object, "usage_limit_per_customer", "usage_limit_per_customer", 1, kMaxCount);
    if (const json* given = member(object, "conditions")) promotion.conditions = conditions(*given);
    const json* given_action = member(object, "action");
    if (!given_action) throw_invalid("action", "required", "action is required");
    promotion.action = action(*given_action);
    if (const json* cap = member(object, "max_discount")) promotion.max_discount = money(*cap, "max_discount");
    check_currency(promotion);
    return promotion;
}

}  // namespace commerce
