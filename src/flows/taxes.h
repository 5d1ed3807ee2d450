// The store's tax definition (docs/taxes.md) as a stored setting: set and read by staff, loaded to price carts,
// and the rule that every product's tax class is one the definition knows.
#pragma once

#include "domain/tax/tax_definitions.h"
#include "engine/engine.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace commerce::flows {

// The definition in force, or nullopt while the store has none (then nothing is taxed).
std::optional<TaxDefinitions> store_tax_definitions(Transaction& tx);

// INVALID_ARGUMENT (field "tax_class", reason "unknown_tax_class") unless the store's definition, or the
// built-in classes while there is none, has this class.
void require_known_tax_class(Transaction& tx, std::string_view tax_class);

// Replaces the definition ("settings.manage"). expected_version is the version read before (0 for the first
// definition); another value than the stored one is CONFLICT. A class still used by a product cannot be dropped
// (INVALID_ARGUMENT, field "tax_classes", reason "in_use").
nlohmann::json set_tax_definitions(Engine& engine, const char* session, const char* definition_json,
                                   int64_t expected_version);
nlohmann::json get_tax_definitions(Engine& engine, const char* session);

}  // namespace commerce::flows
