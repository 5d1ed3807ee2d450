// A collection: a hand-picked, ordered list of products ("Summer sale").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace commerce {

struct Collection {
    std::string id;
    std::string slug;
    std::string title;
    std::string description;
    std::vector<std::string> product_ids;  // in display order
    int64_t created_ms = 0;
    int64_t updated_ms = 0;
};

}  // namespace commerce
