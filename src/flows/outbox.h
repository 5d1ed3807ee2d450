// Use cases of the outbox, for the host process that delivers events.
#pragma once

#include "engine/engine.h"

#include <nlohmann/json.hpp>

namespace commerce::flows {

nlohmann::json fetch_events(Engine& engine, const char* query_json);
void acknowledge_event(Engine& engine, const char* event_id);
void fail_event(Engine& engine, const char* event_id, const char* error);

}  // namespace commerce::flows
