// The engine's configuration, read from the JSON given to commerce_engine_open.
#pragma once

#include "adapters/storage/sqlite/sqlite_storage.h"
#include "domain/identity/accounts.h"

namespace commerce {

struct EngineConfig {
    sqlite::Options storage;
    AccountSettings accounts;

    // INVALID_ARGUMENT naming the member for anything malformed, unknown or out of range.
    static EngineConfig parse(const char* config_json);
};

}  // namespace commerce
