// A rating as documents show it: an exact average of whole stars, never a float. Reviews keep the sum and the
// count; the catalog shows them on the product.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace commerce {

// sum / count rounded half-even to two places: "4.33"; "0.00" without reviews. Integer arithmetic only.
std::string format_average(int64_t sum, int64_t count);

// {"average": "4.33", "count": 3}
nlohmann::json rating_json(int64_t sum, int64_t count);

}  // namespace commerce
