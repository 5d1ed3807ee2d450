// Search and discovery (include/commerce/search.h).
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

// Needs no session: shoppers search anonymously and only see published products.
nlohmann::json search(Engine& engine, const char* query_json);

}  // namespace commerce::flows
