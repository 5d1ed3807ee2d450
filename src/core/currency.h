// ISO 4217 currencies. The minor-unit exponent comes from ISO 4217 itself (not CLDR/ICU, which differ for e.g. IQD),
// because amounts are stored as integers of that minor unit and exchanged with payment providers in it.
#pragma once

#include <span>
#include <string_view>

namespace commerce {

struct Currency {
    std::string_view code;  // alphabetic code, "EUR"
    int numeric;            // numeric code, 978
    int exponent;           // decimals of the minor unit: EUR 2, JPY 0, KWD 3, CLF 4
};

// The table entry for an exact uppercase code, or nullptr. Entries live for the whole program, so the pointer
// may be kept.
const Currency* find_currency(std::string_view code) noexcept;

// Like find_currency, but an unknown code is invalid input in the field "currency".
const Currency& currency(std::string_view code);

// Every known currency, sorted by code.
std::span<const Currency> all_currencies() noexcept;

}  // namespace commerce
