#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {
namespace {

// row columns: id, topic, subject_id, payload, sealed_secrets, created_ms, available_ms, attempts, last_error,
// delivered_ms, dead_ms
OutboxEvent event_row(Query& row) {
    return OutboxEvent{.id = row.text(0), .topic = row.text(1), .subject_id = row.text(2), .payload = row.text(3),
                       .sealed_secrets = row.blob(4), .created_ms = row.integer(5), .available_ms = row.integer(6),
                       .attempts = row.integer(7), .last_error = row.optional_text(8),
                       .delivered_ms = row.optional_integer(9), .dead_ms = row.optional_integer(10)};
}

// No secrets is NULL, not an empty blob.
void bind_sealed(Query& query, int index, const std::string& sealed) {
    if (sealed.empty())
        query.bind(index, std::nullopt);
    else
        query.bind_blob(index, sealed);
}

}  // namespace

void SqliteOutbox::insert(const OutboxEvent& event) {
    auto query = db_.query("INSERT INTO outbox (id, topic, subject_id, payload, sealed_secrets, created_ms, "
                           "available_ms, attempts, last_error, delivered_ms, dead_ms) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    query.bind(1, event.id).bind(2, event.topic).bind(3, event.subject_id).bind(4, event.payload);
    bind_sealed(query, 5, event.sealed_secrets);
    query.bind(6, event.created_ms).bind(7, event.available_ms).bind(8, event.attempts).bind(9, event.last_error)
        .bind(10, event.delivered_ms).bind(11, event.dead_ms).run();
}

std::vector<OutboxEvent> SqliteOutbox::due(int64_t now_ms, const std::vector<std::string>& topic_prefixes,
                                           int64_t limit) {
    // The prefixes travel as one JSON array parameter, so the SQL stays a single cached literal. substr/length
    // compare literally, with no wildcard characters to escape.
    auto rows = db_.query("SELECT id, topic, subject_id, payload, sealed_secrets, created_ms, available_ms, attempts, "
                          "last_error, delivered_ms, dead_ms FROM outbox "
                          "WHERE delivered_ms IS NULL AND dead_ms IS NULL AND available_ms <= ?1 "
                          "AND (json_array_length(?2) = 0 OR EXISTS (SELECT 1 FROM json_each(?2) AS prefix "
                          "WHERE substr(outbox.topic, 1, length(prefix.value)) = prefix.value)) "
                          "ORDER BY created_ms, id LIMIT ?3");
    rows.bind(1, now_ms).bind(2, nlohmann::json(topic_prefixes).dump()).bind(3, limit);
    std::vector<OutboxEvent> events;
    while (rows.step()) events.push_back(event_row(rows));
    return events;
}

std::optional<OutboxEvent> SqliteOutbox::by_id(std::string_view id) {
    auto row = db_.query("SELECT id, topic, subject_id, payload, sealed_secrets, created_ms, available_ms, attempts, "
                         "last_error, delivered_ms, dead_ms FROM outbox WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) return std::nullopt;
    return event_row(row);
}

void SqliteOutbox::save_delivery_state(const OutboxEvent& event) {
    auto query = db_.query("UPDATE outbox SET available_ms = ?2, attempts = ?3, last_error = ?4, delivered_ms = ?5, "
                           "dead_ms = ?6, sealed_secrets = ?7 WHERE id = ?1");
    query.bind(1, event.id).bind(2, event.available_ms).bind(3, event.attempts).bind(4, event.last_error)
        .bind(5, event.delivered_ms).bind(6, event.dead_ms);
    bind_sealed(query, 7, event.sealed_secrets);
    query.run();
}

void SqliteOutbox::remove_for_subject(std::string_view subject_id) {
    db_.query("DELETE FROM outbox WHERE subject_id = ?1").bind(1, subject_id).run();
}

}  // namespace commerce::sqlite
