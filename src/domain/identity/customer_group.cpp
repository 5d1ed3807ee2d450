#include "domain/identity/customer_group.h"

#include "core/definition_reader.h"
#include "core/error.h"

#include <algorithm>

namespace commerce {
namespace {

constexpr std::size_t kMaxGroupId = 64;
constexpr std::size_t kMaxGroupName = 200;

bool is_group_id(const std::string& id) {
    return !id.empty() && id.size() <= kMaxGroupId && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

}  // namespace

CustomerGroup parse_customer_group(const json& definition) {
    definition::require_known_members(definition, "", {"id", "name", "tax_exempt"});
    CustomerGroup group;
    group.id = definition::required_string_member(definition, "id", "id");
    if (!is_group_id(group.id)) throw_invalid("id", "format", "a group id is 1 to 64 of a-z, 0-9, '-' and '_'");
    group.name = definition::required_text_member(definition, "name", "name", kMaxGroupName);
    group.tax_exempt = definition::bool_member(definition, "tax_exempt", "tax_exempt").value_or(false);
    return group;
}

}  // namespace commerce
