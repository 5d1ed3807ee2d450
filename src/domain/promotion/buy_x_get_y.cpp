#include "domain/promotion/buy_x_get_y.h"

#include "domain/promotion/actions.h"
#include "domain/promotion/allocation.h"
#include "domain/promotion/eligibility.h"
#include "domain/promotion/outcome.h"

#include <algorithm>

namespace commerce {
namespace {

struct UnitCounts {
    int64_t buy_only = 0;
    int64_t get_only = 0;
    int64_t both = 0;
};

// The most applications the units allow. Units of both sets can fill either role, so n fits exactly when each
// role alone fits and both together fit: buy_only + both >= n·bx, get_only + both >= n·gy, all >= n·(bx + gy).
int64_t applications(const BuyXGetY& action, const UnitCounts& units) {
    int64_t n = std::min({(units.buy_only + units.both) / action.buy_quantity,
                          (units.get_only + units.both) / action.get_quantity,
                          (units.buy_only + units.get_only + units.both) / (action.buy_quantity + action.get_quantity)});
    if (action.max_applications) n = std::min(n, *action.max_applications);
    return n;
}

}  // namespace

std::variant<Discount, std::string_view> buy_x_get_y(const BuyXGetY& action, const WorkingCart& cart,
                                                     const std::vector<std::size_t>& buy_set) {
    const std::vector<std::size_t> get_set = action.get ? matching_lines(*action.get, cart) : buy_set;
    auto in_buy_set = [&](std::size_t i) { return std::binary_search(buy_set.begin(), buy_set.end(), i); };
    auto in_get_set = [&](std::size_t i) { return std::binary_search(get_set.begin(), get_set.end(), i); };

    UnitCounts units;
    for (std::size_t i = 0; i < cart.lines.size(); ++i) {
        const int64_t quantity = cart.lines[i]->quantity;
        if (in_buy_set(i) && in_get_set(i)) units.both += quantity;
        else if (in_buy_set(i)) units.buy_only += quantity;
        else if (in_get_set(i)) units.get_only += quantity;
    }
    const int64_t n = applications(action, units);
    if (n == 0) return promotion_reason::min_quantity_not_met;

    // Units of both sets the get role may take and still leave enough for the buy role.
    int64_t shared_allowance = units.both - std::max<int64_t>(0, n * action.buy_quantity - units.buy_only);
    int64_t to_discount = n * action.get_quantity;
    std::vector<std::size_t> cheapest_first = get_set;  // in id order, so the stable sort breaks ties by id
    std::stable_sort(cheapest_first.begin(), cheapest_first.end(),
                     [&](std::size_t a, std::size_t b) { return cart.lines[a]->unit_price < cart.lines[b]->unit_price; });

    std::vector<std::size_t> discounted_lines;
    std::vector<Money> bases;  // what the chosen units of each line have left to pay
    for (std::size_t i : cheapest_first) {
        if (to_discount == 0) break;
        const bool shared = in_buy_set(i);
        int64_t take = std::min(cart.lines[i]->quantity, to_discount);
        if (shared) take = std::min(take, shared_allowance);
        if (take == 0) continue;
        if (shared) shared_allowance -= take;
        to_discount -= take;
        const std::int64_t split[] = {take, cart.lines[i]->quantity - take};
        discounted_lines.push_back(i);
        bases.push_back(cart.remaining[i].allocate(split)[0]);
    }

    Money base = Money::zero(*cart.snapshot.currency);
    for (const Money& each : bases) base = base + each;
    const std::vector<Money> shares = spread(percent_of(base, action.percent), bases);
    Discount discount = no_discount(cart);
    for (std::size_t k = 0; k < discounted_lines.size(); ++k) discount.lines[discounted_lines[k]] = shares[k];
    return discount;
}

}  // namespace commerce
