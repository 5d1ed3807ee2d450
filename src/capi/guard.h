// The one boundary between C++ and C. Every extern "C" entry point runs its body through guard(): it clears
// the thread's last error, and turns any exception into a status code plus the thread-local message and
// details. No exception ever crosses into the host.
#pragma once

#include "capi/handles.h"
#include "core/error.h"
#include "core/json_output.h"

#include <commerce/doc.h>
#include <commerce/status.h>

#include <nlohmann/json.hpp>

#include <new>
#include <string_view>
#include <type_traits>

namespace commerce::capi {

void clear_last_error() noexcept;
commerce_status set_last_error(commerce_status code, std::string_view message, const nlohmann::json& details) noexcept;

// The engine behind a handle; MISUSE for NULL.
Engine& engine_of(commerce_engine* handle);

template <typename Body>
commerce_status guard(Body&& body) noexcept {
    clear_last_error();
    try {
        body();
        return COMMERCE_OK;
    } catch (const Error& error) {
        return set_last_error(error.code(), error.what(), error.details());
    } catch (const std::bad_alloc&) {
        return set_last_error(COMMERCE_ERR_NO_MEMORY, "out of memory", nlohmann::json::object());
    } catch (const std::exception& error) {
        return set_last_error(COMMERCE_ERR_GENERIC, error.what(), nlohmann::json::object());
    } catch (...) {
        return set_last_error(COMMERCE_ERR_GENERIC, "unknown internal error", nlohmann::json::object());
    }
}

// Stores a document in *out: make_document returns a nlohmann::json, or a SerializedDocument when the flow has
// the finished text already (a document kept in memory). *out is always written: NULL on failure, so a host never
// frees garbage.
inline commerce_status return_document(commerce_doc** out, auto&& make_document) noexcept {
    if (out == nullptr)
        return set_last_error(COMMERCE_ERR_MISUSE, "the out-parameter for the document is NULL",
                              {{"field", "out"}});
    *out = nullptr;
    return guard([&] {
        SerializedDocument document;
        if constexpr (std::is_same_v<decltype(make_document()), SerializedDocument>)
            document = make_document();
        else
            document = serialize(make_document());
        *out = new commerce_doc{std::move(document.json), std::move(document.type)};
    });
}

}  // namespace commerce::capi

