// Stock locations: warehouses, shops and kiosks, each with its own stock of every variant.
#pragma once

#include "core/ids.h"
#include "core/json_input.h"
#include "ports/storage.h"

#include <vector>

namespace commerce {

// {"code", "name", "kind"}: INVALID_ARGUMENT for a bad member, EXISTS (field "code") for a code in use.
Location create_location(Transaction& tx, IdGenerator& ids, int64_t now_ms, const json& input);

json location_document(const Location& location);
json location_list_document(const std::vector<Location>& locations);

}  // namespace commerce
