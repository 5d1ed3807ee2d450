#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {

void SqliteLoginEvents::insert(const LoginEvent& event) {
    db_.query("INSERT INTO login_events (id, user_id, email, ip, user_agent, method, outcome, reason, created_ms) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, event.id).bind(2, event.user_id).bind(3, event.email).bind(4, event.ip).bind(5, event.user_agent)
        .bind(6, event.method).bind(7, event.outcome).bind(8, event.reason).bind(9, event.created_ms).run();
}

std::vector<LoginEvent> SqliteLoginEvents::for_user(std::string_view user_id) {
    auto rows = db_.query("SELECT id, user_id, email, ip, user_agent, method, outcome, reason, created_ms "
                          "FROM login_events WHERE user_id = ?1 ORDER BY created_ms, id");
    rows.bind(1, user_id);
    std::vector<LoginEvent> events;
    while (rows.step())
        events.push_back({.id = rows.text(0), .user_id = rows.optional_text(1), .email = rows.text(2),
                          .ip = rows.text(3), .user_agent = rows.text(4), .method = rows.text(5),
                          .outcome = rows.text(6), .reason = rows.optional_text(7), .created_ms = rows.integer(8)});
    return events;
}

std::vector<LoginDay> SqliteLoginEvents::per_day(int64_t from_ms, int64_t to_ms) {
    // Integer division: created_ms / 1000 is whole seconds, so the day is the UTC day of the millisecond.
    auto rows = db_.query("SELECT date(created_ms / 1000, 'unixepoch') AS day, "
                          "sum(outcome = 'success'), sum(outcome IN ('failure', 'locked')), "
                          "count(DISTINCT CASE WHEN outcome = 'success' THEN user_id END) "
                          "FROM login_events WHERE created_ms >= ?1 AND created_ms < ?2 GROUP BY day ORDER BY day");
    rows.bind(1, from_ms).bind(2, to_ms);
    std::vector<LoginDay> days;
    while (rows.step())
        days.push_back({.date = rows.text(0), .logins = rows.integer(1), .failures = rows.integer(2),
                        .unique_users = rows.integer(3)});
    return days;
}

int64_t SqliteLoginEvents::unique_users(int64_t from_ms, int64_t to_ms) {
    auto query = db_.query("SELECT count(DISTINCT user_id) FROM login_events "
                           "WHERE outcome = 'success' AND created_ms >= ?1 AND created_ms < ?2");
    query.bind(1, from_ms).bind(2, to_ms).step();
    return query.integer(0);
}

void SqliteLoginEvents::anonymise_for_user(std::string_view user_id) {
    db_.query("UPDATE login_events SET email = '', ip = '', user_agent = '' WHERE user_id = ?1").bind(1, user_id).run();
}

}  // namespace commerce::sqlite
