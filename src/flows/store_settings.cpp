#include "flows/store_settings.h"

#include "core/error.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "flows/access.h"
#include "flows/identity_support.h"

#include <fmt/format.h>

namespace commerce::flows {

nlohmann::json setting_document(std::string_view document_type, const std::optional<StoreSetting>& setting) {
    return {{"type", document_type},
            {"schema_version", 1},
            {"version", setting ? setting->version : 0},
            {"definition", setting ? nlohmann::json::parse(setting->value) : nlohmann::json(nullptr)},
            {"updated_at", setting ? nlohmann::json(format_rfc3339(setting->updated_ms)) : nlohmann::json(nullptr)}};
}

nlohmann::json replace_setting(Engine& engine, const char* session, std::string_view name,
                               std::string_view document_type, const nlohmann::json& definition,
                               int64_t expected_version, const std::function<void(Transaction&)>& check) {
    if (expected_version < 0) throw_invalid("expected_version", "out_of_range", "expected_version must not be negative");
    nlohmann::json document;
    write_as(engine, session, permission::settings_manage, [&](Transaction& tx, const Actor& actor) {
        const auto before = tx.settings().get(name);
        check(tx);
        if (!tx.settings().put(name, definition.dump(), expected_version, engine.now_ms()))
            throw Error(COMMERCE_ERR_CONFLICT, fmt::format("the {} definition was changed since it was read", name),
                        {{"field", "expected_version"}, {"version", before ? before->version : 0}});
        document = setting_document(document_type, tx.settings().get(name));
        audit(engine, tx, actor.user_id, fmt::format("{}.define", name), "settings", name,
              setting_document(document_type, before), document);
    });
    return document;
}

nlohmann::json read_setting(Engine& engine, const char* session, std::string_view name, std::string_view document_type) {
    nlohmann::json document;
    read_as(engine, session, permission::settings_manage, [&](Transaction& tx) {
        document = setting_document(document_type, tx.settings().get(name));
    });
    return document;
}

}  // namespace commerce::flows
