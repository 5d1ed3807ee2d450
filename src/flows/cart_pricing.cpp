#include "flows/cart_pricing.h"

#include "core/error.h"
#include "domain/promotion/promotions.h"
#include "domain/shipping/shipping_options.h"
#include "flows/promotions.h"
#include "flows/shipping.h"
#include "flows/taxes.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace commerce::flows {
namespace {

// The promotions a cart may get: every active automatic one, and the promotion behind each coupon the cart
// holds. A generated single-use code stands for its promotion with the code as the coupon, limited to one use
// counted on that code. Codes that name nothing active are left out, so the engine reports them unknown.
// Redemptions are counted only for the promotions with a limit: the rest need no query.
struct Candidates {
    std::vector<Promotion> promotions;
    UsageCounts usage;           // all redemptions
    UsageCounts customer_usage;  // the cart's user's, for the promotions limited per customer
};

std::vector<std::string> ids_limited_by(const std::vector<Promotion>& promotions,
                                        std::optional<int64_t> Promotion::*limit) {
    std::vector<std::string> ids;
    for (const auto& promotion : promotions)
        if (promotion.*limit) ids.push_back(promotion.id);
    return ids;
}

Candidates candidates_for(Transaction& tx, const Cart& cart) {
    Candidates found;
    for (const auto& stored : tx.promotions().active_automatic()) found.promotions.push_back(promotion_of(stored));
    std::vector<std::pair<std::size_t, std::string>> single_use;  // index in promotions, its code
    for (const auto& code : cart.coupon_codes) {
        const auto stored = tx.promotions().by_code(code);
        if (!stored || stored->status != kPromotionActive) continue;
        const bool seen = std::any_of(found.promotions.begin(), found.promotions.end(),
                                      [&](const Promotion& p) { return p.id == stored->id; });
        if (seen) continue;  // one code per promotion: the cart's coupon flow refuses a second
        Promotion promotion = promotion_of(*stored);
        if (stored->requires_code) {
            promotion.code = code;
            single_use.emplace_back(found.promotions.size(), code);
        }
        found.promotions.push_back(std::move(promotion));
    }
    if (const auto limited = ids_limited_by(found.promotions, &Promotion::usage_limit); !limited.empty())
        found.usage = tx.promotions().usage(limited);
    if (const auto limited = ids_limited_by(found.promotions, &Promotion::usage_limit_per_customer);
        cart.user_id && !limited.empty())
        found.customer_usage = tx.promotions().usage_by(*cart.user_id, limited);
    for (const auto& [index, code] : single_use)
        if (tx.promotions().code_usage(code) > 0) {
            Promotion& promotion = found.promotions[index];
            promotion.usage_limit = 1;
            found.usage[promotion.id] = std::max<int64_t>(found.usage[promotion.id], 1);
        }
    return found;
}

// A category and its ancestors: the ids along its materialized path ("/root/child/leaf/").
void add_with_ancestors(Transaction& tx, const std::string& category_id, std::set<std::string>& into) {
    const auto category = tx.categories().by_id(category_id);
    if (!category) return;
    std::string_view path = category->path;
    while (!path.empty()) {
        path.remove_prefix(1);  // the '/' before each id
        const auto end = path.find('/');
        if (end == std::string_view::npos) break;
        if (end > 0) into.emplace(path.substr(0, end));
        path.remove_prefix(end);
    }
}

CartSnapshot snapshot_of(Transaction& tx, const PricedCart& priced, const Candidates& candidates, int64_t now_ms) {
    const Cart& cart = priced.cart;
    CartSnapshot snapshot{.currency = cart.currency, .lines = {}, .shipping = priced.shipping_total,
                          .customer = {}, .channel = cart.channel, .entered_codes = cart.coupon_codes,
                          .now_ms = now_ms, .after_tax_base = std::nullopt};
    for (const auto& line : priced.lines) {
        std::set<std::string> categories;
        for (const auto& id : line.product->category_ids) add_with_ancestors(tx, id, categories);
        snapshot.lines.push_back({line.variant->id, line.product->id, line.quantity, line.unit_price,
                                  {categories.begin(), categories.end()}, line.product->tags});
    }
    if (cart.user_id) {
        snapshot.customer.id = cart.user_id;
        snapshot.customer.is_first_order = tx.orders().count_for_user(*cart.user_id) == 0;
        for (const auto& group : priced.customer_groups) snapshot.customer.groups.push_back(group.id);
        snapshot.customer.usage = candidates.customer_usage;
    }
    return snapshot;
}

Money amount_for(const std::vector<LineAmount>& amounts, const std::string& line_id, const Currency& currency) {
    for (const auto& amount : amounts)
        if (amount.line_id == line_id) return amount.amount;
    return Money::zero(currency);
}

// Σ of what the lane's promotions took from one line.
Money lane_discount(const LaneOutcome& lane, const std::string& line_id, const Currency& currency) {
    Money total = Money::zero(currency);
    for (const auto& applied : lane.applied) total = total + amount_for(applied.lines, line_id, currency);
    return total;
}

Money lane_total(const LaneOutcome& lane, const Currency& currency) {
    Money total = Money::zero(currency);
    for (const auto& applied : lane.applied) total = total + applied.amount;
    return total;
}

// The methods the store offers this cart, and the cart's choice among them: a choice no longer offered (the
// address changed, the cart got heavier) is not charged, and the document shows no method.
void offer_shipping(Transaction& tx, PricedCart& priced) {
    const Cart& cart = priced.cart;
    int64_t weight = 0;
    for (const auto& line : priced.lines)
        if (line.product->kind == kPhysical) {
            priced.requires_shipping = true;
            weight += line.variant->weight_grams.value_or(0) * line.quantity;
        }
    const auto definitions = store_shipping_definitions(tx);
    if (!definitions) return;
    priced.store_ships = !definitions->methods.empty();
    ShippingRequest request{cart.currency, std::nullopt, priced.subtotal, weight, priced.requires_shipping};
    if (cart.shipping_address)
        request.destination = ShippingDestination{cart.shipping_address->country, cart.shipping_address->region};
    for (const auto& option : shipping_options(*definitions, request)) {
        const ShippingMethod& method = *option.method;
        priced.shipping_options.push_back({method.id, method.name,
                                           method.kind == ShippingKind::pickup ? "pickup" : "delivery", option.price,
                                           method.min_days, method.max_days, method.location_id, method.tax_class});
        if (cart.shipping_method == method.id) priced.shipping_method = priced.shipping_options.back();
    }
    if (priced.shipping_method) priced.shipping_total = priced.shipping_method->price;
}

TaxResult taxes_for(const TaxDefinitions& definitions, const PricedCart& priced, const PromotionOutcome& first) {
    const Cart& cart = priced.cart;
    TaxRequest request{.currency = std::string(cart.currency->code), .destination = {},
                       .customer_exempt = priced.tax_exempt, .lines = {}, .shipping = std::nullopt};
    if (cart.shipping_address)
        request.destination = {cart.shipping_address->country, cart.shipping_address->region,
                               cart.shipping_address->postal_code};
    else
        request.destination = {definitions.origin.country, definitions.origin.region, std::nullopt};
    for (const auto& line : priced.lines)
        request.lines.push_back({line.variant->id, line.product->tax_class, line.quantity,
                                 amount_for(first.before_tax.lines_after, line.variant->id, *cart.currency)});
    if (priced.shipping_method)
        request.shipping = TaxableShipping{priced.shipping_method->tax_class, first.before_tax.shipping_after};
    return compute_taxes(definitions, request);
}

const TaxedLine& taxed_line(const TaxResult& taxes, const std::string& line_id) {
    auto found = std::lower_bound(taxes.lines.begin(), taxes.lines.end(), line_id,
                                  [](const TaxedLine& line, const std::string& id) { return line.id < id; });
    return *found;  // the tax engine returns every line it was given, sorted by id
}

}  // namespace

