// What the promotion engine needs to know about a cart, its customer and the promotions' redemptions. The cart
// layer builds it from storage; the engine never reads anything else, so a result is reproducible from it.
#pragma once

#include "core/currency.h"
#include "core/money.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace commerce {

// One cart line in the shared pricing vocabulary (docs/promotions.md).
struct PromotionLine {
    std::string id;  // the variant id; unique within a snapshot
    std::string product_id;
    int64_t quantity = 0;  // > 0
    Money unit_price;      // as the shop shows it (tax-inclusive or not); not negative
    std::vector<std::string> category_ids;  // with their ancestors
    std::vector<std::string> tags;
};

// An amount per cart line, by line id.
struct LineAmount {
    std::string line_id;
    Money amount;
};

struct PromotionCustomer {
    std::optional<std::string> id;  // absent for a guest
    std::vector<std::string> groups;
    bool is_first_order = false;
    std::map<std::string, int64_t> usage;  // promotion id -> orders of this customer that redeemed it
};

// What an after_tax promotion may reduce: per line and for shipping, the amount payable after the before_tax
// discounts and tax. The cart layer passes it on its second call, once the tax engine has run.
struct PayableAmounts {
    std::vector<LineAmount> lines;
    Money shipping;
};

struct CartSnapshot {
    const Currency* currency = nullptr;
    std::vector<PromotionLine> lines;
    Money shipping;  // the chosen shipping method's price; zero when none is chosen yet
    PromotionCustomer customer;
    std::string channel;                    // "web", "pos", ...
    std::vector<std::string> entered_codes;  // coupons as the shopper typed them; compared case-insensitively
    int64_t now_ms = 0;
    // Absent: after_tax promotions reduce what the before_tax lane left (exact for tax-inclusive prices).
    std::optional<PayableAmounts> after_tax_base;
};

// Redemptions of each promotion over all customers, counted by the storage layer at order placement.
using UsageCounts = std::map<std::string, int64_t>;

// Refuses a snapshot the engine cannot price: no currency, a line without id or with an id given twice, a
// quantity outside 1..kMaxSnapshotQuantity, a negative amount (INVALID_ARGUMENT with field and reason), or an amount
// in another currency than the cart's (CURRENCY_MISMATCH). An after_tax_base must cover exactly the cart's lines.
void check_snapshot(const CartSnapshot& cart);

inline constexpr int64_t kMaxSnapshotQuantity = 1'000'000'000;

}  // namespace commerce
