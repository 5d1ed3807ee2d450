// A product request: a signed-in shopper asks for something the shop does not sell; staff fulfil it with a
// product and the requester hears of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace commerce {

inline constexpr std::string_view kRequestOpen = "open";
inline constexpr std::string_view kRequestFulfilled = "fulfilled";

struct ProductRequest {
    std::string id;
    std::optional<std::string> user_id;  // none once the requester was erased
    std::string title;
    std::string details;
    std::string status;  // open | fulfilled
    std::optional<std::string> product_id;
    int64_t created_ms = 0;
    std::optional<int64_t> fulfilled_ms;
};

}  // namespace commerce
