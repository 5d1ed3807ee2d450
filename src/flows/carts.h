// Use cases of carts. Each returns the whole priced "cart" document.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json create_cart(Engine& engine, const char* session, const char* currency_code);
nlohmann::json get_cart(Engine& engine, const char* session, const char* cart_id);
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
