// Use cases of licence keys (include/commerce/catalog.h). Checkout hands keys out through
// domain/licence/licence_keys.h (hand_out_licence_keys) inside the order's own transaction.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json import_licence_keys(Engine& engine, const char* session, const char* variant_id, const char* keys_json);
nlohmann::json licence_pool(Engine& engine, const char* session, const char* variant_id);

}  // namespace commerce::flows
