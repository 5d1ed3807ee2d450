// The schema, as a list of forward-only migrations numbered from 1. PRAGMA user_version records how far a
// file has come; each migration runs in the same transaction as the bump of that number.
#pragma once

#include "adapters/storage/sqlite/connection.h"

namespace commerce::sqlite {

// The schema version this library writes.
int latest_schema_version();

// Brings the file up to target_version (by default the latest). VERSION error when the file is newer than
// this library. Tests stop at an older version to check that files in the field upgrade.
void migrate(Connection& connection, int target_version = latest_schema_version());

}  // namespace commerce::sqlite
