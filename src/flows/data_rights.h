// Data subject rights: export everything held about a user, and erase a user while keeping the records that
// accounting must keep.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json export_user(Engine& engine, const char* session, const char* user_id);
void erase_user(Engine& engine, const char* session, const char* user_id);

}  // namespace commerce::flows
