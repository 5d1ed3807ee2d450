#include "flows/outbox.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "domain/outbox/outbox.h"

namespace commerce::flows {

nlohmann::json fetch_events(Engine& engine, const char* query_json) {
    const json query = parse_object(query_json, "query", /*optional=*/true);
    reject_unknown_members(query, "an outbox query", {"limit", "lease_seconds", "topics"});
    const int64_t limit = optional_integer(query, "limit", 1, 1000).value_or(100);
    const int64_t lease_ms = optional_integer(query, "lease_seconds", 1, 3600).value_or(60) * 1000;
    std::vector<std::string> prefixes;
    if (auto topics = query.find("topics"); topics != query.end()) {
        if (!topics->is_array()) throw_invalid("topics", "topics must be an array of topic prefixes");
        for (const auto& topic : *topics) {
            if (!topic.is_string() || topic.get<std::string>().empty())
                throw_invalid("topics", "topics must be an array of non-empty topic prefixes");
            prefixes.push_back(topic.get<std::string>());
        }
    }
    nlohmann::json document;
    engine.write([&](Transaction& tx) { document = lease_events(engine.outbox(tx), prefixes, limit, lease_ms); });
    return document;
}

void acknowledge_event(Engine& engine, const char* event_id) {
    const std::string_view id = checked_text(event_id, "event_id");
    engine.write([&](Transaction& tx) { commerce::acknowledge_event(engine.outbox(tx), id); });
}

void fail_event(Engine& engine, const char* event_id, const char* error) {
    const std::string_view id = checked_text(event_id, "event_id");
    const std::string_view message = optional_text(error, "error", 4096);
    engine.write([&](Transaction& tx) { commerce::fail_event(engine.outbox(tx), id, message); });
}

}  // namespace commerce::flows
