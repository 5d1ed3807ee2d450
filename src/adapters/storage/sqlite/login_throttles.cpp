#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

std::optional<LoginThrottle> SqliteLoginThrottles::find(std::string_view user_id) {
    auto row = db_.query("SELECT user_id, failures, last_failure_ms, locked_until_ms FROM login_throttles "
                         "WHERE user_id = ?1");
    row.bind(1, user_id);
    if (!row.step()) return std::nullopt;
    return LoginThrottle{.user_id = row.text(0), .failures = row.integer(1), .last_failure_ms = row.integer(2),
                         .locked_until_ms = row.integer(3)};
}

void SqliteLoginThrottles::save(const LoginThrottle& throttle) {
    db_.query("INSERT INTO login_throttles (user_id, failures, last_failure_ms, locked_until_ms) "
              "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures, "
              "last_failure_ms = excluded.last_failure_ms, locked_until_ms = excluded.locked_until_ms")
        .bind(1, throttle.user_id).bind(2, throttle.failures).bind(3, throttle.last_failure_ms)
        .bind(4, throttle.locked_until_ms).run();
}

void SqliteLoginThrottles::clear(std::string_view user_id) {
    db_.query("DELETE FROM login_throttles WHERE user_id = ?1").bind(1, user_id).run();
}

}  // namespace commerce::sqlite
