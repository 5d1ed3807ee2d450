// The engine's configuration, read from the JSON given to commerce_engine_open.
#pragma once

#include "adapters/storage/sqlite/options.h"
#include "domain/cart/settings.h"
#include "domain/catalog/settings.h"
#include "domain/identity/settings.h"
#include "domain/order/settings.h"

#include <optional>
#include <string>

namespace commerce {

struct EngineConfig {
    sqlite::Options storage;
    IdentitySettings identity;
    CatalogSettings catalog;
    CartSettings carts;
    OrderSettings orders;
    std::string secret_key;                 // "" = use the key generated and kept in the store
    bool manual_clock = false;
    std::optional<int64_t> clock_start_ms;  // manual clock only

    // INVALID_ARGUMENT naming the member for anything malformed, unknown or out of range.
    static EngineConfig parse(const char* config_json);
};

}  // namespace commerce
