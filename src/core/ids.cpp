#include "core/ids.h"

#include "core/crypto.h"

#include <array>

namespace commerce {

std::string IdGenerator::next() {
    std::string random = random_bytes(10);
    int64_t ms;
    uint16_t sequence;
    {
        std::lock_guard lock(mutex_);
        ms = clock_.now_ms();
        if (ms <= last_ms_) {
            ms = last_ms_;  // a clock moved backwards still yields increasing ids
            if (++sequence_ > 0x0fff) {
                ++ms;  // counter exhausted: borrow the next millisecond, as RFC 9562 allows
                sequence_ = static_cast<uint16_t>(random[0] & 0x07);
            }
        } else {
            // A small random start leaves room to count up within the millisecond.
            sequence_ = static_cast<uint16_t>(((static_cast<uint8_t>(random[0]) << 8) | static_cast<uint8_t>(random[1])) & 0x01ff);
        }
        last_ms_ = ms;
        sequence = sequence_;
    }
    std::array<uint8_t, 16> b{};
    for (int i = 0; i < 6; ++i) b[i] = static_cast<uint8_t>(static_cast<uint64_t>(ms) >> (40 - 8 * i));
    b[6] = static_cast<uint8_t>(0x70 | (sequence >> 8));
    b[7] = static_cast<uint8_t>(sequence & 0xff);
    for (int i = 8; i < 16; ++i) b[i] = static_cast<uint8_t>(random[i - 6]);
    b[8] = static_cast<uint8_t>((b[8] & 0x3f) | 0x80);  // RFC 9562 variant

    std::string hex = to_hex(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
           hex.substr(20);
}

}  // namespace commerce
