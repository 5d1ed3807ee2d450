#include "flows/shipping.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "domain/shipping/shipping_input.h"
#include "flows/store_settings.h"
#include "flows/taxes.h"

namespace commerce::flows {
namespace {

constexpr std::string_view kShippingSetting = "shipping";

void require_known_tax_classes(Transaction& tx, const ShippingDefinitions& definitions) {
    for (std::size_t i = 0; i < definitions.methods.size(); ++i) {
        try {
            require_known_tax_class(tx, definitions.methods[i].tax_class);
        } catch (const Error& error) {
            throw_invalid(definition::path(definition::indexed("methods", i), "tax_class"), "unknown_tax_class",
                          error.what());
        }
    }
}

}  // namespace

std::optional<ShippingDefinitions> store_shipping_definitions(Transaction& tx) {
    return stored_definition<parse_shipping_definitions>(tx, kShippingSetting);
}

nlohmann::json set_shipping_definitions(Engine& engine, const char* session, const char* definition_json,
                                        int64_t expected_version) {
    const json input = parse_object(definition_json, "definition");
    const ShippingDefinitions definitions = parse_shipping_definitions(input);
    return replace_setting(engine, session, kShippingSetting, "shipping_settings", input, expected_version,
                           [&](Transaction& tx) { require_known_tax_classes(tx, definitions); });
}

nlohmann::json get_shipping_definitions(Engine& engine, const char* session) {
    return read_setting(engine, session, kShippingSetting, "shipping_settings");
}

}  // namespace commerce::flows
