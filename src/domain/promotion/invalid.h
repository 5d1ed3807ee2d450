// The promotion module's bad-input error: INVALID_ARGUMENT with the offending field and a stable reason that
// callers match on (docs/promotions.md lists them).
#pragma once

#include "core/error.h"

#include <string>
#include <string_view>

namespace commerce::promotion_input {

[[noreturn]] inline void invalid(std::string_view field, std::string_view reason, const std::string& message) {
    throw Error(COMMERCE_ERR_INVALID_ARGUMENT, message, {{"field", field}, {"reason", reason}});
}

}  // namespace commerce::promotion_input