void apply_promotions_and_taxes(Transaction& tx, PricedCart& priced, int64_t now_ms) {
    const Currency& currency = *priced.cart.currency;
    offer_shipping(tx, priced);
    const Candidates candidates = candidates_for(tx, priced.cart);
    for (const auto& promotion : candidates.promotions) priced.promotion_names[promotion.id] = promotion.name;
    CartSnapshot snapshot = snapshot_of(tx, priced, candidates, now_ms);
    PromotionOutcome outcome = evaluate_promotions(snapshot, candidates.promotions, candidates.usage);

    const auto definitions = store_tax_definitions(tx);
    if (definitions) {
        priced.taxes = taxes_for(*definitions, priced, outcome);
        priced.tax_estimated = !priced.cart.shipping_address;
        if (priced.tax_exempt && priced.taxes->prices_include_tax) {
            // The tax the shown prices contained, which an exempt customer does not pay (docs/taxes.md).
            Money shown = outcome.before_tax.shipping_after;
            for (const auto& line : priced.lines)
                shown = shown + amount_for(outcome.before_tax.lines_after, line.variant->id, currency);
            priced.tax_exemption = shown - priced.taxes->total.gross;
        }
    }
    // What an after_tax promotion may reduce: each line as charged once taxed.
    const auto gross_of = [&](const PricedLine& line) {
        return priced.taxes ? taxed_line(*priced.taxes, line.variant->id).breakdown.gross
                            : amount_for(outcome.before_tax.lines_after, line.variant->id, currency);
    };
    const Money shipping_gross = priced.taxes && priced.taxes->shipping ? priced.taxes->shipping->gross
                                                                       : outcome.before_tax.shipping_after;
    const bool has_after_tax = std::any_of(candidates.promotions.begin(), candidates.promotions.end(),
                                           [](const Promotion& p) { return p.lane == Lane::after_tax; });
    if (has_after_tax) {
        PayableAmounts payable{{}, shipping_gross};
        for (const auto& line : priced.lines) payable.lines.push_back({line.variant->id, gross_of(line)});
        snapshot.after_tax_base = std::move(payable);
        outcome = evaluate_promotions(snapshot, candidates.promotions, candidates.usage);
    }

    priced.discount_total = lane_total(outcome.before_tax, currency) + lane_total(outcome.after_tax, currency);
    priced.tax_total = Money::zero(currency);
    if (priced.taxes)
        for (const auto& tax : priced.taxes->total.taxes) priced.tax_total = priced.tax_total + tax.amount;
    priced.total = Money::zero(currency);
    for (const auto& line : priced.lines) {
        LineTotals totals{lane_discount(outcome.before_tax, line.variant->id, currency) +
                              lane_discount(outcome.after_tax, line.variant->id, currency),
                          {}, Money::zero(currency), gross_of(line)};
        if (priced.taxes) {
            const TaxBreakdown& breakdown = taxed_line(*priced.taxes, line.variant->id).breakdown;
            totals.taxes = breakdown.taxes;
            for (const auto& tax : breakdown.taxes) totals.tax = totals.tax + tax.amount;
        }
        totals.total = totals.total - lane_discount(outcome.after_tax, line.variant->id, currency);
        priced.total = priced.total + totals.total;
        priced.line_totals.push_back(std::move(totals));
    }
    Money after_tax_shipping_discount = Money::zero(currency);
    for (const auto& applied : outcome.after_tax.applied)
        after_tax_shipping_discount = after_tax_shipping_discount + applied.shipping;
    priced.total = priced.total + shipping_gross - after_tax_shipping_discount;
    priced.promotions = std::move(outcome);

    // The document promises this identity; a break would be a defect in the engines, never a rounding choice.
    const bool included = priced.taxes && priced.taxes->prices_include_tax;
    const Money expected = priced.subtotal - priced.discount_total + priced.shipping_total +
                           (included ? -priced.tax_exemption : priced.tax_total);
    if (expected != priced.total)
        throw Error(COMMERCE_ERR_GENERIC,
                    fmt::format("cart {} does not reconcile: {} expected, {} computed", priced.cart.id,
                                expected.amount_string(), priced.total.amount_string()));
}

}  // namespace commerce::flows
