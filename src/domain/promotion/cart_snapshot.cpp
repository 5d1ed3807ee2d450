#include "domain/promotion/cart_snapshot.h"

#include "core/error.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {


// An amount the cart's currency can hold and a discount cannot make worse than zero.
void check_amount(const CartSnapshot& cart, const Money& amount, std::string_view field) {
    if (&amount.currency() != cart.currency)
        throw Error(COMMERCE_ERR_CURRENCY_MISMATCH,
                    fmt::format("{} is in {}, the cart in {}", field, amount.currency().code, cart.currency->code),
                    {{"field", field}, {"left", cart.currency->code}, {"right", amount.currency().code}});
    if (amount.is_negative()) throw_invalid(field, "negative", fmt::format("{} must not be negative", field));
}

std::vector<std::string> sorted_ids(const std::vector<LineAmount>& amounts) {
    std::vector<std::string> ids;
    for (const auto& each : amounts) ids.push_back(each.line_id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

void check_snapshot(const CartSnapshot& cart) {
    if (!cart.currency) throw_invalid("currency", "required", "a cart has a currency");
    std::vector<std::string> ids;
    for (const PromotionLine& line : cart.lines) {
        if (line.id.empty()) throw_invalid("lines.id", "required", "every line has an id");
        if (line.quantity < 1 || line.quantity > kMaxSnapshotQuantity)
            throw_invalid("lines.quantity", "out_of_range",
                    fmt::format("line {}: quantity must be between 1 and {}", line.id, kMaxSnapshotQuantity));
        check_amount(cart, line.unit_price, "lines.unit_price");
        ids.push_back(line.id);
    }
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end())
        throw_invalid("lines", "duplicate_line", "two lines have the same id");
    check_amount(cart, cart.shipping, "shipping");
    if (cart.after_tax_base) {
        if (sorted_ids(cart.after_tax_base->lines) != ids)
            throw_invalid("after_tax_base", "line_mismatch", "after_tax_base must give one amount per cart line");
        for (const auto& each : cart.after_tax_base->lines) check_amount(cart, each.amount, "after_tax_base.lines");
        check_amount(cart, cart.after_tax_base->shipping, "after_tax_base.shipping");
    }
}

}  // namespace commerce
