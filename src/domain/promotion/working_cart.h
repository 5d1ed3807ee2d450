// The cart as the promotions of one lane see it while they are evaluated: the lines in id order (so results never
// depend on the order the cart listed them) and what each still has left to pay after the promotions before.
#pragma once

#include "domain/promotion/cart_snapshot.h"

#include <cstddef>
#include <vector>

namespace commerce {

struct WorkingCart {
    const CartSnapshot& snapshot;
    std::vector<const PromotionLine*> lines;  // sorted by id
    std::vector<Money> remaining;             // per line, never negative
    Money shipping_remaining;
};

// A promotion's effect on a working cart, indexed like WorkingCart::lines.
struct Discount {
    std::vector<Money> lines;
    Money shipping;

    Money total() const {
        Money sum = shipping;
        for (const Money& line : lines) sum = sum + line;
        return sum;
    }
};

}  // namespace commerce
