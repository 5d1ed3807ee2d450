#include "flows/taxes.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/permission_names.h"
#include "core/text.h"
#include "core/timestamp.h"
#include "domain/tax/tax_input.h"
#include "flows/access.h"
#include "flows/identity_support.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace commerce::flows {
namespace {

constexpr std::string_view kTaxSetting = "taxes";

const std::array<std::string_view, 4> kBuiltInClasses = {kTaxClassDigital, kTaxClassReduced, kTaxClassStandard,
                                                         kTaxClassZero};

nlohmann::json tax_settings_document(const std::optional<StoreSetting>& setting) {
    return {{"type", "tax_settings"},
            {"schema_version", 1},
            {"version", setting ? setting->version : 0},
            {"definition", setting ? nlohmann::json::parse(setting->value) : nlohmann::json(nullptr)},
            {"updated_at", setting ? nlohmann::json(format_rfc3339(setting->updated_ms)) : nlohmann::json(nullptr)}};
}

// Dropping a class from the definition must not leave a product without rates.
void require_classes_kept(Transaction& tx, const TaxDefinitions& definitions) {
    for (const auto& used : tx.products().tax_classes_in_use())
        if (!std::binary_search(definitions.tax_classes.begin(), definitions.tax_classes.end(), used))
            throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                        fmt::format("products still use the tax class {}: move them to another class first", used),
                        {{"field", "tax_classes"}, {"reason", "in_use"}, {"tax_class", used}});
}

}  // namespace

std::optional<TaxDefinitions> store_tax_definitions(Transaction& tx) {
    const auto setting = tx.settings().get(kTaxSetting);
    if (!setting) return std::nullopt;
    return parse_tax_definitions(json::parse(setting->value));
}

void require_known_tax_class(Transaction& tx, std::string_view tax_class) {
    const auto definitions = store_tax_definitions(tx);
    const bool known = definitions ? std::binary_search(definitions->tax_classes.begin(),
                                                        definitions->tax_classes.end(), tax_class)
                                   : std::find(kBuiltInClasses.begin(), kBuiltInClasses.end(), tax_class) !=
                                         kBuiltInClasses.end();
    if (!known)
        throw_invalid("tax_class", "unknown_tax_class",
                      fmt::format("the store's tax definition has no class '{}'", tax_class));
}

nlohmann::json set_tax_definitions(Engine& engine, const char* session, const char* definition_json,
                                   int64_t expected_version) {
    const std::string_view token = optional_text(session, "session");
    const json input = parse_object(definition_json, "definition");
    const TaxDefinitions definitions = parse_tax_definitions(input);
    if (expected_version < 0) throw_invalid("expected_version", "out_of_range", "expected_version must not be negative");
    nlohmann::json document;
    engine.write([&](Transaction& tx) {
        const Actor actor = session_actor(engine, tx, token);
        actor.require(permission::settings_manage);
        const auto before = tx.settings().get(kTaxSetting);
        require_classes_kept(tx, definitions);
        if (!tx.settings().put(kTaxSetting, input.dump(), expected_version, engine.now_ms()))
            throw Error(COMMERCE_ERR_CONFLICT, "the tax definition was changed since it was read",
                        {{"field", "expected_version"}, {"version", before ? before->version : 0}});
        document = tax_settings_document(tx.settings().get(kTaxSetting));
        audit(engine, tx, actor.user_id, "taxes.define", "settings", kTaxSetting, tax_settings_document(before),
              document);
    });
    return document;
}

nlohmann::json get_tax_definitions(Engine& engine, const char* session) {
    const std::string_view token = optional_text(session, "session");
    nlohmann::json document;
    engine.read([&](Transaction& tx) {
        session_actor(engine, tx, token).require(permission::settings_manage);
        document = tax_settings_document(tx.settings().get(kTaxSetting));
    });
    return document;
}

}  // namespace commerce::flows
