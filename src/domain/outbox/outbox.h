// The outbox: events appended in the transaction of the change they announce, leased to the host in batches,
// acknowledged or retried with exponential backoff. Secrets ride sealed (AES-256-GCM) and are erased once the
// event is delivered or given up, so no raw token outlives its delivery.
#pragma once

#include "core/ids.h"
#include "ports/storage.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace commerce {

inline constexpr int64_t kOutboxMaxAttempts = 10;

struct OutboxContext {
    Transaction& tx;
    IdGenerator& ids;
    int64_t now_ms;
    const std::string& seal_key;  // 32 bytes
};

// Appends an event. `secrets` (an object, possibly empty) is sealed and merged into the payload on fetch.
void emit_event(const OutboxContext& context, std::string_view topic, std::string_view subject_id,
                const nlohmann::json& payload, const nlohmann::json& secrets = nlohmann::json::object());

// Leases up to `limit` due events for lease_ms and returns them as an "outbox_batch" document.
nlohmann::json lease_events(const OutboxContext& context, const std::vector<std::string>& topic_prefixes,
                            int64_t limit, int64_t lease_ms);

// Marks delivered and erases the secrets; NOT_FOUND for an unknown id. Idempotent.
void acknowledge_event(const OutboxContext& context, std::string_view id);

// Records a failed delivery: retry after 30 s x 2^(attempts-1), at most an hour; dead after 10 attempts.
void fail_event(const OutboxContext& context, std::string_view id, std::string_view error);

int64_t retry_delay_ms(int64_t attempts);

}  // namespace commerce
