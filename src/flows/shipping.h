// The store's shipping methods (docs/shipping.md) as a stored setting: set and read by staff, loaded to offer
// methods to carts.
#pragma once

#include "domain/shipping/shipping_definitions.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace commerce::flows {

// The methods in force, or nullopt while the store defines none (then no cart is charged shipping).
std::optional<ShippingDefinitions> store_shipping_definitions(Transaction& tx);

// Replaces the methods ("settings.manage"); expected_version as for the tax definition. Each method's tax class
// must be one the tax definition knows (INVALID_ARGUMENT, field "methods[i].tax_class", reason
// "unknown_tax_class").
nlohmann::json set_shipping_definitions(Engine& engine, const char* session, const char* definition_json,
                                        int64_t expected_version);
nlohmann::json get_shipping_definitions(Engine& engine, const char* session);

}  // namespace commerce::flows
