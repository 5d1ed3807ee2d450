// How carts behave over time and across logins, from the engine config's "carts" member (docs/carts.md).
#pragma once

#include <cstdint>

namespace commerce {

// What happens to a guest cart when its shopper logs in and already has a cart in that currency.
enum class MergePolicy {
    merge_quantities,  // the guest's lines are added to the user's cart
    keep_user,         // the user's cart stays as it is
    keep_guest,        // the guest's lines replace the user's
};

struct CartSettings {
    MergePolicy merge_policy = MergePolicy::merge_quantities;
    int64_t abandon_after_ms = 60LL * 60 * 1000;             // idle this long with items: cart.abandoned
    int64_t expire_after_ms = 30LL * 24 * 60 * 60 * 1000;    // idle this long: deleted by the sweep
    int64_t max_line_quantity = 1'000'000;                   // units of one variant in one cart
};

}  // namespace commerce
