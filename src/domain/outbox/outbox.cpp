#include "domain/outbox/outbox.h"

#include "core/error.h"
#include "core/seal.h"
#include "core/timestamp.h"

#include <algorithm>

namespace commerce {
namespace {

OutboxEvent existing_event(const OutboxContext& context, std::string_view id) {
    auto event = context.tx.outbox().by_id(id);
    if (!event) throw Error(COMMERCE_ERR_NOT_FOUND, "no outbox event has this id", {{"field", "event_id"}});
    return *event;
}

nlohmann::json event_json(const OutboxContext& context, const OutboxEvent& event) {
    nlohmann::json payload = nlohmann::json::parse(event.payload);
    if (!event.sealed_secrets.empty()) {
        auto opened = unseal(context.seal_key, event.sealed_secrets, event.id);
        if (!opened)
            throw Error(COMMERCE_ERR_STORAGE, "an outbox event's secrets cannot be opened with this store's key",
                        {{"event_id", event.id}});
        payload.update(nlohmann::json::parse(*opened));
    }
    return {{"id", event.id}, {"topic", event.topic}, {"payload", std::move(payload)}, {"attempts", event.attempts},
            {"created_at", format_rfc3339(event.created_ms)}};
}

}  // namespace

void emit_event(const OutboxContext& context, std::string_view topic, std::string_view subject_id,
                const nlohmann::json& payload, const nlohmann::json& secrets) {
    OutboxEvent event;
    event.id = context.ids.next();
    event.topic = std::string(topic);
    event.subject_id = std::string(subject_id);
    event.payload = payload.dump();
    // The event id is the associated data: a sealed blob cannot be moved to another event.
    if (!secrets.empty()) event.sealed_secrets = seal(context.seal_key, secrets.dump(), event.id);
    event.created_ms = event.available_ms = context.now_ms;
    context.tx.outbox().insert(event);
}

nlohmann::json lease_events(const OutboxContext& context, const std::vector<std::string>& topic_prefixes,
                            int64_t limit, int64_t lease_ms) {
    nlohmann::json events = nlohmann::json::array();
    for (auto& event : context.tx.outbox().due(context.now_ms, topic_prefixes, limit)) {
        events.push_back(event_json(context, event));
        event.available_ms = context.now_ms + lease_ms;
        context.tx.outbox().save_delivery_state(event);
    }
    return {{"type", "outbox_batch"}, {"schema_version", 1}, {"events", std::move(events)}};
}

void acknowledge_event(const OutboxContext& context, std::string_view id) {
    OutboxEvent event = existing_event(context, id);
    if (event.delivered_ms) return;
    event.delivered_ms = context.now_ms;
    event.sealed_secrets.clear();
    context.tx.outbox().save_delivery_state(event);
}

int64_t retry_delay_ms(int64_t attempts) {
    const int64_t doublings = std::clamp<int64_t>(attempts - 1, 0, 20);
    return std::min<int64_t>(30'000LL << doublings, 3'600'000);
}

void fail_event(const OutboxContext& context, std::string_view id, std::string_view error) {
    OutboxEvent event = existing_event(context, id);
    if (event.delivered_ms || event.dead_ms)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, "the event is no longer pending", {{"field", "event_id"}});
    event.attempts += 1;
    event.last_error = std::string(error);
    if (event.attempts >= kOutboxMaxAttempts) {
        event.dead_ms = context.now_ms;
        event.sealed_secrets.clear();
    } else {
        event.available_ms = context.now_ms + retry_delay_ms(event.attempts);
    }
    context.tx.outbox().save_delivery_state(event);
}

}  // namespace commerce
