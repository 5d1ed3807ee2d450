// How decimal text is laid out, shared by Decimal and by Money's whole minor units.
#pragma once

#include <string>

namespace commerce {

// The text of a number given as the digits of its magnitude and a scale: "1990", 2, negative -> "-19.90".
std::string scaled_text(std::string magnitude_digits, int scale, bool negative);

}  // namespace commerce
