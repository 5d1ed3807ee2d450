// A clock that moves only when told: test harnesses script expiry, lockouts and retries deterministically.
#pragma once

#include "core/error.h"
#include "ports/clock.h"

#include <atomic>

namespace commerce {

class ManualClock final : public Clock {
public:
    explicit ManualClock(int64_t start_ms) : now_ms_(start_ms) {}

    int64_t now_ms() override { return now_ms_.load(); }

    // Time never runs backwards, so expiry and the order of records stay consistent.
    void set(int64_t unix_ms) {
        int64_t current = now_ms_.load();
        do {
            if (unix_ms < current)
                throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "the manual clock cannot move backwards",
                            {{"field", "unix_ms"}, {"now_ms", current}});
        } while (!now_ms_.compare_exchange_weak(current, unix_ms));
    }

    void advance(int64_t delta_ms) {
        if (delta_ms < 0) throw Error(COMMERCE_ERR_INVALID_ARGUMENT, "the manual clock cannot move backwards",
                                      {{"field", "delta_ms"}});
        now_ms_ += delta_ms;
    }

private:
    std::atomic<int64_t> now_ms_;
};

}  // namespace commerce
