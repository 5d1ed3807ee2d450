// The events wishlists send their owners through the outbox: "wishlist.price_drop" when a variant on a list gets
// cheaper in a currency, "wishlist.back_in_stock" when it comes back into stock. They live in the flows because
// they join the catalog, the inventory, wishlists and identity. Only a product on sale is announced: a mail about
// something the shopper cannot buy is noise.
#pragma once

#include "domain/catalog/product.h"
#include "engine/engine.h"

#include <string>
#include <vector>

namespace commerce::flows {

// One "wishlist.price_drop" per owner, variant and currency whose price is lower in `after` than in `before`.
void announce_price_drops(Engine& engine, Transaction& tx, const Product& before, const Product& after);

// The variants among variant_ids that sit on some wishlist and are out of stock now.
std::vector<std::string> wishlisted_out_of_stock(Engine& engine, Transaction& tx,
                                                 const std::vector<std::string>& variant_ids);

// One "wishlist.back_in_stock" per owner of each variant (noted out of stock before a change) that is in stock now.
void announce_restocks(Engine& engine, Transaction& tx, const std::vector<std::string>& were_out_of_stock);

// Runs a change of stock between the two halves above: a crossing from out of stock to in stock is seen once,
// by the write that makes it. Every flow that can add available stock (movements, released reservations,
// licence-key imports; a restocking refund when there is one) runs its change through this; sales and new holds
// only take stock away and need not.
template <typename Change>
void watching_restocks(Engine& engine, Transaction& tx, const std::vector<std::string>& variant_ids, Change&& change) {
    const std::vector<std::string> out = wishlisted_out_of_stock(engine, tx, variant_ids);
    change();
    announce_restocks(engine, tx, out);
}

}  // namespace commerce::flows
