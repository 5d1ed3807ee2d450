#include "domain/cart/cart_pricing_inputs.h"

#include "core/error.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {

bool ascii_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::string upper(std::string_view text) {
    std::string result(text);
    for (char& c : result)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return result;
}

// An optional string member of the address, checked for its alphabet and length; uppercase.
std::optional<std::string> address_part(const json& value, std::string_view member, std::size_t min, std::size_t max,
                                        bool (*allowed)(char)) {
    const std::string field = fmt::format("shipping_address.{}", member);
    const auto it = value.find(member);
    if (it == value.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw_invalid(field, "type", fmt::format("{} must be a string", field));
    const auto& text = it->get_ref<const std::string&>();
    if (text.size() < min || text.size() > max || !std::all_of(text.begin(), text.end(), allowed))
        throw_invalid(field, "format", fmt::format("{} must be {} to {} allowed characters", field, min, max));
    return upper(text);
}

}  // namespace

void enter_coupon(Cart& cart, std::string_view code) {
    if (std::find(cart.coupon_codes.begin(), cart.coupon_codes.end(), code) != cart.coupon_codes.end()) return;
    if (cart.coupon_codes.size() >= kMaxCartCoupons)
        throw_invalid("code", "too_many", fmt::format("a cart holds at most {} coupon codes", kMaxCartCoupons));
    cart.coupon_codes.emplace_back(code);
}

void withdraw_coupon(Cart& cart, std::string_view code) {
    const auto held = std::find(cart.coupon_codes.begin(), cart.coupon_codes.end(), code);
    if (held == cart.coupon_codes.end())
        throw_not_found("code", std::string(code), fmt::format("the cart holds no coupon {}", code));
    cart.coupon_codes.erase(held);
}

CartAddress parse_cart_address(const json& value) {
    if (!value.is_object()) throw_invalid("shipping_address", "type", "shipping_address must be an object or null");
    for (const auto& [member, ignored] : value.items())
        if (member != "country" && member != "region" && member != "postal_code")
            throw_invalid(fmt::format("shipping_address.{}", member), "unknown_member",
                          fmt::format("no member '{}' is known in a shipping address", member));
    const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    const auto postal = [](char c) { return ascii_alnum(c) || c == ' ' || c == '-'; };
    auto country = address_part(value, "country", 2, 2, letter);
    if (!country) throw_invalid("shipping_address.country", "required", "a shipping address needs a country");
    return {*country, address_part(value, "region", 1, 8, ascii_alnum),
            address_part(value, "postal_code", 1, 16, postal)};
}

std::string checked_channel(std::string_view channel) {
    const bool valid = !channel.empty() && channel.size() <= 32 &&
                       std::all_of(channel.begin(), channel.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                       });
    if (!valid) throw_invalid("channel", "format", "a channel is 1 to 32 of a-z, 0-9, '_' and '-'");
    return std::string(channel);
}

}  // namespace commerce
