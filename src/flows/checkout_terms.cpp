#include "flows/checkout_terms.h"

#include "core/definition_reader.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "domain/identity/addresses.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace commerce::flows {
namespace {

PostalAddress postal(const Address& address) {
    return {address.name,   address.company,     address.line1,   address.line2, address.city,
            address.region, address.postal_code, address.country, address.phone};
}

// An address as the request gives it, whole or from the user's book; errors name "<member>.<field>".
PostalAddress requested_address(Transaction& tx, const json& value, std::string_view member,
                                const std::optional<Actor>& actor) {
    const std::string field(member);
    if (!value.is_object()) throw_invalid(field, field + " must be an address object");
    if (value.contains("address_id")) {
        reject_unknown_members(value, field, {"address_id"});
        const std::string id = required_string(value, "address_id", kMaxShortText);
        auto stored = tx.addresses().by_id(id);
        // Another user's address reads as absent, as in the address book.
        if (!stored || !actor || stored->user_id != actor->user_id)
            throw_not_found(field + ".address_id", id, "no address of yours has this id");
        return postal(*stored);
    }
    reject_unknown_members(value, field,
                           {"name", "company", "line1", "line2", "city", "region", "postal_code", "country", "phone"});
    Address address;
    try {
        apply_address_input(address, value);
    } catch (const Error& error) {
        if (error.code() != COMMERCE_ERR_INVALID_ARGUMENT) throw;
        throw Error(error.code(), error.what(), {{"field", field + "." + error.details().value("field", "")}});
    }
    return postal(address);
}

std::string folded(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '-') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Taxes and shipping were priced for the cart's address: the order must go there.
void require_priced_place(const PostalAddress& address, const PricedCart& priced) {
    const auto& place = priced.cart.shipping_address;
    if (!place) return;
    const bool same_country = address.country == place->country;
    const bool same_postal_code = !place->postal_code || address.postal_code.empty() ||
                                  folded(address.postal_code) == folded(*place->postal_code);
    if (same_country && same_postal_code) return;
    throw Error(COMMERCE_ERR_INVALID_ARGUMENT,
                fmt::format("the cart was priced for {} {}: set the cart's shipping address to this one first",
                            place->country, place->postal_code.value_or("")),
                {{"field", "shipping_address"}, {"reason", "not_the_priced_address"}, {"cart_id", priced.cart.id}});
}

void compare(nlohmann::json& changes, const std::string& field, const nlohmann::json& expected,
             const nlohmann::json& actual) {
    if (expected != actual) changes.push_back({{"field", field}, {"expected", expected}, {"actual", actual}});
}

// Money given as {"amount", "currency"}; compared by value, so "5.0" and "5.00" are the same amount.
nlohmann::json money_member(const json& expected, const std::string& member, const std::string& field) {
    return definition::money_value(expected.at(member), field, /*allow_zero=*/true).to_json();
}

void compare_items(nlohmann::json& changes, const json& items, const PricedCart& priced) {
    if (!items.is_array()) throw_invalid("expected.items", "expected.items must be an array");
    std::vector<std::string> seen;
    for (const auto& item : items) {
        if (!item.is_object()) throw_invalid("expected.items", "each expected item is an object");
        reject_unknown_members(item, "expected.items", {"variant_id", "quantity", "unit_price"});
        const std::string variant = required_string(item, "variant_id", kMaxShortText);
        seen.push_back(variant);
        const std::string field = fmt::format("items[{}]", variant);
        auto line = std::find_if(priced.lines.begin(), priced.lines.end(),
                                 [&](const PricedLine& each) { return each.variant->id == variant; });
        if (line == priced.lines.end()) {
            compare(changes, field, item, nullptr);
            continue;
        }
        if (item.contains("quantity")) compare(changes, field + ".quantity", item.at("quantity"), line->quantity);
        if (item.contains("unit_price"))
            compare(changes, field + ".unit_price",
                    money_member(item, "unit_price", "expected." + field + ".unit_price"), line->unit_price.to_json());
    }
    for (const auto& line : priced.lines)
        if (std::find(seen.begin(), seen.end(), line.variant->id) == seen.end())
            compare(changes, fmt::format("items[{}]", line.variant->id), nullptr,
                    {{"variant_id", line.variant->id}, {"quantity", line.quantity},
                     {"unit_price", line.unit_price.to_json()}});
}

}  // namespace

CheckoutAddresses checkout_addresses(Transaction& tx, const nlohmann::json& request, const PricedCart& priced,
                                     const std::optional<Actor>& actor) {
    CheckoutAddresses addresses;
    if (request.contains("shipping_address")) {
        addresses.shipping = requested_address(tx, request.at("shipping_address"), "shipping_address", actor);
        require_priced_place(*addresses.shipping, priced);
    }
    addresses.billing = request.contains("billing_address")
                            ? requested_address(tx, request.at("billing_address"), "billing_address", actor)
                            : addresses.shipping;
    return addresses;
}

void require_expected_totals(const nlohmann::json& request, const PricedCart& priced) {
    if (!request.contains("expected")) return;
    const json& expected = request.at("expected");
    if (!expected.is_object()) throw_invalid("expected", "expected must be an object");
    reject_unknown_members(expected, "expected",
                           {"total", "subtotal", "discount_total", "shipping_total", "tax_total", "items"});
    nlohmann::json changes = nlohmann::json::array();
    const std::pair<const char*, const Money*> totals[] = {
        {"subtotal", &priced.subtotal},       {"discount_total", &priced.discount_total},
        {"shipping_total", &priced.shipping_total}, {"tax_total", &priced.tax_total}, {"total", &priced.total}};
    if (expected.contains("items")) compare_items(changes, expected.at("items"), priced);
    for (const auto& [member, actual] : totals)
        if (expected.contains(member))
            compare(changes, member, money_member(expected, member, std::string("expected.") + member),
                    actual->to_json());
    if (changes.empty()) return;
    throw Error(COMMERCE_ERR_CONFLICT,
                fmt::format("the cart changed since it was shown ({} differences, in the details)", changes.size()),
                {{"reason", "totals_changed"}, {"cart_id", priced.cart.id}, {"changes", std::move(changes)}});
}

}  // namespace commerce::flows
