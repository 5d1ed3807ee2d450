// Reading the members that several inventory requests share, with the same bounds everywhere.
#pragma once

#include "core/json_input.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace commerce {

inline constexpr std::size_t kMaxReasonText = 1000;  // bytes: a sentence or two for the ledger

// A required integer in [min, max]; 0 is refused even when the range spans it (a movement of nothing).
int64_t required_quantity(const json& input, std::string_view member, int64_t min, int64_t max);

// A location id member; "default" when absent.
std::string location_member(const json& input, std::string_view member);

std::string reason_member(const json& input);                      // optional, "" when absent
std::optional<std::string> reference_member(const json& input);    // optional, up to kMaxShortText bytes

}  // namespace commerce
