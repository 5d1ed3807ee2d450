// The "cart" document (docs/schema/cart.schema.json): the cart's lines and every part of its total.
#include "flows/priced_cart.h"

#include "core/json_output.h"
#include "core/timestamp.h"
#include "flows/currencies.h"

#include <algorithm>

namespace commerce::flows {
namespace {

nlohmann::json tax_lines_json(const std::vector<TaxLine>& taxes) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& tax : taxes)
        lines.push_back({{"name", tax.name}, {"percent", tax.percent.to_string()}, {"amount", tax.amount.to_json()}});
    return lines;
}

nlohmann::json line_amounts_json(const std::vector<LineAmount>& amounts) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& amount : amounts) lines.push_back({{"variant_id", amount.line_id}, {"amount", amount.amount.to_json()}});
    return lines;
}

nlohmann::json discounts_json(const PricedCart& priced) {
    nlohmann::json discounts = nlohmann::json::array();
    for (const LaneOutcome* lane : {&priced.promotions.before_tax, &priced.promotions.after_tax})
        for (const auto& applied : lane->applied)
            discounts.push_back({{"promotion_id", applied.promotion_id},
                                 {"name", priced.promotion_names.at(applied.promotion_id)},
                                 {"code", nullable(applied.code)},
                                 {"lane", applied.lane == Lane::before_tax ? "before_tax" : "after_tax"},
                                 {"amount", applied.amount.to_json()},
                                 {"lines", line_amounts_json(applied.lines)},
                                 {"shipping", applied.shipping.to_json()}});
    return discounts;
}

// Every coupon the cart holds and what became of it: applied, not applied (with the engine's reason), unknown.
nlohmann::json coupons_json(const PricedCart& priced) {
    const PromotionOutcome& outcome = priced.promotions;
    nlohmann::json coupons = nlohmann::json::array();
    for (const auto& code : priced.cart.coupon_codes) {
        nlohmann::json coupon = {{"code", code}, {"status", "unknown"}, {"promotion_id", nullptr}, {"reason", nullptr}};
        for (const LaneOutcome* lane : {&outcome.before_tax, &outcome.after_tax})
            for (const auto& applied : lane->applied)
                if (applied.code == code) coupon.update({{"status", "applied"}, {"promotion_id", applied.promotion_id}});
        for (const auto& missed : outcome.not_applied)
            if (missed.code == code)
                coupon.update({{"status", "not_applied"}, {"promotion_id", missed.promotion_id}, {"reason", missed.reason}});
        coupons.push_back(std::move(coupon));
    }
    return coupons;
}

nlohmann::json not_applied_json(const PromotionOutcome& outcome) {
    nlohmann::json missed = nlohmann::json::array();
    for (const auto& entry : outcome.not_applied)
        missed.push_back({{"promotion_id", entry.promotion_id}, {"code", nullable(entry.code)}, {"reason", entry.reason}});
    return missed;
}

nlohmann::json address_json(const std::optional<CartAddress>& address) {
    if (!address) return nullptr;
    return {{"country", address->country}, {"region", nullable(address->region)},
            {"postal_code", nullable(address->postal_code)}};
}

nlohmann::json shipping_json(const OfferedShipping& offered) {
    return {{"id", offered.id},
            {"name", offered.name},
            {"kind", offered.kind},
            {"price", offered.price.to_json()},
            {"delivery_days", {{"min", offered.min_days}, {"max", offered.max_days}}},
            {"location_id", nullable(offered.location_id)}};
}

// A converted unit price says what it was converted from, at which rate.
nlohmann::json conversion_json(const std::optional<PriceConversion>& conversion) {
    if (!conversion) return nullptr;
    return {{"price", conversion->from.to_json()}, {"rate", rate_json(conversion->rate)}};
}

nlohmann::json display_json(const std::optional<DisplayTotal>& display) {
    if (!display) return nullptr;
    return {{"currency", display->total.currency().code}, {"total", display->total.to_json()},
            {"rate", rate_json(display->rate)}};
}

}  // namespace

nlohmann::json cart_totals_json(const PricedCart& priced) {
    const auto& taxes = priced.taxes;
    return {{"subtotal", priced.subtotal.to_json()},
            {"discounts", discounts_json(priced)},
            {"discount_total", priced.discount_total.to_json()},
            {"shipping_method", priced.shipping_method ? shipping_json(*priced.shipping_method) : nlohmann::json(nullptr)},
            {"shipping_total", priced.shipping_total.to_json()},
            {"taxes", taxes ? tax_lines_json(taxes->total.taxes) : nlohmann::json::array()},
            {"tax_total", priced.tax_total.to_json()},
            {"prices_include_tax", taxes && taxes->prices_include_tax},
            {"tax_zone", taxes ? nullable(taxes->zone_id) : nlohmann::json(nullptr)},
            {"tax_estimated", priced.tax_estimated},
            {"tax_exempt", priced.tax_exempt},
            {"tax_exemption", priced.tax_exemption.to_json()},
            {"total", priced.total.to_json()},
            {"display", display_json(priced.display)}};
}

nlohmann::json cart_document(const PricedCart& priced) {
    const Cart& cart = priced.cart;
    nlohmann::json items = nlohmann::json::array();
    int64_t item_count = 0;
    for (std::size_t i = 0; i < priced.lines.size(); ++i) {
        const PricedLine& line = priced.lines[i];
        const LineTotals& totals = priced.line_totals[i];
        const CartItem& item = cart.items[i];  // priced lines follow the cart's items
        items.push_back({{"variant_id", line.variant.id}, {"product_id", line.product.id}, {"sku", line.variant.sku},
                         {"title", line.product.title}, {"options", line.variant.options},
                         {"quantity", line.quantity}, {"unit_price", line.unit_price.to_json()},
                         {"catalog_unit_price", line.catalog_unit_price.to_json()},
                         {"price_list_id", nullable(line.price_list_id)},
                         {"converted_from", conversion_json(line.conversion)},
                         {"line_total", line.line_total.to_json()}, {"discount_total", totals.discount.to_json()},
                         {"taxes", tax_lines_json(totals.taxes)}, {"tax_total", totals.tax.to_json()},
                         {"total", totals.total.to_json()}, {"note", nullable(item.note)},
                         {"attributes", item.attributes}});
        item_count += line.quantity;
    }
    nlohmann::json shipping_methods = nlohmann::json::array();
    for (const auto& offered : priced.shipping_options) shipping_methods.push_back(shipping_json(offered));
    nlohmann::json document = {{"type", "cart"},
                               {"schema_version", 1},
                               {"id", cart.id},
                               {"user_id", nullable(cart.user_id)},
                               {"currency", cart.currency->code},
                               {"status", cart.status},
                               {"channel", cart.channel},
                               {"shipping_address", address_json(cart.shipping_address)},
                               {"items", items},
                               {"item_count", item_count},
                               {"requires_shipping", priced.requires_shipping},
                               {"shipping_methods", shipping_methods},
                               {"coupons", coupons_json(priced)},
                               {"promotions_not_applied", not_applied_json(priced.promotions)},
                               {"created_at", format_rfc3339(cart.created_ms)},
                               {"updated_at", format_rfc3339(cart.updated_ms)}};
    document.update(cart_totals_json(priced));
    return document;
}

}  // namespace commerce::flows
