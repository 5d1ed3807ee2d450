// The one exception type of the core. Domain code throws commerce::Error with a stable status code; the C ABI
// guard (src/capi/guard.h) turns it into the thread-local last error. Nothing else crosses that boundary.
#pragma once

#include <commerce/status.h>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace commerce {

class Error : public std::runtime_error {
public:
    Error(commerce_status code, std::string message, nlohmann::json details = nlohmann::json::object())
        : std::runtime_error(std::move(message)), code_(code), details_(std::move(details)) {}

    commerce_status code() const noexcept { return code_; }
    const nlohmann::json& details() const noexcept { return details_; }

private:
    commerce_status code_;
    nlohmann::json details_;
};

// Invalid input in a named field: the most common failure, so it gets a shorthand.
[[noreturn]] inline void throw_invalid(const std::string& field, const std::string& message) {
    throw Error(COMMERCE_ERR_INVALID_ARGUMENT, message, {{"field", field}});
}

// Invalid input with a stable machine-readable reason ("out_of_range", "duplicate"...) next to the field, for
// inputs whose callers branch on why they were refused.
[[noreturn]] inline void throw_invalid(std::string_view field, std::string_view reason, const std::string& message) {
    throw Error(COMMERCE_ERR_INVALID_ARGUMENT, message, {{"field", field}, {"reason", reason}});
}

// A referenced record that does not exist. Details name the input field and repeat the value under it
// ({"field": "product_id", "product_id": "p1"}), so hosts find the culprit the same way for every code.
[[noreturn]] inline void throw_not_found(const std::string& field, const std::string& value,
                                         const std::string& message) {
    throw Error(COMMERCE_ERR_NOT_FOUND, message, {{"field", field}, {field, value}});
}

}  // namespace commerce
