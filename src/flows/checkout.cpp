#include "flows/checkout.h"

#include "core/crypto.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/cart/cart_items.h"
#include "domain/identity/accounts.h"
#include "domain/inventory/sales.h"
#include "domain/licence/licence_keys.h"
#include "domain/order/document.h"
#include "domain/order/lifecycle.h"
#include "domain/order/manual_payment.h"
#include "flows/access.h"
#include "flows/checkout_terms.h"
#include "flows/identity_support.h"
#include "flows/order_support.h"
#include "flows/priced_cart.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce::flows {
namespace {

// Every line must still be on sale: a product archived or unpublished since it was added is not sold.
void check_on_sale(const PricedCart& priced, int64_t now_ms) {
    for (const auto& line : priced.lines)
        if (!line.product->visible_at(now_ms))
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, fmt::format("'{}' is no longer on sale", line.product->title),
                        {{"reason", "not_on_sale"}, {"variant_id", line.variant->id}});
}

// Takes each line's variant from the default location, consuming the cart's own reservations; every short line
// is reported at once (OUT_OF_STOCK) so the shopper can fix the cart in one go.
void take_stock(Engine& engine, Transaction& tx, const PricedCart& priced, const Order& order,
                const std::optional<Actor>& actor) {
    Sale sale{.location_id = std::string(kDefaultLocation), .order_id = order.id, .cart_id = priced.cart.id,
              .actor_id = actor ? std::optional(actor->user_id) : std::nullopt, .lines = {}};
    for (const auto& line : priced.lines) sale.lines.push_back({line.variant->id, line.quantity});
    sell(engine.outbox(tx), sale);
}

// Each unit of a digital variant with a licence-key pool takes one key (OUT_OF_STOCK when the pool runs dry).
void hand_out_keys(Engine& engine, Transaction& tx, const PricedCart& priced, const Order& order) {
    for (std::size_t line = 0; line < priced.lines.size(); ++line)
        if (priced.lines[line].product->kind == kDigital)
            hand_out_licence_keys(tx, engine.keys().seal, priced.lines[line].variant->id, order.id,
                                  static_cast<int64_t>(line), priced.lines[line].quantity, order.created_ms);
}

// The order belongs to the cart's owner, also when staff place it for them.
std::string order_email(Transaction& tx, const Cart& cart, const json& request) {
    if (cart.user_id) return existing_user(tx, *cart.user_id).email;
    auto email = optional_string(request, "email", kMaxShortText);
    if (!email) throw_invalid("email", "a guest checkout needs an email");
    return normalize_email(*email);
}

// Every coupon the shopper entered must still apply when the order is placed: the cart showed its discount. A
// code that has since run out (another cart took the last use), expired or stopped matching is
// COUPON_NOT_APPLICABLE with the engine's reason, and nothing is written.
void check_coupons_still_apply(const PricedCart& priced) {
    const PromotionOutcome& outcome = priced.promotions;
    for (const auto& missed : outcome.not_applied)
        if (missed.code)
            throw Error(COMMERCE_ERR_COUPON_NOT_APPLICABLE,
                        fmt::format("coupon {} no longer applies: {}", *missed.code, missed.reason),
                        {{"code", *missed.code}, {"reason", missed.reason}, {"promotion_id", missed.promotion_id}});
    if (!outcome.unknown_codes.empty())
        throw Error(COMMERCE_ERR_COUPON_NOT_APPLICABLE,
                    fmt::format("coupon {} no longer exists", outcome.unknown_codes.front()),
                    {{"code", outcome.unknown_codes.front()}, {"reason", "unknown_code"}});
}

// Goods that travel need a way to travel: when the store defines shipping methods, a web cart with physical goods
// must have chosen one it is offered. At a till (any other channel) the goods leave over the counter.
void check_shipping_chosen(const PricedCart& priced) {
    if (!priced.requires_shipping || !priced.store_ships) return;
    if (priced.cart.channel != kChannelWeb || priced.shipping_method) return;
    throw Error(COMMERCE_ERR_ILLEGAL_STATE, "choose a shipping method the cart is offered",
                {{"reason", "shipping_method_required"}, {"cart_id", priced.cart.id}});
}

// Counts each applied promotion against the order, in the order's own transaction: usage limits are judged on
// counts no concurrent checkout can change before this one commits (writes are serialized).
void redeem_promotions(Transaction& tx, const PricedCart& priced, const Order& order) {
    for (const LaneOutcome* lane : {&priced.promotions.before_tax, &priced.promotions.after_tax})
        for (const auto& applied : lane->applied)
            tx.promotions().insert_redemption({order.id, applied.promotion_id, applied.code, order.user_id,
                                               applied.amount, order.created_ms});
}

// What the order charged for shipping: the total beyond its lines (the method's price less its discounts, with its
// tax), so that the lines and the shipping add up to the total by construction.
void snapshot_shipping(const PricedCart& priced, Order& order) {
    Money lines = Money::zero(*order.currency);
    for (const auto& line : order.lines) lines = lines + line.total;
    order.shipping = order.total - lines;
    order.shipping_tax = Money::zero(*order.currency);
    if (priced.taxes && priced.taxes->shipping)
        for (const auto& tax : priced.taxes->shipping->taxes) order.shipping_tax = order.shipping_tax + tax.amount;
}

