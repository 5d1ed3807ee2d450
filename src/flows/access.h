// Resolving who calls, for the flows: a required session or an optional one (guests).
#pragma once

#include "domain/identity/accounts.h"
#include "engine/engine.h"

#include <optional>

namespace commerce::flows {

// The session's Actor; UNAUTHORIZED without a live session. A use noticed after the touch interval is
// remembered and written with the next transaction, which keeps the idle timeout honest.
inline Actor session_actor(Engine& engine, Transaction& tx, std::string_view session) {
    const int64_t now = engine.now_ms();
    Actor actor = authenticate(tx, now, engine.identity(), session);
    if (now - actor.session_last_used_ms >= session_touch_interval_ms(engine.identity()))
        engine.note_session_use(actor.session_hash, now);
    return actor;
}

// No session (NULL or "") is a guest; a session given must be valid.
inline std::optional<Actor> optional_actor(Engine& engine, Transaction& tx, std::string_view session) {
    if (session.empty()) return std::nullopt;
    return session_actor(engine, tx, session);
}

}  // namespace commerce::flows
