// Use cases of carts. Each returns the whole priced "cart" document.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// Adds quantity of what item_id names to the open cart, if shoppers may buy it now in the cart's currency, within
// the store's quantity limit. The caller saves the cart.
void add_sellable(Engine& engine, Transaction& tx, Cart& cart, std::string_view item_id, int64_t quantity);

nlohmann::json create_cart(Engine& engine, const char* session, const char* currency_code);
nlohmann::json get_cart(Engine& engine, const char* session, const char* cart_id);
// The cart repriced as get_cart does, with only the parts of its total: what a till or a cart badge shows.
nlohmann::json get_cart_totals(Engine& engine, const char* session, const char* cart_id);
// The signed-in user's most recently changed open cart in a currency: how a user on another device, or after
// logging in again, finds the cart they left. NOT_FOUND (field "currency") when they have none.
nlohmann::json find_open_cart(Engine& engine, const char* session, const char* currency_code);
nlohmann::json add_item(Engine& engine, const char* session, const char* cart_id, const char* item_id, int64_t quantity);
nlohmann::json update_item(Engine& engine, const char* session, const char* cart_id, const char* item_id,
                           int64_t quantity);
nlohmann::json remove_item(Engine& engine, const char* session, const char* cart_id, const char* item_id);
nlohmann::json set_item_details(Engine& engine, const char* session, const char* cart_id, const char* item_id,
                                const char* details_json);
nlohmann::json apply_coupon(Engine& engine, const char* session, const char* cart_id, const char* code);
nlohmann::json remove_coupon(Engine& engine, const char* session, const char* cart_id, const char* code);
nlohmann::json update_cart(Engine& engine, const char* session, const char* cart_id, const char* changes_json);

}  // namespace commerce::flows
