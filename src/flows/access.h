// Resolving who calls, for the flows: a required session or an optional one (guests).
#pragma once

#include "core/text.h"
#include "domain/identity/accounts.h"
#include "engine/engine.h"

#include <optional>
#include <string_view>

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

// The shape of every administrative change: body(tx, actor) in one write transaction, as the session's user, who
// must hold `permission`. UNAUTHORIZED without a live session, FORBIDDEN without the permission; nothing is written.
template <typename Body>
void write_as(Engine& engine, const char* session, std::string_view permission, Body&& body) {
    const std::string_view token = optional_text(session, "session");
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        actor.require(permission);
        body(tx, actor);
    });
}

// The same for an administrative read: body(tx) in one read transaction.
template <typename Body>
void read_as(Engine& engine, const char* session, std::string_view permission, Body&& body) {
    const std::string_view token = optional_text(session, "session");
    engine.read([&](Transaction& tx) {
        session_actor(engine, tx, token).require(permission);
        body(tx);
    });
}

}  // namespace commerce::flows
