#include "adapters/storage/sqlite/repositories.h"

namespace commerce::sqlite {
namespace {

// A JSON null is stored as SQL NULL, anything else as its compact text.
std::optional<std::string> json_column(const nlohmann::json& value) {
    if (value.is_null()) return std::nullopt;
    return value.dump();
}

nlohmann::json json_value(const std::optional<std::string>& text) {
    return text ? nlohmann::json::parse(*text) : nlohmann::json();
}

}  // namespace

void SqliteAudit::insert(const AuditEntry& entry) {
    db_.query("INSERT INTO audit_log (id, actor_id, action, target_type, target_id, before_json, after_json, "
              "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, entry.id).bind(2, entry.actor_id).bind(3, entry.action).bind(4, entry.target_type)
        .bind(5, entry.target_id).bind(6, json_column(entry.before)).bind(7, json_column(entry.after))
        .bind(8, entry.created_ms).run();
}

std::vector<AuditEntry> SqliteAudit::page(const AuditQuery& query) {
    // Ids are UUIDv7, so id order is creation order and a cursor stays stable under inserts.
    auto rows = db_.query("SELECT id, actor_id, action, target_type, target_id, before_json, after_json, created_ms "
                          "FROM audit_log WHERE (?1 = '' OR id < ?1) AND (?2 = '' OR actor_id = ?2) "
                          "AND (?3 = '' OR target_id = ?3) AND (?4 = '' OR action = ?4) ORDER BY id DESC LIMIT ?5");
    rows.bind(1, query.before_id).bind(2, query.actor_id).bind(3, query.target_id).bind(4, query.action)
        .bind(5, query.limit);
    std::vector<AuditEntry> entries;
    while (rows.step())
        entries.push_back({.id = rows.text(0), .actor_id = rows.optional_text(1), .action = rows.text(2),
                           .target_type = rows.text(3), .target_id = rows.text(4),
                           .before = json_value(rows.optional_text(5)), .after = json_value(rows.optional_text(6)),
                           .created_ms = rows.integer(7)});
    return entries;
}

}  // namespace commerce::sqlite
