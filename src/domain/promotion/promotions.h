// The promotion engine: a pure function from a cart snapshot, the shop's promotions and their redemption counts
// to the actions the cart applies. Nothing is stored or remembered, so the same input always gives the same
// outcome, whatever the order of the promotions or of the cart's lines.
//
// Evaluation order: lane (before_tax, then after_tax), then priority (the higher number first), then id. Each
// candidate in turn is checked for its conditions (eligibility.h), its action's own thresholds (actions.h), its
// stacking with the promotions already applied (stacking.h), and must take off more than nothing. The amounts
// each takes are what earlier promotions left, so no line or shipping goes below zero.
#pragma once

#include "domain/promotion/cart_snapshot.h"
#include "domain/promotion/outcome.h"
#include "domain/promotion/promotion.h"

#include <span>

namespace commerce {

// Candidates are the automatic promotions and the coupons whose code was entered; a coupon promotion whose code
// was not entered is not mentioned at all. A bad snapshot is refused as check_snapshot() says; two promotions
// with one id are INVALID_ARGUMENT (field "promotions", reason "duplicate_promotion").
PromotionOutcome evaluate_promotions(const CartSnapshot& cart, std::span<const Promotion> promotions,
                                     const UsageCounts& usage);

}  // namespace commerce
