#include "domain/audit/audit.h"

#include "core/json_output.h"
#include "core/timestamp.h"

namespace commerce {

nlohmann::json audit_entry_json(const AuditEntry& entry) {
    return {{"id", entry.id},
            {"actor_id", nullable(entry.actor_id)},
            {"action", entry.action},
            {"target_type", entry.target_type},
            {"target_id", entry.target_id},
            {"before", entry.before},
            {"after", entry.after},
            {"created_at", format_rfc3339(entry.created_ms)}};
}

}  // namespace commerce
