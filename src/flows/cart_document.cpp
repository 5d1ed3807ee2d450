// The "cart" document (docs/schema/cart.schema.json): the cart's lines and every part of its total.
#include "flows/priced_cart.h"

#include "core/json_object.h"
#include "core/json_output.h"
#include "core/timestamp.h"
#include "domain/cart/cart_items.h"
#include "flows/currencies.h"

#include <algorithm>

namespace commerce::flows {
namespace {

nlohmann::json tax_lines_json(const std::vector<TaxLine>& taxes) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& tax : taxes)
        lines.push_back(JsonObject()
                            .add("name", tax.name)
                            .add("percent", tax.percent.to_string())
                            .add("amount", tax.amount.to_json())
                            .build());
    return lines;
}

nlohmann::json line_amounts_json(const std::vector<LineAmount>& amounts) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& amount : amounts)
        lines.push_back(JsonObject().add("variant_id", amount.line_id).add("amount", amount.amount.to_json()).build());
    return lines;
}

nlohmann::json discounts_json(const PricedCart& priced) {
    nlohmann::json discounts = nlohmann::json::array();
    for (const LaneOutcome* lane : {&priced.promotions.before_tax, &priced.promotions.after_tax})
        for (const auto& applied : lane->applied)
            discounts.push_back(JsonObject()
                                    .add("promotion_id", applied.promotion_id)
                                    .add("name", priced.promotion_names.at(applied.promotion_id))
                                    .add("code", nullable(applied.code))
                                    .add("lane", applied.lane == Lane::before_tax ? "before_tax" : "after_tax")
                                    .add("amount", applied.amount.to_json())
                                    .add("lines", line_amounts_json(applied.lines))
                                    .add("shipping", applied.shipping.to_json())
                                    .build());
    return discounts;
}

// Every coupon the cart holds and what became of it: applied, not applied (with the engine's reason), unknown.
nlohmann::json coupons_json(const PricedCart& priced) {
    const PromotionOutcome& outcome = priced.promotions;
    nlohmann::json coupons = nlohmann::json::array();
    for (const auto& code : priced.cart.coupon_codes) {
        std::string_view status = "unknown";
        const std::string* promotion_id = nullptr;
        const std::string* reason = nullptr;
        for (const LaneOutcome* lane : {&outcome.before_tax, &outcome.after_tax})
            for (const auto& applied : lane->applied)
                if (applied.code == code) {
                    status = "applied";
                    promotion_id = &applied.promotion_id;
                }
        for (const auto& missed : outcome.not_applied)
            if (missed.code == code) {
                status = "not_applied";
                promotion_id = &missed.promotion_id;
                reason = &missed.reason;
            }
        coupons.push_back(JsonObject()
                              .add("code", code)
                              .add("status", status)
                              .add("promotion_id", promotion_id ? nlohmann::json(*promotion_id) : nlohmann::json())
                              .add("reason", reason ? nlohmann::json(*reason) : nlohmann::json())
                              .build());
    }
    return coupons;
}

nlohmann::json not_applied_json(const PromotionOutcome& outcome) {
    nlohmann::json missed = nlohmann::json::array();
    for (const auto& entry : outcome.not_applied)
        missed.push_back(JsonObject()
                             .add("promotion_id", entry.promotion_id)
                             .add("code", nullable(entry.code))
                             .add("reason", entry.reason)
                             .build());
    return missed;
}

nlohmann::json address_json(const std::optional<CartAddress>& address) {
    if (!address) return nullptr;
    return JsonObject()
        .add("country", address->country)
        .add("region", nullable(address->region))
        .add("postal_code", nullable(address->postal_code))
        .build();
}

