#include "domain/pricing/price_resolution.h"

#include <algorithm>

namespace commerce {
namespace {

// The list's tier for this quantity: prices are sorted by variant, currency and min_quantity, so the last one
// whose min_quantity fits is the tier.
const PriceListPrice* tier_for(const PriceList& list, std::string_view variant_id, const Currency& currency,
                               int64_t quantity) {
    const PriceListPrice* tier = nullptr;
    auto it = std::lower_bound(list.prices.begin(), list.prices.end(), variant_id,
                               [](const PriceListPrice& price, std::string_view id) { return price.variant_id < id; });
    for (; it != list.prices.end() && it->variant_id == variant_id; ++it)
        if (&it->amount.currency() == &currency && it->min_quantity <= quantity) tier = &*it;
    return tier;
}

struct Candidate {
    Money price;
    const PriceList* list;
};

bool cheaper(const Candidate& a, const Candidate& b) {
    if (a.price != b.price) return a.price < b.price;
    return a.list->id < b.list->id;
}

}  // namespace

ResolvedPrice resolve_unit_price(const Money& catalog_price, std::string_view variant_id, int64_t quantity,
                                 const std::vector<const PriceList*>& lists) {
    std::optional<Candidate> best_override;
    std::optional<Candidate> best_sale;
    for (const PriceList* list : lists) {
        const PriceListPrice* tier = tier_for(*list, variant_id, catalog_price.currency(), quantity);
        if (!tier) continue;
        const Candidate candidate{tier->amount, list};
        auto& best = list->type == PriceListType::override_price ? best_override : best_sale;
        if (!best || cheaper(candidate, *best)) best = candidate;
    }
    if (best_override) return {best_override->price, best_override->list->id};
    if (best_sale && best_sale->price < catalog_price) return {best_sale->price, best_sale->list->id};
    return {catalog_price, std::nullopt};
}

}  // namespace commerce