Order build_order(Engine& engine, Transaction& tx, const PricedCart& priced, const json& request,
                  const std::optional<Actor>& actor) {
    const int64_t now = engine.clock().now_ms();
    if (!request.contains("payment")) throw_invalid("payment", "payment is required");
    const std::optional<std::string> actor_id = actor ? std::optional(actor->user_id) : std::nullopt;
    const Currency& currency = *priced.cart.currency;
    const ManualPaymentTerms terms{.payment_id = engine.ids().next(), .transaction_id = engine.ids().next(),
                                   .total = priced.total, .staff = actor && actor->can(permission::orders_manage),
                                   .actor_id = actor_id, .now_ms = now};
    Order order{.id = engine.ids().next(),
                .number = {},
                .user_id = priced.cart.user_id,
                .email = order_email(tx, priced.cart, request),
                .cart_id = priced.cart.id,
                .currency = &currency,
                .status = {},
                .payment_status = {},
                .fulfillment_status = std::string(fulfillment_status::not_fulfilled),
                .lines = {},
                .subtotal = priced.subtotal,
                .shipping = Money::zero(currency),
                .shipping_tax = Money::zero(currency),
                .total = priced.total,
                .payment = manual_payment(request.at("payment"), terms),
                .created_ms = now,
                .updated_ms = now,
                .expires_ms = std::nullopt,
                .totals = cart_totals_json(priced),
                .timeline = {},
                .refunds = {},
                .shipments = {},
                .returns = {},
                .shipping_address = std::nullopt,
                .billing_address = std::nullopt};
    order.payment_status = order.payment.status;
    order.status = std::string(order.payment.status == payment_status::captured ? order_status::paid
                                                                                 : order_status::pending_payment);
    if (awaits_prompt_payment(order.payment)) order.expires_ms = now + engine.orders_settings().unpaid_expire_after_ms;
    for (std::size_t i = 0; i < priced.lines.size(); ++i) {
        const PricedLine& line = priced.lines[i];
        const LineTotals& totals = priced.line_totals[i];
        const CartItem& item = priced.cart.items[i];  // priced lines follow the cart's items
        order.lines.push_back({line.product->id, line.variant->id, line.variant->sku, line.product->title,
                               line.variant->options, line.quantity, line.unit_price, line.line_total, totals.discount,
                               totals.tax, totals.total, item.note, item.attributes, 0,
                               line.product->kind == kDigital});
    }
    snapshot_shipping(priced, order);
    order.timeline.push_back({"placed", std::nullopt, order.status, actor_id, std::nullopt, now, std::nullopt});
    const int year = year_of(now);
    order.number = fmt::format("{}-{:06}", year, tx.orders().next_number(year));
    return order;
}

}  // namespace

nlohmann::json place_order(Engine& engine, const char* session, const char* cart_id, const char* request_json) {
    const std::string_view token = optional_text(session, "session");
    const std::string_view id = checked_text(cart_id, "cart_id");
    const json request = parse_object(request_json, "request");
    reject_unknown_members(request, "a checkout request",
                           {"payment", "email", "idempotency_key", "shipping_address", "billing_address", "expected"});
    const auto idempotency_key = optional_string(request, "idempotency_key", kMaxShortText);
    // The fingerprint of the request: a key reused with another cart or other terms is a conflict.
    const std::string request_hash = sha256_hex(std::string(id) + '\n' + request.dump());

    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const auto actor = optional_actor(engine, tx, token);
        if (actor && !actor->email_verified && engine.identity().unverified_users == UnverifiedUsers::no_checkout)
            throw Error(COMMERCE_ERR_FORBIDDEN, "the email address must be verified before placing an order",
                        {{"reason", "email_unverified"}});
        // A guest's keys are scoped by the cart, which is the guest's only credential: one guest's key never
        // meets another's.
        const std::string scope = actor ? actor->user_id : "guest:" + std::string(id);
        if (const auto earlier = replayed_order(tx, scope, idempotency_key, request_hash)) {
            document = order_with_keys(engine, tx, existing_order(tx, *earlier));
            return;
        }
        Cart cart = accessible_cart(tx, id, actor);
        require_open(cart);
        if (cart.items.empty())
            throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the cart is empty", {{"cart_id", cart.id}, {"status", cart.status}});
        const PricedCart priced = price_cart(tx, cart, engine.now_ms());
        check_on_sale(priced, engine.now_ms());
        check_coupons_still_apply(priced);
        check_shipping_chosen(priced);
        require_expected_totals(request, priced);
        const CheckoutAddresses addresses = checkout_addresses(tx, request, priced, actor);

        Order order = build_order(engine, tx, priced, request, actor);
        order.shipping_address = addresses.shipping;
        order.billing_address = addresses.billing;
        take_stock(engine, tx, priced, order, actor);
        hand_out_keys(engine, tx, priced, order);
        for (const auto& line : priced.lines) tx.products().add_units_sold(line.product->id, line.quantity);
        tx.orders().insert(order);
        redeem_promotions(tx, priced, order);
        emit_order_event(engine, tx, "order.placed", order);
        cart.status = std::string(kCartCompleted);
        cart.updated_ms = order.created_ms;
        tx.carts().save(cart);
        if (idempotency_key)
            tx.idempotency().insert({scope, *idempotency_key, request_hash, order.id, order.created_ms});
        document = order_with_keys(engine, tx, order);
    });
    return document;
}

}  // namespace commerce::flows
