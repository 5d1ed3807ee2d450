// The clock port. The engine never reads the system time directly, so test harnesses can move time.
#pragma once

#include <cstdint>

namespace commerce {

class Clock {
public:
    virtual ~Clock() = default;
    virtual int64_t now_ms() = 0;  // milliseconds since the Unix epoch, UTC
};

}  // namespace commerce
