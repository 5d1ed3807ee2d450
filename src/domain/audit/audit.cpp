#include "domain/audit/audit.h"

#include "core/timestamp.h"

namespace commerce {

nlohmann::json audit_entry_json(const AuditEntry& entry) {
    return {{"id", entry.id},
            {"actor_id", entry.actor_id ? nlohmann::json(*entry.actor_id) : nlohmann::json(nullptr)},
            {"action", entry.action},
            {"target_type", entry.target_type},
            {"target_id", entry.target_id},
            {"before", entry.before},
            {"after", entry.after},
            {"created_at", format_rfc3339(entry.created_ms)}};
}

}  // namespace commerce
