// Staff managing price lists (docs/price-lists.md): sales and overrides by customer group, channel, date window
// and quantity. Every call needs "promotions.write" and returns a document.
#pragma once

#include "domain/pricing/price_list.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json create_price_list(Engine& engine, const char* session, const char* definition_json);
// Replaces the whole definition, prices included; its "id", when given, must be the list's. CONFLICT when the
// stored version is not expected_version.
nlohmann::json update_price_list(Engine& engine, const char* session, const char* price_list_id,
                                 const char* definition_json, int64_t expected_version);
// "active" or "archived": an archived list prices no cart.
nlohmann::json set_price_list_status(Engine& engine, const char* session, const char* price_list_id,
                                     const char* status);
nlohmann::json get_price_list(Engine& engine, const char* session, const char* price_list_id);
// {"status", "limit", "after"}: the lists without their prices (each with its "price_count").
nlohmann::json list_price_lists(Engine& engine, const char* session, const char* query_json);

// The active lists whose conditions hold for the context, with their prices for these variants in the currency.
std::vector<PriceList> applicable_price_lists(Transaction& tx, const PriceContext& context,
                                              const std::vector<std::string>& variant_ids, const Currency& currency);

}  // namespace commerce::flows
