#include "flows/priced_cart.h"

#include "core/error.h"
#include "core/json_output.h"
#include "core/timestamp.h"

#include <fmt/format.h>

namespace commerce::flows {

Product sellable_product(Transaction& tx, std::string_view product_id, const Currency& currency) {
    auto product = tx.products().by_id(product_id);
    if (!product)
        throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("no product with id '{}'", product_id),
                    {{"product_id", product_id}});
    if (!product->price_in(currency))
        throw Error(COMMERCE_ERR_CURRENCY_MISMATCH,
                    fmt::format("product '{}' has no price in {}", product->sku, currency.code),
                    {{"product_id", product->id}, {"currency", currency.code}});
    return *product;
}

PricedCart price_cart(Transaction& tx, const Cart& cart) {
    PricedCart priced{cart, {}, Money::zero(*cart.currency), Money::zero(*cart.currency)};
    for (const auto& item : cart.items) {
        Product product = sellable_product(tx, item.product_id, *cart.currency);
        Money unit_price = *product.price_in(*cart.currency);
        Money line_total = unit_price.times(item.quantity);
        priced.subtotal = priced.subtotal + line_total;
        priced.lines.push_back({std::move(product), item.quantity, unit_price, line_total});
    }
    priced.total = priced.subtotal;
    return priced;
}

Cart accessible_cart(Transaction& tx, std::string_view cart_id, const std::optional<Actor>& actor) {
    auto cart = tx.carts().by_id(cart_id);
    if (!cart) throw Error(COMMERCE_ERR_NOT_FOUND, fmt::format("no cart with id '{}'", cart_id), {{"cart_id", cart_id}});
    if (cart->user_id) {
        if (!actor) throw Error(COMMERCE_ERR_UNAUTHORIZED, "this cart belongs to a user: pass their session");
        if (actor->user_id != *cart->user_id && !actor->can(permission::orders_manage))
            throw Error(COMMERCE_ERR_FORBIDDEN, "this cart belongs to another user", {{"cart_id", cart_id}});
    }
    return *cart;
}

nlohmann::json cart_document(const PricedCart& priced) {
    const Cart& cart = priced.cart;
    nlohmann::json items = nlohmann::json::array();
    int64_t item_count = 0;
    for (const auto& line : priced.lines) {
        items.push_back({{"product_id", line.product.id}, {"sku", line.product.sku}, {"title", line.product.title},
                         {"quantity", line.quantity}, {"unit_price", line.unit_price.to_json()},
                         {"line_total", line.line_total.to_json()}});
        item_count += line.quantity;
    }
    return {{"type", "cart"},
            {"schema_version", 1},
            {"id", cart.id},
            {"user_id", nullable(cart.user_id)},
            {"currency", cart.currency->code},
            {"status", cart.status},
            {"items", items},
            {"item_count", item_count},
            {"subtotal", priced.subtotal.to_json()},
            {"total", priced.total.to_json()},
            {"created_at", format_rfc3339(cart.created_ms)},
            {"updated_at", format_rfc3339(cart.updated_ms)}};
}

}  // namespace commerce::flows
