#include "domain/identity/addresses.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"

#include <algorithm>

namespace commerce {

void apply_address_input(Address& address, const nlohmann::json& input) {
    reject_unknown_members(input, "an address",
                           {"name", "company", "line1", "line2", "city", "region", "postal_code", "country", "phone",
                            "default_shipping", "default_billing"});
    const std::pair<const char*, std::string Address::*> fields[] = {
        {"name", &Address::name},     {"company", &Address::company},         {"line1", &Address::line1},
        {"line2", &Address::line2},   {"city", &Address::city},               {"region", &Address::region},
        {"postal_code", &Address::postal_code}, {"country", &Address::country}, {"phone", &Address::phone}};
    for (const auto& [member, field] : fields)
        if (auto value = optional_string(input, member, kMaxShortText)) address.*field = *value;
    const std::pair<const char*, const std::string&> required[] = {
        {"line1", address.line1}, {"city", address.city}, {"country", address.country}};
    for (const auto& [member, value] : required)
        if (value.empty()) throw_invalid(member, std::string("an address needs ") + member);
    const std::string& country = address.country;
    if (country.size() != 2 || !std::all_of(country.begin(), country.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        throw_invalid("country", "country must be an ISO 3166-1 alpha-2 code such as \"CH\"");
}

}  // namespace commerce
