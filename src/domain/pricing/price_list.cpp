#include "domain/pricing/price_list.h"

#include <algorithm>

namespace commerce {
namespace {

bool shares_one(const std::vector<std::string>& wanted, const std::vector<std::string>& held) {
    return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& id) {
        return std::binary_search(held.begin(), held.end(), id);
    });
}

}  // namespace

bool list_applies(const PriceList& list, const PriceContext& context) {
    if (list.starts_at_ms && context.now_ms < *list.starts_at_ms) return false;
    if (list.ends_at_ms && context.now_ms >= *list.ends_at_ms) return false;
    if (!list.channels.empty() && !std::binary_search(list.channels.begin(), list.channels.end(), context.channel))
        return false;
    return list.customer_groups.empty() || shares_one(list.customer_groups, context.customer_groups);
}

std::string_view price_list_type_name(PriceListType type) noexcept {
    return type == PriceListType::sale ? "sale" : "override";
}

}  // namespace commerce
