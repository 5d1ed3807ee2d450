#include "domain/promotion/eligibility.h"

#include "domain/promotion/outcome.h"

#include <algorithm>

namespace commerce {
namespace {

// `wanted` is sorted (promotion_input sorts every list of a definition); the line's own list may come in any order.
bool any_listed(const std::vector<std::string>& wanted, const std::vector<std::string>& present) {
    return std::any_of(present.begin(), present.end(),
                       [&](const std::string& value) { return std::binary_search(wanted.begin(), wanted.end(), value); });
}

bool listed(const std::vector<std::string>& wanted, const std::string& value) {
    return std::binary_search(wanted.begin(), wanted.end(), value);
}

int64_t count_of(const std::map<std::string, int64_t>& counts, const std::string& id) {
    auto it = counts.find(id);
    return it == counts.end() ? 0 : it->second;
}

}  // namespace

bool matches(const ItemFilter& filter, const PromotionLine& line) {
    return (filter.product_ids.empty() || listed(filter.product_ids, line.product_id)) &&
           (filter.variant_ids.empty() || listed(filter.variant_ids, line.id)) &&
           (filter.category_ids.empty() || any_listed(filter.category_ids, line.category_ids)) &&
           (filter.tags.empty() || any_listed(filter.tags, line.tags));
}

std::vector<std::size_t> matching_lines(const ItemFilter& filter, const WorkingCart& cart) {
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < cart.lines.size(); ++i)
        if (matches(filter, *cart.lines[i])) indices.push_back(i);
    return indices;
}

int64_t units_of(const WorkingCart& cart, const std::vector<std::size_t>& lines) {
    int64_t units = 0;
    for (std::size_t i : lines) units += cart.lines[i]->quantity;
    return units;
}

Money subtotal_of(const WorkingCart& cart, const std::vector<std::size_t>& lines) {
    Money subtotal = Money::zero(*cart.snapshot.currency);
    for (std::size_t i : lines) subtotal = subtotal + cart.lines[i]->unit_price.times(cart.lines[i]->quantity);
    return subtotal;
}

std::optional<std::string_view> ineligibility(const Promotion& promotion, const WorkingCart& cart,
                                              const std::vector<std::size_t>& targets, const UsageCounts& usage) {
    namespace reason = promotion_reason;
    const CartSnapshot& snapshot = cart.snapshot;
    const Conditions& when = promotion.conditions;
    if (promotion.starts_at_ms && snapshot.now_ms < *promotion.starts_at_ms) return reason::not_started;
    if (promotion.ends_at_ms && snapshot.now_ms >= *promotion.ends_at_ms) return reason::expired;
    if (promotion.usage_limit && count_of(usage, promotion.id) >= *promotion.usage_limit)
        return reason::usage_limit_reached;
    if (promotion.usage_limit_per_customer) {
        if (!snapshot.customer.id) return reason::customer_required;
        if (count_of(snapshot.customer.usage, promotion.id) >= *promotion.usage_limit_per_customer)
            return reason::customer_usage_limit_reached;
    }
    if (!when.currencies.empty() &&
        std::find(when.currencies.begin(), when.currencies.end(), snapshot.currency) == when.currencies.end())
        return reason::currency_not_eligible;
    if (!when.channels.empty() && !listed(when.channels, snapshot.channel)) return reason::channel_not_eligible;
    if (!when.customer_groups.empty() && !any_listed(when.customer_groups, snapshot.customer.groups))
        return reason::customer_group_not_eligible;
    if (when.first_order && !snapshot.customer.is_first_order) return reason::first_order_only;
    if (targets.empty()) return reason::no_matching_items;
    if (when.min_quantity && units_of(cart, targets) < *when.min_quantity) return reason::min_quantity_not_met;
    if (when.min_subtotal && subtotal_of(cart, targets) < *when.min_subtotal) return reason::min_subtotal_not_met;
    return std::nullopt;
}

}  // namespace commerce
