// The production clock: the system's real time.
#pragma once

#include "ports/clock.h"

#include <chrono>

namespace commerce {

class SystemClock final : public Clock {
public:
    int64_t now_ms() override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

}  // namespace commerce
