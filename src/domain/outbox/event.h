// Outbox events: side effects the host delivers (emails, SMS, webhooks), appended in the transaction of the
// change they announce. A secret an event carries (a token or a one-time code) is sealed apart from the
// payload and erased once the event is delivered or given up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace commerce {

struct OutboxEvent {
    std::string id;
    std::string topic;
    std::string subject_id;  // the record the event is about (a user id, an order id)
    std::string payload;  // JSON object text, without secrets
    std::string sealed_secrets;  // AES-GCM of a JSON object merged into the payload on fetch; "" when none
    int64_t created_ms = 0;
    int64_t available_ms = 0;  // not handed out before this time (leases and retry backoff)
    int64_t attempts = 0;
    std::optional<std::string> last_error;
    std::optional<int64_t> delivered_ms;
    std::optional<int64_t> dead_ms;
};

}  // namespace commerce
