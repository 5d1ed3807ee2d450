// Resolving who calls, for the flows: a required session or an optional one (guests).
#pragma once

#include "domain/identity/accounts.h"
#include "engine/engine.h"

#include <optional>

namespace commerce::flows {

// The session's Actor; UNAUTHORIZED without a valid session.
inline Actor session_actor(Engine& engine, Transaction& tx, std::string_view session) {
    return authenticate(tx, engine.clock().now_ms(), session);
}

// No session (NULL or "") is a guest; a session given must be valid.
inline std::optional<Actor> optional_actor(Engine& engine, Transaction& tx, std::string_view session) {
    if (session.empty()) return std::nullopt;
    return session_actor(engine, tx, session);
}

}  // namespace commerce::flows
