// How an exact value is brought to fewer decimals. Every rounding in the engine names one of these modes, so a
// shop's configuration (or a tax authority's rule) decides, never an accident of floating point.
#pragma once

#include "core/error.h"

#include <string_view>

namespace commerce {

enum class RoundingMode {
    half_even,  // ties to the even neighbour (banker's rounding): the default, it does not drift over many sums
    half_up,    // ties away from zero, for negatives too: -2.5 -> -3
    down,       // toward zero (truncation)
    up,         // away from zero
};

// The configuration and API spelling of a mode: "half_even", "half_up", "down" or "up".
inline RoundingMode parse_rounding_mode(std::string_view text) {
    if (text == "half_even") return RoundingMode::half_even;
    if (text == "half_up") return RoundingMode::half_up;
    if (text == "down") return RoundingMode::down;
    if (text == "up") return RoundingMode::up;
    throw_invalid("rounding", "rounding mode must be one of half_even, half_up, down, up");
}

}  // namespace commerce
