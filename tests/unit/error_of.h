// For tests that expect a call to fail: the commerce::Error it threw, for inspection.
#pragma once

#include "core/error.h"

#include <stdexcept>

// Runs f, which must throw commerce::Error, and hands the error back for inspection.
template <class F>
commerce::Error error_of(F&& f) {
    try {
        f();
    } catch (const commerce::Error& error) {
        return error;
    }
    throw std::runtime_error("expected a commerce::Error, none was thrown");
}
