// What a flow test asks of a call that may fail: the commerce::Error it threw, or its status code.
#pragma once

#include "core/error.h"

#include <functional>

// The error the call threw; an error with COMMERCE_OK when it did not throw.
inline commerce::Error failure_of(const std::function<void()>& call) {
    try {
        call();
    } catch (const commerce::Error& error) {
        return error;
    }
    return commerce::Error(COMMERCE_OK, "no error");
}

// The status code the call fails with; COMMERCE_OK when it does not fail.
inline commerce_status code_of(const std::function<void()>& call) { return failure_of(call).code(); }
