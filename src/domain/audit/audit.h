// The audit log: who did what to which record, when, with the record before and after.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace commerce {

struct AuditEntry {
    std::string id;
    std::optional<std::string> actor_id;  // null for the engine itself
    std::string action;                   // "user.suspend", "role.define", ...
    std::string target_type;
    std::string target_id;
    nlohmann::json before;  // null when the record did not exist
    nlohmann::json after;   // null when the record was deleted
    int64_t created_ms = 0;
};

struct AuditQuery {
    std::string actor_id;
    std::string target_id;
    std::string action;
    std::string before_id;
    int64_t limit = 50;
};

}  // namespace commerce

namespace commerce {

// One entry as it appears in "audit_list" and "user_export" documents.
nlohmann::json audit_entry_json(const AuditEntry& entry);

}  // namespace commerce
