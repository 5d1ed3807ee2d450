// How orders behave over time, from the engine config's "orders" member (docs/orders.md).
#pragma once

#include <cstdint>

namespace commerce {

struct OrderSettings {
    // An order waiting on a prompt payment (a bank transfer) is cancelled, its stock released, after this long.
    int64_t unpaid_expire_after_ms = 3LL * 24 * 60 * 60 * 1000;
};

}  // namespace commerce
