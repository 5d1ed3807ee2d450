#include "capi/guard.h"

#include <commerce/error.h>

#include <string>

namespace commerce::capi {
namespace {

struct LastError {
    commerce_status code = COMMERCE_OK;
    std::string message;
    std::string details = "{}";
};

thread_local LastError last_error;

}  // namespace

void clear_last_error() noexcept {
    last_error.code = COMMERCE_OK;
    last_error.message.clear();
    last_error.details = "{}";
}

commerce_status set_last_error(commerce_status code, std::string_view message, const nlohmann::json& details) noexcept {
    last_error.code = code;
    try {
        last_error.message.assign(message);
        last_error.details = details.is_object()
                                 ? details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                                 : "{}";
    } catch (...) {
        last_error.message.clear();  // out of memory while reporting: the code alone must do
        last_error.details = "{}";
    }
    return code;
}

Engine& engine_of(commerce_engine* handle) {
    if (handle == nullptr || !handle->engine)
        throw Error(COMMERCE_ERR_MISUSE, "the engine handle is NULL or closed", {{"field", "engine"}});
    return *handle->engine;
}

}  // namespace commerce::capi

extern "C" {

commerce_status commerce_last_error_code(void) { return commerce::capi::last_error.code; }
const char* commerce_last_error_message(void) { return commerce::capi::last_error.message.c_str(); }
const char* commerce_last_error_details(void) { return commerce::capi::last_error.details.c_str(); }

}
