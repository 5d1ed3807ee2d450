// GS1 barcodes: EAN-13, UPC-A and EAN-8. Pure functions, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace commerce {

// True when the last digit of an all-digit code is its GS1 mod-10 check digit.
bool gs1_check_digit_valid(std::string_view digits) noexcept;

// The form barcodes are stored and looked up in: a UPC-A (12 digits) becomes its EAN-13 (a leading 0), so a
// scanner reading either finds the same variant; EAN-13 and EAN-8 stay as they are. nullopt for anything that
// is not 8, 12 or 13 digits with a valid check digit.
std::optional<std::string> normalized_gtin(std::string_view code);

}  // namespace commerce
