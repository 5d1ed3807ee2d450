// Writing documents: small helpers shared by every document builder.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

namespace commerce {

// An absent value is JSON null, so documents keep the same members whether or not a value is set.
template <typename T>
nlohmann::json nullable(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace commerce
