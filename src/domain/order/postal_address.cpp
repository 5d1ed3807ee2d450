#include "domain/order/postal_address.h"

#include <array>
#include <utility>

namespace commerce {
namespace {

constexpr std::array<std::pair<const char*, std::string PostalAddress::*>, 9> kMembers = {{
    {"name", &PostalAddress::name},
    {"company", &PostalAddress::company},
    {"line1", &PostalAddress::line1},
    {"line2", &PostalAddress::line2},
    {"city", &PostalAddress::city},
    {"region", &PostalAddress::region},
    {"postal_code", &PostalAddress::postal_code},
    {"country", &PostalAddress::country},
    {"phone", &PostalAddress::phone},
}};

}  // namespace

nlohmann::json postal_address_json(const PostalAddress& address) {
    nlohmann::json value = nlohmann::json::object();
    for (const auto& [name, member] : kMembers) value[name] = address.*member;
    return value;
}

PostalAddress postal_address_from_json(const nlohmann::json& value) {
    PostalAddress address;
    for (const auto& [name, member] : kMembers) address.*member = value.at(name).get<std::string>();
    return address;
}

}  // namespace commerce
