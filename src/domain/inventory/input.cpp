#include "domain/inventory/input.h"

#include "core/error.h"
#include "core/text.h"
#include "domain/inventory/stock.h"

#include <fmt/format.h>

namespace commerce {

int64_t required_quantity(const json& input, std::string_view member, int64_t min, int64_t max) {
    auto quantity = optional_integer(input, member, min, max);
    if (!quantity) throw_invalid(std::string(member), fmt::format("{} is required", member));
    if (*quantity == 0) throw_invalid(std::string(member), fmt::format("{} must not be 0", member));
    return *quantity;
}

std::string location_member(const json& input, std::string_view member) {
    return optional_string(input, member, kMaxShortText).value_or(std::string(kDefaultLocation));
}

std::string reason_member(const json& input) { return optional_string(input, "reason", kMaxReasonText).value_or(""); }

std::optional<std::string> reference_member(const json& input) {
    return optional_string(input, "reference", kMaxShortText);
}

}  // namespace commerce
