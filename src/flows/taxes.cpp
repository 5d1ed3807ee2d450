#include "flows/taxes.h"

#include "core/error.h"
#include "core/json_input.h"
#include "domain/tax/tax_input.h"
#include "flows/shipping.h"
#include "flows/store_settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace commerce::flows {
namespace {

constexpr std::string_view kTaxSetting = "taxes";

const std::array<std::string_view, 4> kBuiltInClasses = {kTaxClassDigital, kTaxClassReduced, kTaxClassStandard,
                                                         kTaxClassZero};

// Dropping a class from the definition must not leave a product or a shipping method without rates.
void require_classes_kept(Transaction& tx, const TaxDefinitions& definitions) {
    std::vector<std::string> used_classes = tx.products().tax_classes_in_use();
    if (const auto shipping = store_shipping_definitions(tx))
        for (const auto& method : shipping->methods) used_classes.push_back(method.tax_class);
    for (const auto& used : used_classes)
        if (!std::binary_search(definitions.tax_classes.begin(), definitions.tax_classes.end(), used))
            throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                        fmt::format("products or shipping methods still use the tax class {}: move them first", used),
                        {{"field", "tax_classes"}, {"reason", "in_use"}, {"tax_class", used}});
}

}  // namespace

std::optional<TaxDefinitions> store_tax_definitions(Transaction& tx) {
    return stored_definition<parse_tax_definitions>(tx, kTaxSetting);
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
    const json input = parse_object(definition_json, "definition");
    const TaxDefinitions definitions = parse_tax_definitions(input);
    return replace_setting(engine, session, kTaxSetting, "tax_settings", input, expected_version,
                           [&](Transaction& tx) { require_classes_kept(tx, definitions); });
}

nlohmann::json get_tax_definitions(Engine& engine, const char* session) {
    return read_setting(engine, session, kTaxSetting, "tax_settings");
}

}  // namespace commerce::flows
