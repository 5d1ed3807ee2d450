// Record identifiers: UUIDv7 (RFC 9562). They sort by creation time and carry 74 random bits, so records made
// on offline devices never collide when they reach the central store.
#pragma once

#include "ports/clock.h"

#include <cstdint>
#include <mutex>
#include <string>

namespace commerce {

class IdGenerator {
public:
    explicit IdGenerator(Clock& clock) : clock_(clock) {}

    // A new id in canonical text form ("0190b6d5-...").
    std::string next();

private:
    Clock& clock_;
    std::mutex mutex_;
    int64_t last_ms_ = -1;
    uint16_t sequence_ = 0;  // RFC 9562 method 1: a counter in rand_a keeps ids of one millisecond ordered
};

}  // namespace commerce
