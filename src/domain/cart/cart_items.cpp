#include "domain/cart/cart_items.h"

#include "core/error.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace commerce {
namespace {

void check_quantity(int64_t quantity, int64_t max_quantity) {
    if (quantity < 1 || quantity > max_quantity)
        throw Error(COMMERCE_ERR_INVALID_ARGUMENT, fmt::format("quantity must be between 1 and {}", max_quantity),
                    {{"field", "quantity"}, {"reason", "out_of_range"}, {"max", max_quantity}});
}

std::vector<CartItem>::iterator find_line(Cart& cart, std::string_view variant_id) {
    return std::find_if(cart.items.begin(), cart.items.end(),
                        [&](const CartItem& item) { return item.variant_id == variant_id; });
}

CartItem& existing_line(Cart& cart, std::string_view variant_id) {
    auto line = find_line(cart, variant_id);
    if (line == cart.items.end())
        throw_not_found("variant_id", std::string(variant_id), fmt::format("the cart has no item for variant '{}'", variant_id));
    return *line;
}

}  // namespace

void require_open(const Cart& cart) {
    if (cart.status != kCartOpen)
        throw Error(COMMERCE_ERR_ILLEGAL_STATE, fmt::format("the cart is {}", cart.status),
                    {{"cart_id", cart.id}, {"status", cart.status}});
}

void add_quantity(Cart& cart, std::string_view variant_id, int64_t quantity, int64_t max_quantity) {
    require_open(cart);
    check_quantity(quantity, max_quantity);
    auto line = find_line(cart, variant_id);
    if (line == cart.items.end()) {
        if (cart.items.size() >= kMaxCartLines)
            throw_invalid("variant_id", fmt::format("a cart holds at most {} different variants", kMaxCartLines));
        cart.items.push_back({std::string(variant_id), quantity});
        return;
    }
    check_quantity(line->quantity + quantity, max_quantity);
    line->quantity += quantity;
}

void set_quantity(Cart& cart, std::string_view variant_id, int64_t quantity, int64_t max_quantity) {
    require_open(cart);
    check_quantity(quantity, max_quantity);
    existing_line(cart, variant_id).quantity = quantity;
}

void set_line_details(Cart& cart, std::string_view variant_id, const json& details) {
    require_open(cart);
    reject_unknown_members(details, "line details", {"note", "attributes"});
    const auto text = [](const json& value, const std::string& field, std::size_t max) {
        if (!value.is_string()) throw_invalid(field, "type", fmt::format("{} must be a string", field));
        const auto& string = value.get_ref<const std::string&>();
        if (string.size() > max || !is_valid_utf8(string))
            throw_invalid(field, "too_long", fmt::format("{} must be UTF-8 of at most {} bytes", field, max));
        return string;
    };
    CartItem& line = existing_line(cart, variant_id);
    CartItem changed = line;
    if (details.contains("note"))
        changed.note = details["note"].is_null() ? std::nullopt : std::optional(text(details["note"], "note", kMaxLineNote));
    if (details.contains("attributes")) {
        const json& attributes = details["attributes"];
        changed.attributes.clear();
        if (!attributes.is_null()) {
            if (!attributes.is_object()) throw_invalid("attributes", "type", "attributes must be an object of strings");
            if (attributes.size() > kMaxLineAttributes)
                throw_invalid("attributes", "too_many", fmt::format("a line has at most {} attributes", kMaxLineAttributes));
            for (const auto& [name, value] : attributes.items()) {
                if (name.empty() || name.size() > kMaxAttributeName || !is_valid_utf8(name))
                    throw_invalid("attributes", "too_long",
                                  fmt::format("attribute names are 1 to {} bytes of UTF-8", kMaxAttributeName));
                changed.attributes[name] = text(value, "attributes." + name, kMaxAttributeValue);
            }
        }
    }
    line = std::move(changed);
}

int64_t unit_count(const Cart& cart) {
    int64_t units = 0;
    for (const auto& item : cart.items) units += item.quantity;
    return units;
}

void remove_line(Cart& cart, std::string_view variant_id) {
    require_open(cart);
    existing_line(cart, variant_id);
    cart.items.erase(find_line(cart, variant_id));
}

}  // namespace commerce
