// Price lists: prices that replace a variant's catalog price for some customers, channels or dates, and from some
// quantity on. A "sale" list lowers prices (it applies only where it is cheaper); an "override" list sets them
// (a negotiated wholesale price, even above the catalog's). Which price wins is price_resolution.h's rule.
#pragma once

#include "core/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

enum class PriceListType { sale, override_price };

// One price of a list: the unit price of a variant in one currency from min_quantity units on.
struct PriceListPrice {
    std::string variant_id;
    int64_t min_quantity = 1;
    Money amount;
};

struct PriceList {
    std::string id;
    std::string name;
    PriceListType type = PriceListType::sale;
    std::vector<std::string> customer_groups;  // the customer must belong to one (empty: everyone)
    std::vector<std::string> channels;         // the cart's channel must be one (empty: every channel)
    std::optional<int64_t> starts_at_ms;       // inclusive
    std::optional<int64_t> ends_at_ms;         // exclusive
    std::vector<PriceListPrice> prices;        // sorted by variant, currency, min_quantity; no duplicates
};

// Who is buying, where and when: what a list's conditions are checked against.
struct PriceContext {
    std::vector<std::string> customer_groups;  // sorted
    std::string channel;
    int64_t now_ms = 0;
};

// Whether the list's conditions hold (its prices may still not cover a given variant).
bool list_applies(const PriceList& list, const PriceContext& context);

std::string_view price_list_type_name(PriceListType type) noexcept;

}  // namespace commerce
