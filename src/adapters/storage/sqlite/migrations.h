// The schema, as a list of forward-only migrations numbered from 1. PRAGMA user_version records how far a
// file has come; each migration runs in the same transaction as the bump of that number.
#pragma once

#include "adapters/storage/sqlite/connection.h"

namespace commerce::sqlite {

// The schema version this library writes.
int latest_schema_version();

// Brings the file up to latest_schema_version(). VERSION error when the file is newer than this library.
void migrate(Connection& connection);

}  // namespace commerce::sqlite
