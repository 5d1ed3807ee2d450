#include "flows/cart_lifecycle.h"

#include "core/crypto.h"
#include "core/encoding.h"
#include "core/error.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/cart/cart_items.h"
#include "domain/cart/cart_merge.h"
#include "domain/outbox/outbox.h"
#include "flows/access.h"
#include "flows/identity_support.h"
#include "flows/priced_cart.h"

#include <fmt/format.h>

namespace commerce::flows {
namespace {

constexpr int64_t kMaxSweep = 10'000;

Cart open_guest_cart(Transaction& tx, std::string_view id) {
    auto cart = tx.carts().by_id(id);
    if (!cart) throw_not_found("cart_id", std::string(id), fmt::format("no cart with id '{}'", id));
    if (cart->user_id || cart->status != kCartOpen)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, "only an open guest cart can be merged",
                    {{"cart_id", cart->id}, {"status", cart->status}, {"reason", "not_an_open_guest_cart"}});
    return *cart;
}

// The event tells the host whom to remind and with what; the token travels sealed.
void report_abandoned(Engine& engine, Transaction& tx, const Cart& cart) {
    const std::string token = base64url_encode(random_bytes(32));
    tx.carts().mark_abandoned(cart.id, engine.now_ms(), sha256_hex(token));
    nlohmann::json payload = {{"cart_id", cart.id},
                              {"user_id", cart.user_id ? nlohmann::json(*cart.user_id) : nlohmann::json(nullptr)},
                              {"email", nullptr},
                              {"item_count", unit_count(cart)},
                              {"total", nullptr},
                              {"last_activity_at", format_rfc3339(cart.updated_ms)}};
    // A line that can no longer be priced (its variant lost the cart's currency) must not stop the reminder.
    try {
        payload["total"] = price_cart(tx, cart, engine.now_ms()).total.to_json();
    } catch (const Error&) {
    }
    if (cart.user_id) payload["email"] = existing_user(tx, *cart.user_id).email;
    emit_event(engine.outbox(tx), "cart.abandoned", cart.id, payload, {{"recovery_token", token}});
}

}  // namespace

nlohmann::json merge_cart(Engine& engine, const char* session, const char* guest_cart_id) {
    const std::string_view token = checked_text(session, "session");
    const std::string_view id = checked_text(guest_cart_id, "cart_id");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        Cart guest = open_guest_cart(tx, id);
        auto mine = tx.carts().latest_open_for_user(actor.user_id, guest.currency->code, guest.id);
        const int64_t now = engine.now_ms();
        if (!mine) {
            guest.user_id = actor.user_id;  // the shopper's first cart in this currency: it becomes theirs
            guest.updated_ms = now;
            tx.carts().save(guest);
            document = cart_document(price_cart(tx, std::move(guest), now));
            return;
        }
        merge_guest_cart(*mine, guest, engine.carts().merge_policy, engine.carts().max_line_quantity);
        mine->updated_ms = now;
        tx.carts().save(*mine);
        guest.status = std::string(kCartMerged);
        guest.updated_ms = now;
        tx.carts().save(guest);
        document = cart_document(price_cart(tx, std::move(*mine), now));
    });
    return document;
}

nlohmann::json sweep_carts(Engine& engine, int64_t limit) {
    if (limit < 1 || limit > kMaxSweep)
        throw_invalid("limit", "out_of_range", fmt::format("limit must be between 1 and {}", kMaxSweep));
    int64_t abandoned = 0, deleted = 0;
    engine.write([&](Transaction& tx) {
        const int64_t now = engine.now_ms();
        for (const auto& id : tx.carts().newly_abandoned(now - engine.carts().abandon_after_ms, limit)) {
            report_abandoned(engine, tx, *tx.carts().by_id(id));
            ++abandoned;
        }
        deleted = tx.carts().delete_idle(now - engine.carts().expire_after_ms, limit);
    });
    return {{"type", "cart_sweep"}, {"schema_version", 1}, {"abandoned", abandoned}, {"deleted", deleted}};
}

nlohmann::json recover_cart(Engine& engine, const char* token) {
    const std::string_view text = checked_text(token, "token");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        auto cart = tx.carts().by_recovery_token(sha256_hex(text));
        if (!cart || cart->status != kCartOpen)
            throw Error(COMMERCE_ERR_NOT_FOUND, "this recovery link is no longer valid", {{"field", "token"}});
        document = cart_document(price_cart(tx, std::move(*cart), engine.now_ms()));
    });
    return document;
}

}  // namespace commerce::flows
