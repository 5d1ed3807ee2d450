#include "capi/guard.h"

#include "core/text.h"

#include <commerce/engine.h>
#include <commerce/version.h>

using namespace commerce;
using namespace commerce::capi;

extern "C" {

commerce_status commerce_engine_open(commerce_engine** out, const char* config_json) {
    if (out == nullptr)
        return set_last_error(COMMERCE_ERR_MISUSE, "the out-parameter for the engine is NULL", {{"field", "out"}});
    *out = nullptr;
    return guard([&] {
        auto handle = std::make_unique<commerce_engine>();
        handle->engine = Engine::open(config_json);
        *out = handle.release();
    });
}

void commerce_engine_free(commerce_engine* engine) { delete engine; }

commerce_status commerce_engine_rekey(commerce_engine* engine, const char* new_key) {
    return guard([&] { engine_of(engine).storage().rekey(checked_text(new_key, "key", 1024)); });
}

commerce_status commerce_engine_info(commerce_doc** out, commerce_engine* engine) {
    return return_document(out, [&] {
        nlohmann::json info = engine_of(engine).storage().describe();
        info["type"] = "engine_info";
        info["schema_version"] = 1;
        info["library_version"] = COMMERCE_VERSION_STRING;
        return info;
    });
}

commerce_status commerce_engine_set_time(commerce_engine* engine, int64_t unix_ms) {
    return guard([&] { engine_of(engine).manual_clock().set(unix_ms); });
}

commerce_status commerce_engine_advance_time(commerce_engine* engine, int64_t delta_ms) {
    return guard([&] { engine_of(engine).manual_clock().advance(delta_ms); });
}

}