nlohmann::json shipping_json(const OfferedShipping& offered) {
    return JsonObject()
        .add("id", offered.id)
        .add("name", offered.name)
        .add("kind", offered.kind)
        .add("price", offered.price.to_json())
        .add("delivery_days", JsonObject().add("min", offered.min_days).add("max", offered.max_days).build())
        .add("location_id", nullable(offered.location_id))
        .build();
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

// The totals are members of the cart document and the whole of an order's "totals".
void add_totals(JsonObject& object, const PricedCart& priced) {
    const auto& taxes = priced.taxes;
    object.add("subtotal", priced.subtotal.to_json())
        .add("discounts", discounts_json(priced))
        .add("discount_total", priced.discount_total.to_json())
        .add("shipping_method", priced.shipping_method ? shipping_json(*priced.shipping_method) : nlohmann::json())
        .add("shipping_total", priced.shipping_total.to_json())
        .add("taxes", taxes ? tax_lines_json(taxes->total.taxes) : nlohmann::json::array())
        .add("tax_total", priced.tax_total.to_json())
        .add("prices_include_tax", taxes && taxes->prices_include_tax)
        .add("tax_zone", taxes ? nullable(taxes->zone_id) : nlohmann::json())
        .add("tax_estimated", priced.tax_estimated)
        .add("tax_exempt", priced.tax_exempt)
        .add("tax_exemption", priced.tax_exemption.to_json())
        .add("total", priced.total.to_json())
        .add("display", display_json(priced.display));
}

}  // namespace

nlohmann::json cart_totals_json(const PricedCart& priced) {
    JsonObject totals;
    add_totals(totals, priced);
    return totals.build();
}

nlohmann::json cart_totals_document(const PricedCart& priced) {
    return JsonObject()
        .add("type", "cart_totals")
        .add("schema_version", 1)
        .add("cart_id", priced.cart.id)
        .add("currency", priced.cart.currency->code)
        .add("item_count", unit_count(priced.cart))
        .add("totals", cart_totals_json(priced))
        .build();
}

nlohmann::json cart_document(const PricedCart& priced) {
    const Cart& cart = priced.cart;
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < priced.lines.size(); ++i) {
        const PricedLine& line = priced.lines[i];
        const LineTotals& totals = priced.line_totals[i];
        const CartItem& item = cart.items[i];  // priced lines follow the cart's items
        items.push_back(JsonObject()
                            .add("variant_id", line.variant->id)
                            .add("product_id", line.product->id)
                            .add("sku", line.variant->sku)
                            .add("title", line.product->title)
                            .add("options", line.variant->options)
                            .add("quantity", line.quantity)
                            .add("unit_price", line.unit_price.to_json())
                            .add("catalog_unit_price", line.catalog_unit_price.to_json())
                            .add("price_list_id", nullable(line.price_list_id))
                            .add("converted_from", conversion_json(line.conversion))
                            .add("line_total", line.line_total.to_json())
                            .add("discount_total", totals.discount.to_json())
                            .add("taxes", tax_lines_json(totals.taxes))
                            .add("tax_total", totals.tax.to_json())
                            .add("total", totals.total.to_json())
                            .add("note", nullable(item.note))
                            .add("attributes", item.attributes)
                            .build());
    }
    nlohmann::json shipping_methods = nlohmann::json::array();
    for (const auto& offered : priced.shipping_options) shipping_methods.push_back(shipping_json(offered));
    JsonObject document;
    document.add("type", "cart")
        .add("schema_version", 1)
        .add("id", cart.id)
        .add("user_id", nullable(cart.user_id))
        .add("currency", cart.currency->code)
        .add("status", cart.status)
        .add("channel", cart.channel)
        .add("shipping_address", address_json(cart.shipping_address))
        .add("items", std::move(items))
        .add("item_count", unit_count(priced.cart))
        .add("requires_shipping", priced.requires_shipping)
        .add("shipping_methods", std::move(shipping_methods))
        .add("coupons", coupons_json(priced))
        .add("promotions_not_applied", not_applied_json(priced.promotions))
        .add("created_at", format_rfc3339(cart.created_ms))
        .add("updated_at", format_rfc3339(cart.updated_ms));
    add_totals(document, priced);
    return document.build();
}

}  // namespace commerce::flows
