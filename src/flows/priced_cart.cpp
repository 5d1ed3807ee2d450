#include "flows/priced_cart.h"

#include "core/error.h"
#include "domain/pricing/price_resolution.h"
#include "flows/cart_pricing.h"
#include "flows/customer_groups.h"
#include "flows/price_lists.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce::flows {

namespace {

// The line of one unit of the variant, at its catalog price. A line of a stored cart names the cart in its refusal:
// whoever found the cart without its id (commerce_cart_find_open) needs it to remove the line.
PricedLine priced_line(CatalogPricer& pricer, std::shared_ptr<const Product> product, std::string_view variant_id,
                       const Currency& currency, const Cart* cart = nullptr) {
    const Variant* variant = product->variant(variant_id);
    auto price = pricer.unit_price(*variant);
    if (!price) {
        nlohmann::json details = {
            {"variant_id", variant->id}, {"product_id", product->id}, {"currency", currency.code}};
        if (cart) details["cart_id"] = cart->id;
        throw Error(COMMERCE_ERR_CURRENCY_MISMATCH,
                    fmt::format("variant '{}' has no price in {}", variant->sku, currency.code), std::move(details));
    }
    return {std::move(product), variant, 1, price->amount, price->amount, std::nullopt, price->amount,
            std::move(price->conversion)};
}

// Each line's unit price: its catalog price (set or converted) or a price list's, by quantity
// (domain/pricing/price_resolution.h).
void apply_price_lists(Transaction& tx, PricedCart& priced, int64_t now_ms) {
    PriceContext context{{}, priced.cart.channel, now_ms};
    for (const auto& group : priced.customer_groups) context.customer_groups.push_back(group.id);
    std::vector<std::string> variant_ids;
    for (const auto& line : priced.lines) variant_ids.push_back(line.variant->id);
    const std::vector<PriceList> lists = applicable_price_lists(tx, context, variant_ids, *priced.cart.currency);
    std::vector<const PriceList*> candidates;
    for (const auto& list : lists) candidates.push_back(&list);
    for (auto& line : priced.lines) {
        ResolvedPrice resolved =
            resolve_unit_price(line.catalog_unit_price, line.variant->id, line.quantity, candidates);
        line.unit_price = resolved.unit_price;
        line.price_list_id = std::move(resolved.price_list_id);
        line.line_total = line.unit_price.times(line.quantity);
        priced.subtotal = priced.subtotal + line.line_total;
    }
}

}  // namespace

VariantKey named_variant(Transaction& tx, std::string_view item_id) {
    if (auto key = tx.products().variant_by_id(item_id)) return *key;
    auto product = tx.products().by_id(item_id);
    if (!product)
        throw_not_found("item_id", std::string(item_id), fmt::format("no variant or product with id '{}'", item_id));
    if (product->variants.size() != 1)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                    fmt::format("product '{}' has {} variants: name one", product->title, product->variants.size()),
                    {{"field", "item_id"}, {"reason", "variant_required"}});
    return {product->id, product->variants.front().id};
}

PricedLine sellable_variant(Transaction& tx, std::string_view item_id, const Currency& currency, int64_t now_ms) {
    const VariantKey key = named_variant(tx, item_id);
    std::shared_ptr<const Product> product = tx.products().shared_by_id(key.product_id);
    if (!product->visible_at(now_ms))
        throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("product '{}' is not on sale", product->title),
                    {{"field", "item_id"}, {"item_id", item_id}, {"reason", "not_on_sale"}});
    CatalogPricer pricer(tx, currency, now_ms);
    return priced_line(pricer, std::move(product), key.variant_id, currency);
}

PricedCart price_cart(Transaction& tx, Cart cart, int64_t now_ms) {
    const Money zero = Money::zero(*cart.currency);
    PricedCart priced{.cart = std::move(cart), .lines = {}, .line_totals = {}, .requires_shipping = false,
                      .store_ships = false, .shipping_options = {}, .shipping_method = std::nullopt,
                      .customer_groups = {},
                      .promotions = {{{}, {}, zero}, {{}, {}, zero}, {}, {}}, .promotion_names = {},
                      .taxes = std::nullopt, .tax_estimated = false, .subtotal = zero, .discount_total = zero,
                      .shipping_total = zero, .tax_total = zero, .total = zero, .tax_exempt = false,
                      .tax_exemption = zero, .display = std::nullopt};
    CatalogPricer pricer(tx, *priced.cart.currency, now_ms);
    priced.lines.reserve(priced.cart.items.size());
    for (const auto& item : priced.cart.items) {
        const VariantKey key = *tx.products().variant_by_id(item.variant_id);  // cart lines go with their variant
        PricedLine line = priced_line(pricer, tx.products().shared_by_id(key.product_id), key.variant_id,
                                      *priced.cart.currency, &priced.cart);
        line.quantity = item.quantity;
        priced.lines.push_back(std::move(line));
    }
    priced.customer_groups = customer_groups_of(tx, priced.cart.user_id);
    priced.tax_exempt = std::any_of(priced.customer_groups.begin(), priced.customer_groups.end(),
                                    [](const CustomerGroup& group) { return group.tax_exempt; });
    apply_price_lists(tx, priced, now_ms);
    apply_promotions_and_taxes(tx, priced, now_ms);
    priced.display = display_total(tx, priced.cart, priced.total, now_ms);
    return priced;
}

Cart accessible_cart(Transaction& tx, std::string_view cart_id, const std::optional<Actor>& actor) {
    auto cart = tx.carts().by_id(cart_id);
    if (!cart) throw_not_found("cart_id", std::string(cart_id), fmt::format("no cart with id '{}'", cart_id));
    if (cart->user_id) {
        if (!actor) throw Error(COMMERCE_ERR_UNAUTHORIZED, "this cart belongs to a user: pass their session");
        if (actor->user_id != *cart->user_id && !actor->can(permission::orders_manage))
            throw Error(COMMERCE_ERR_FORBIDDEN, "this cart belongs to another user", {{"cart_id", cart_id}});
    }
    return std::move(*cart);
}

}  // namespace commerce::flows
