#include "flows/wishlist_events.h"

#include "domain/inventory/queries.h"
#include "flows/identity_support.h"

namespace commerce::flows {
namespace {

// Sends the event to each owner of a list that holds the variant: once per owner, however many of their lists
// hold it. "wishlist_id" is the owner's oldest such list, "wishlist_ids" all of them.
void announce_to_holders(Engine& engine, Transaction& tx, std::string_view topic, std::string_view variant_id,
                         const nlohmann::json& payload) {
    const auto holders = tx.wishlists().holders(variant_id);  // by owner, then list id
    for (std::size_t first = 0; first < holders.size();) {
        std::size_t end = first;
        nlohmann::json lists = nlohmann::json::array();
        for (; end < holders.size() && holders[end].user_id == holders[first].user_id; ++end)
            lists.push_back(holders[end].wishlist_id);
        nlohmann::json event = payload;
        event["wishlist_id"] = lists.front();
        event["wishlist_ids"] = std::move(lists);
        emit_user_event(engine, tx, topic, existing_user(tx, holders[first].user_id), std::move(event));
        first = end;
    }
}

nlohmann::json variant_facts(const Product& product, const Variant& variant) {
    return {{"product_id", product.id}, {"variant_id", variant.id}, {"sku", variant.sku}, {"title", product.title}};
}

}  // namespace

void announce_price_drops(Engine& engine, Transaction& tx, const Product& before, const Product& after) {
    if (!after.visible_at(engine.now_ms())) return;
    for (const auto& variant : after.variants) {
        const Variant* old = before.variant(variant.id);
        if (!old) continue;  // a new variant sits on no list yet
        for (const auto& price : variant.prices) {
            const auto old_price = old->price_in(price.currency());
            if (!old_price || !(price < *old_price)) continue;
            nlohmann::json payload = variant_facts(after, variant);
            payload["old_price"] = old_price->to_json();
            payload["new_price"] = price.to_json();
            announce_to_holders(engine, tx, "wishlist.price_drop", variant.id, payload);
        }
    }
}

std::vector<std::string> wishlisted_out_of_stock(Engine& engine, Transaction& tx,
                                                 const std::vector<std::string>& variant_ids) {
    std::vector<std::string> out;
    for (const auto& id : variant_ids) {
        const auto variant = tx.stock_ledger().variant(id);
        if (!variant || tx.wishlists().holders(id).empty()) continue;
        if (!in_stock(tx.stock_ledger(), id, variant->tracked, engine.now_ms())) out.push_back(id);
    }
    return out;
}

void announce_restocks(Engine& engine, Transaction& tx, const std::vector<std::string>& were_out_of_stock) {
    for (const auto& id : were_out_of_stock) {
        const auto variant = tx.stock_ledger().variant(id);
        if (!variant || !in_stock(tx.stock_ledger(), id, variant->tracked, engine.now_ms())) continue;
        const Product product = *tx.products().by_id(variant->product_id);
        if (!product.visible_at(engine.now_ms())) continue;
        announce_to_holders(engine, tx, "wishlist.back_in_stock", id, variant_facts(product, *product.variant(id)));
    }
}

}  // namespace commerce::flows
